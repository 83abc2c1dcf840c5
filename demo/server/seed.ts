// The demo LOB's records. Ids line up with the business objects the xECM emulator seeds
// (src/emulator/seed), so the cards on the CRM and ERP pages find their workspaces.
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

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
  const { acme, empty, supplier, big } = WELL_KNOWN;
  return {
    accounts: [
      {
        id: acme.businessObject.id,
        name: acme.name,
        accountNumber: acme.businessObject.id,
        owner: 'max.sales',
        region: 'EMEA',
        status: 'Active',
        industry: 'Manufacturing',
      },
      {
        id: 'A-1002',
        name: 'Globex Corporation',
        accountNumber: 'A-1002',
        owner: 'max.sales',
        region: 'North America',
        status: 'Active',
        industry: 'Energy',
      },
      {
        id: empty.businessObject.id,
        name: 'Initech',
        accountNumber: empty.businessObject.id,
        owner: 'max.sales',
        region: 'EMEA',
        status: 'Prospect',
        industry: 'Finance',
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
        region: 'LATAM',
        status: 'On Hold',
        industry: 'Logistics',
      },
    ],
    deals: [
      {
        id: 'D-5001',
        accountId: acme.businessObject.id,
        name: 'Acme framework agreement 2027',
        amount: 250000,
        currency: 'EUR',
        stage: 'Negotiation',
      },
      {
        id: 'D-5002',
        accountId: acme.businessObject.id,
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
      {
        id: supplier.businessObject.id,
        name: supplier.name,
        country: 'DE',
        region: 'EMEA',
        status: 'Approved',
      },
      {
        id: 'S-3002',
        name: 'Contoso Steel Inc.',
        country: 'US',
        region: 'North America',
        status: 'Approved',
      },
      {
        id: 'S-3003',
        name: 'Fabrikam Electronics Ltd.',
        country: 'JP',
        region: 'APAC',
        status: 'Under review',
      },
    ],
    purchaseOrders: [
      {
        id: big.businessObject.id,
        title: big.name,
        supplierId: 'S-3002',
        amount: 1250000,
        currency: 'USD',
        owner: 'max.sales',
        status: 'Active',
      },
      {
        id: 'PO-4500010001',
        title: 'Gearboxes for line 3',
        supplierId: supplier.businessObject.id,
        amount: 74000,
        currency: 'EUR',
        owner: 'max.sales',
        status: 'Planned',
      },
      {
        id: 'PO-4500010002',
        title: 'Control units',
        supplierId: 'S-3003',
        amount: 56300,
        currency: 'EUR',
        owner: 'max.sales',
        status: 'Planned',
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

/** The values xECM's Customer category accepts (see the emulator's category definitions). */
export const REGIONS = ['EMEA', 'North America', 'LATAM', 'APAC'] as const;
export const ACCOUNT_STATUSES = ['Prospect', 'Active', 'On Hold', 'Closed'] as const;
