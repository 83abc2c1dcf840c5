import * as z from 'zod';
import {
  ACCOUNT_STATUSES,
  type Account,
  type Deal,
  type PurchaseOrder,
  REGIONS,
  type Seed,
  type Supplier,
  seedData,
} from './seed.js';

export const BO_TYPES = ['account', 'deal', 'purchase-order', 'supplier'] as const;
export type DemoBoType = (typeof BO_TYPES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const NewAccount = z.object({
  name: text(120),
  owner: text(64).default('max.sales'),
  region: z.enum(REGIONS),
  status: z.enum(ACCOUNT_STATUSES).default('Prospect'),
  industry: text(64).default('Other'),
});
export const AccountPatch = NewAccount.partial().refine(
  (p) => Object.keys(p).length > 0,
  'nothing to change',
);
export const DealPatch = z.object({
  amount: z.number().finite().min(0).max(1e12).optional(),
  stage: text(32).optional(),
});

/** The demo CRM and ERP records, in memory. */
export class LobStore {
  private data: Seed = seedData();
  private nextAccount = 2001;

  reset(): void {
    this.data = seedData();
    this.nextAccount = 2001;
  }

  accounts(): Account[] {
    return this.data.accounts;
  }
  account(id: string): Account | undefined {
    return this.data.accounts.find((a) => a.id === id);
  }
  createAccount(input: z.infer<typeof NewAccount>): Account {
    let id: string;
    do id = `A-${this.nextAccount++}`;
    while (this.account(id));
    const account: Account = { id, accountNumber: id, ...input };
    this.data.accounts.push(account);
    return account;
  }
  updateAccount(id: string, patch: z.infer<typeof AccountPatch>): Account | undefined {
    const account = this.account(id);
    if (account) Object.assign(account, patch);
    return account;
  }

  deals(accountId?: string): Deal[] {
    return this.data.deals.filter((d) => !accountId || d.accountId === accountId);
  }
  deal(id: string): Deal | undefined {
    return this.data.deals.find((d) => d.id === id);
  }
  updateDeal(id: string, patch: z.infer<typeof DealPatch>): { before: Deal; after: Deal } | undefined {
    const deal = this.deal(id);
    if (!deal) return undefined;
    const before = { ...deal };
    if (patch.amount !== undefined) deal.amount = patch.amount;
    if (patch.stage !== undefined) deal.stage = patch.stage;
    return { before, after: deal };
  }

  suppliers(): Supplier[] {
    return this.data.suppliers;
  }
  purchaseOrders(): PurchaseOrder[] {
    return this.data.purchaseOrders;
  }

  /** The properties xECM's connector pulls for one business object (flat string values). */
  masterData(boType: DemoBoType, id: string): Record<string, string> | undefined {
    switch (boType) {
      case 'account': {
        const a = this.account(id);
        return a && strings(a);
      }
      case 'deal': {
        const d = this.deal(id);
        return d && strings(d);
      }
      case 'supplier': {
        const s = this.data.suppliers.find((x) => x.id === id);
        return s && strings(s);
      }
      case 'purchase-order': {
        const po = this.data.purchaseOrders.find((x) => x.id === id);
        if (!po) return undefined;
        const supplier = this.data.suppliers.find((s) => s.id === po.supplierId);
        return strings({ ...po, supplierName: supplier?.name ?? '', region: supplier?.region ?? '' });
      }
    }
  }

  search(boType: DemoBoType, q: string, limit = 20): Record<string, string>[] {
    const needle = q.trim().toLowerCase();
    const all: { id: string }[] =
      boType === 'account'
        ? this.data.accounts
        : boType === 'deal'
          ? this.data.deals
          : boType === 'supplier'
            ? this.data.suppliers
            : this.data.purchaseOrders;
    return all
      .map((r) => this.masterData(boType, r.id)!)
      .filter((r) => !needle || Object.values(r).some((v) => v.toLowerCase().includes(needle)))
      .slice(0, limit);
  }
}

function strings(record: object): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}
