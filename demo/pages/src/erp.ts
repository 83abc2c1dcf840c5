import 'xecm-elements';
import { api, boot, h, requireUser, wireProviders } from './shell.js';

interface PurchaseOrder {
  id: string;
  title: string;
  supplierId: string;
  amount: number;
  currency: string;
  owner: string;
  status: string;
}
interface Supplier {
  id: string;
  name: string;
  country: string;
  region: string;
  status: string;
}

const shell = await boot();
if (requireUser(shell, document.getElementById('main')!)) {
  wireProviders(shell.config);
  const [{ items: orders }, { items: suppliers }] = await Promise.all([
    api<{ items: PurchaseOrder[] }>('/api/purchase-orders'),
    api<{ items: Supplier[] }>('/api/suppliers'),
  ]);
  const money = (n: number, currency: string) =>
    new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(n);
  const supplierName = (id: string) => suppliers.find((s) => s.id === id)?.name ?? id;
  // Every card on this page is looked up in one batched BFF request.
  document
    .getElementById('purchase-orders')!
    .replaceChildren(
      ...orders.map((po) =>
        h(
          'article',
          { class: 'panel', 'data-po': po.id },
          h('h3', {}, `${po.id}: ${po.title}`),
          h(
            'p',
            { class: 'muted' },
            `${supplierName(po.supplierId)} · ${money(po.amount, po.currency)} · ${po.status}`,
          ),
          h('xecm-workspace-card', { system: 'erp', type: 'purchase-order', 'bo-id': po.id }),
        ),
      ),
    );
  document
    .getElementById('suppliers')!
    .replaceChildren(
      ...suppliers.map((s) =>
        h(
          'article',
          { class: 'panel', 'data-supplier': s.id },
          h('h3', {}, s.name),
          h('p', { class: 'muted' }, `${s.id} · ${s.country} · ${s.region} · ${s.status}`),
          h('xecm-workspace-card', { system: 'erp', type: 'supplier', 'bo-id': s.id, layout: 'compact' }),
        ),
      ),
    );
}
