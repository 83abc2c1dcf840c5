import 'xecm-elements';
import { documentReviewPanel } from './document-review.js';
import { api, boot, h, loadedWorkspaceId, requireUser, wireProviders } from './shell.js';

interface Account {
  id: string;
  name: string;
  accountNumber: string;
  owner: string;
  region: string;
  status: string;
  industry: string;
}
interface Deal {
  id: string;
  accountId: string;
  name: string;
  amount: number;
  currency: string;
  stage: string;
}
interface LobEvent {
  id: string;
  type: string;
  sentAt: string;
  status?: number;
  error?: string;
  data: Record<string, unknown>;
}

const REGIONS = ['EMEA', 'North America', 'LATAM', 'APAC'];
const STATUSES = ['Prospect', 'Active', 'On Hold', 'Closed'];

const shell = await boot();
const main = document.getElementById('main')!;
if (requireUser(shell, main)) {
  wireProviders(shell.config);
  const tbody = document.getElementById('accounts')!;
  const detail = document.getElementById('detail')!;
  const form = document.getElementById('new-account') as HTMLFormElement;
  const createStatus = document.getElementById('create-status')!;
  const regionSelect = form.elements.namedItem('region') as HTMLSelectElement;
  regionSelect.append(...REGIONS.map((r) => h('option', { value: r }, r)));
  let selected = new URLSearchParams(location.search).get('account') ?? undefined;

  const renderEvents = async () => {
    const { items } = await api<{ items: LobEvent[] }>('/api/events');
    document
      .getElementById('events')!
      .replaceChildren(
        ...(items.length
          ? items.map((e) =>
              h(
                'div',
                {},
                `${e.sentAt.slice(11, 19)} ${e.type} ${JSON.stringify(e.data)} → ${e.status ?? e.error ?? ''}`,
              ),
            )
          : [h('span', { class: 'muted' }, 'None yet.')]),
      );
  };

  const renderAccounts = async () => {
    const { items } = await api<{ items: Account[] }>('/api/accounts');
    tbody.replaceChildren(
      ...items.map((a) =>
        h(
          'tr',
          { class: 'selectable', 'aria-selected': String(a.id === selected), 'data-account': a.id },
          h(
            'td',
            {},
            h(
              'a',
              {
                href: `?account=${encodeURIComponent(a.id)}`,
                onclick: (e: Event) => {
                  e.preventDefault();
                  void select(a.id);
                },
              },
              a.name,
            ),
          ),
          h('td', {}, a.accountNumber),
          h('td', {}, a.region),
          h('td', {}, a.status),
        ),
      ),
    );
    return items;
  };

  const select = async (id: string) => {
    selected = id;
    history.replaceState(null, '', `?account=${encodeURIComponent(id)}`);
    const accounts = await renderAccounts();
    const account = accounts.find((a) => a.id === id);
    if (account) await renderDetail(account);
  };

  const renderDetail = async (account: Account) => {
    const { items: deals } = await api<{ items: Deal[] }>(
      `/api/deals?accountId=${encodeURIComponent(account.id)}`,
    );
    const card = h('xecm-workspace-card', {
      system: 'crm',
      type: 'account',
      'bo-id': account.id,
      id: 'account-card',
    });
    const review = h('xecm-start-review', { 'target-kind': 'workspace', id: 'account-review' });
    const list = h('xecm-document-list', { id: 'account-documents' });
    const documentReview = documentReviewPanel(shell.config);
    const documents = h(
      'div',
      { id: 'workspace-area', hidden: true },
      h('p', { class: 'inline-row' }, h('span', { class: 'muted' }, 'Review the whole workspace:'), review),
      h('h2', {}, 'Documents'),
      list,
      documentReview.element,
    );
    // The list and the review button need the workspace id, which the card learns from the BFF.
    card.addEventListener('xecm-load', async () => {
      const id = await loadedWorkspaceId(card);
      if (!id) return;
      list.setAttribute('workspace-id', id);
      review.setAttribute('target-id', id);
      documents.hidden = false;
    });
    // Each load of the list (first load, after an upload, after a live update) refreshes the choice.
    list.addEventListener('xecm-load', () => {
      const id = list.getAttribute('workspace-id');
      if (id) void documentReview.refresh(id);
    });

    const region = h(
      'select',
      { name: 'region', 'aria-label': 'Region' },
      ...REGIONS.map((r) => h('option', { value: r, selected: r === account.region }, r)),
    );
    const status = h(
      'select',
      { name: 'status', 'aria-label': 'Status' },
      ...STATUSES.map((s) => h('option', { value: s, selected: s === account.status }, s)),
    );
    const saved = h('span', { class: 'status', role: 'status' });
    const editForm = h(
      'form',
      {
        class: 'inline',
        id: 'edit-account',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const res = await api<{ synced: boolean }>(`/api/accounts/${encodeURIComponent(account.id)}`, {
            method: 'PATCH',
            body: { region: region.value, status: status.value },
          });
          saved.textContent = res.synced
            ? 'Saved in the CRM; xECM pulled the new master data.'
            : 'Saved in the CRM. xECM pulls it as master data on its next refresh.';
          // We changed the record ourselves: tell the elements to read the workspace again.
          const id = card.workspace?.id;
          if (id && res.synced)
            document.querySelector('xecm-provider')?.effectiveClient?.invalidate(`workspace:${id}`);
          await renderAccounts();
        },
      },
      h('label', {}, 'Region', region),
      h('label', {}, 'Status', status),
      h('button', { type: 'submit' }, 'Save'),
      saved,
    );

    const dealRows = deals.map((d) => {
      const amount = h('input', {
        type: 'number',
        min: '0',
        step: '1000',
        value: String(d.amount),
        'aria-label': `Amount of ${d.name}`,
      });
      const note = h('span', { class: 'status', role: 'status' });
      return h(
        'tr',
        { 'data-deal': d.id },
        h('td', {}, d.name),
        h('td', {}, d.stage),
        h(
          'td',
          {},
          h(
            'form',
            {
              class: 'inline',
              onsubmit: async (e: Event) => {
                e.preventDefault();
                const res = await api<{ event?: LobEvent }>(`/api/deals/${encodeURIComponent(d.id)}`, {
                  method: 'PATCH',
                  body: { amount: Number(amount.value) },
                });
                note.textContent = res.event
                  ? `deal.updated sent (${res.event.status ?? res.event.error})`
                  : 'Unchanged.';
                await renderEvents();
              },
            },
            amount,
            h('span', {}, d.currency),
            h('button', { type: 'submit' }, 'Save amount'),
            note,
          ),
        ),
      );
    });

    detail.replaceChildren(
      h(
        'div',
        { class: 'panel' },
        h('h2', {}, account.name),
        h(
          'p',
          { class: 'muted' },
          `Account ${account.accountNumber} · owner ${account.owner} · ${account.industry}`,
        ),
        editForm,
        h('h2', {}, 'Business workspace'),
        card,
        documents,
        h('h2', {}, 'Deals'),
        deals.length
          ? h(
              'table',
              {},
              h('thead', {}, h('tr', {}, h('th', {}, 'Deal'), h('th', {}, 'Stage'), h('th', {}, 'Amount'))),
              h('tbody', {}, ...dealRows),
            )
          : h('p', { class: 'muted' }, 'No deals.'),
      ),
    );
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    createStatus.textContent = 'Creating…';
    try {
      const { account, event } = await api<{ account: Account; event: LobEvent }>('/api/accounts', {
        method: 'POST',
        body: {
          name: data.get('name'),
          region: data.get('region'),
          industry: data.get('industry'),
          owner: shell.user,
        },
      });
      createStatus.textContent = `Created ${account.id}; account.created sent to the BFF (${event.status ?? event.error}).`;
      form.reset();
      await select(account.id);
      await renderEvents();
    } catch (err) {
      createStatus.textContent = err instanceof Error ? err.message : String(err);
    }
  });

  const accounts = await renderAccounts();
  await renderEvents();
  const initial = accounts.find((a) => a.id === selected);
  if (initial) await renderDetail(initial);
}
