// The demo LOB's records. Ids line up with the business objects the xECM emulator seeds
// (src/emulator/seed), so the cards on the CRM and ERP pages find their workspaces.

export interface Account {
  id: string;
  name: string;
  accountNumber: string;
  owner: string;
  region: string;
  status: string;
  industry: string;
}

export interface Deal {
  id: string;
  accountId: string;
  name: string;
  amount: number;
  currency: string;
  stage: string;
}

export interface Supplier {
  id: string;
  name: string;
  country: string;
  region: string;
  status: string;
}

export interface PurchaseOrder {
  id: string;
  title: string;
  supplierId: string;
  amount: number;
  currency: string;
  owner: string;
  status: string;
}

export interface Seed {
  accounts: Account[];
  deals: Deal[];
  suppliers: Supplier[];
  purchaseOrders: PurchaseOrder[];
}

export function seedData(): Seed {
  return {
    accounts: [
      {
        id: 'A-1001',
        name: 'Acme Corporation',
        accountNumber: 'A-1001',
        owner: 'max.sales',
        region: 'EMEA',
        status: 'Active',
        industry: 'Manufacturing',
      },
      {
        id: 'A-1002',
        name: 'Globex Industries',
        accountNumber: 'A-1002',
        owner: 'max.sales',
        region: 'Americas',
        status: 'Active',
        industry: 'Energy',
      },
      {
        id: 'A-1003',
        name: 'Initech GmbH',
        accountNumber: 'A-1003',
        owner: 'max.sales',
        region: 'EMEA',
        status: 'Prospect',
        industry: 'Software',
      },
      {
        id: 'A-1004',
        name: 'Umbrella Health',
        accountNumber: 'A-1004',
        owner: 'max.sales',
        region: 'APAC',
        status: 'Active',
        industry: 'Healthcare',
      },
      {
        id: 'A-1005',
        name: 'Stark Logistics',
        accountNumber: 'A-1005',
        owner: 'max.sales',
        region: 'Americas',
        status: 'On hold',
        industry: 'Logistics',
      },
    ],
    deals: [
      {
        id: 'D-5001',
        accountId: 'A-1001',
        name: 'Acme framework agreement 2027',
        amount: 250000,
        currency: 'EUR',
        stage: 'Negotiation',
      },
      {
        id: 'D-5002',
        accountId: 'A-1001',
        name: 'Acme spare parts',
        amount: 18000,
        currency: 'EUR',
        stage: 'Proposal',
      },
      {
        id: 'D-5003',
        accountId: 'A-1002',
        name: 'Globex turbine service',
        amount: 90000,
        currency: 'USD',
        stage: 'Qualification',
      },
      {
        id: 'D-5004',
        accountId: 'A-1004',
        name: 'Umbrella clinic rollout',
        amount: 420000,
        currency: 'USD',
        stage: 'Proposal',
      },
    ],
    suppliers: [
      { id: 'S-3001', name: 'Northwind Components', country: 'DE', region: 'EMEA', status: 'Approved' },
      { id: 'S-3002', name: 'Contoso Steel', country: 'US', region: 'Americas', status: 'Approved' },
      { id: 'S-3003', name: 'Fabrikam Electronics', country: 'JP', region: 'APAC', status: 'Under review' },
    ],
    purchaseOrders: [
      {
        id: 'PO-4500001',
        title: 'Gearboxes for line 3',
        supplierId: 'S-3001',
        amount: 74000,
        currency: 'EUR',
        owner: 'max.sales',
        status: 'Open',
      },
      {
        id: 'PO-4500002',
        title: 'Steel beams, hall B',
        supplierId: 'S-3002',
        amount: 128500,
        currency: 'USD',
        owner: 'max.sales',
        status: 'Approved',
      },
      {
        id: 'PO-4500003',
        title: 'Control units',
        supplierId: 'S-3003',
        amount: 56300,
        currency: 'EUR',
        owner: 'max.sales',
        status: 'Draft',
      },
    ],
  };
}

/** Demo users: the emulator's users, so a BFF token's `sub` is an xECM user. */
export const DEMO_USERS = [
  { id: 'max.sales', name: 'Max Sales', role: 'Sales rep (regular user)' },
  { id: 'lena.legal', name: 'Lena Legal', role: 'Legal reviewer' },
  { id: 'rex.restricted', name: 'Rex Restricted', role: 'Restricted: no confidential folders' },
  { id: 'Admin', name: 'Administrator', role: 'Administrator: sees everything' },
] as const;
export type DemoUserId = (typeof DEMO_USERS)[number]['id'];
