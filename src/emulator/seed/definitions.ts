// Static configuration of the emulated Content Server: users, groups, categories, workspace and
// business object types, workflow maps. Ids come from well-known.ts.
import type { Group, User, WorkflowDefinition } from '../state/types.js';
import { BO_TYPES, CATEGORIES, GROUPS, USERS, WORKFLOWS, WORKSPACE_TYPES } from './well-known.js';

const { everyone, businessUsers, legal, sales } = GROUPS;

export const SEED_USERS: readonly User[] = [
  {
    ...USERS.admin,
    firstName: '',
    lastName: 'Admin',
    email: 'admin@example.com',
    groupIds: [everyone.id],
    admin: true,
    readOnly: false,
  },
  {
    ...USERS.reviewer,
    firstName: 'Lena',
    lastName: 'Legal',
    email: 'lena.legal@example.com',
    groupIds: [everyone.id, businessUsers.id, legal.id],
    admin: false,
    readOnly: false,
  },
  {
    ...USERS.regular,
    firstName: 'Max',
    lastName: 'Sales',
    email: 'max.sales@example.com',
    groupIds: [everyone.id, businessUsers.id, sales.id],
    admin: false,
    readOnly: false,
  },
  {
    ...USERS.restricted,
    firstName: 'Rex',
    lastName: 'Restricted',
    email: 'rex.restricted@example.com',
    groupIds: [everyone.id],
    admin: false,
    readOnly: false,
  },
  {
    ...USERS.portal,
    firstName: 'Portal',
    lastName: 'Reader',
    email: 'portal.reader@example.com',
    groupIds: [everyone.id, businessUsers.id],
    admin: false,
    readOnly: true,
  },
];

export const SEED_GROUPS: readonly Group[] = Object.values(GROUPS);

export interface AttributeDefinition {
  readonly key: string;
  readonly name: string;
  readonly validValues?: readonly string[];
}

export interface CategoryDefinition {
  readonly id: number;
  readonly name: string;
  readonly attributes: readonly AttributeDefinition[];
}

export const APPROVAL_VALUES = ['Draft', 'In Review', 'Approved', 'Rejected'] as const;
export const VISIBILITY_VALUES = ['Internal', 'Public'] as const;
export const REGIONS = ['EMEA', 'North America', 'LATAM', 'APAC'] as const;

export const CATEGORY_DEFINITIONS: readonly CategoryDefinition[] = [
  {
    id: CATEGORIES.documentControl.id,
    name: 'Document Control',
    attributes: [
      {
        key: CATEGORIES.documentControl.approvalStatus,
        name: 'Approval Status',
        validValues: APPROVAL_VALUES,
      },
      {
        key: CATEGORIES.documentControl.portalVisibility,
        name: 'Portal Visibility',
        validValues: VISIBILITY_VALUES,
      },
    ],
  },
  {
    id: CATEGORIES.customer.id,
    name: 'Customer',
    attributes: [
      { key: CATEGORIES.customer.accountNumber, name: 'Account Number' },
      { key: CATEGORIES.customer.owner, name: 'Owner' },
      { key: CATEGORIES.customer.region, name: 'Region', validValues: REGIONS },
      {
        key: CATEGORIES.customer.status,
        name: 'Status',
        validValues: ['Prospect', 'Active', 'On Hold', 'Closed'],
      },
      { key: CATEGORIES.customer.industry, name: 'Industry' },
    ],
  },
  {
    id: CATEGORIES.project.id,
    name: 'Project',
    attributes: [
      { key: CATEGORIES.project.projectId, name: 'Project ID' },
      { key: CATEGORIES.project.owner, name: 'Owner' },
      { key: CATEGORIES.project.region, name: 'Region', validValues: REGIONS },
      {
        key: CATEGORIES.project.status,
        name: 'Status',
        validValues: ['Planned', 'Active', 'On Hold', 'Completed'],
      },
      { key: CATEGORIES.project.budget, name: 'Budget' },
    ],
  },
  {
    id: CATEGORIES.case.id,
    name: 'Case',
    attributes: [
      { key: CATEGORIES.case.caseNumber, name: 'Case Number' },
      { key: CATEGORIES.case.owner, name: 'Owner' },
      { key: CATEGORIES.case.region, name: 'Region', validValues: REGIONS },
      {
        key: CATEGORIES.case.status,
        name: 'Status',
        validValues: ['Open', 'In Progress', 'Resolved', 'Closed'],
      },
      { key: CATEGORIES.case.priority, name: 'Priority', validValues: ['Low', 'Medium', 'High', 'Critical'] },
    ],
  },
];

export function categoryDefinition(id: number): CategoryDefinition | undefined {
  return CATEGORY_DEFINITIONS.find((c) => c.id === id);
}

export interface WorkspaceTypeDefinition {
  readonly id: number;
  readonly name: string;
  readonly templateId: number;
  readonly templateName: string;
  readonly categoryId: number;
  readonly locationId: number;
  /** Folders every new workspace of this type gets from its template. */
  readonly folders: readonly string[];
}

export const WORKSPACE_TYPE_DEFINITIONS: readonly WorkspaceTypeDefinition[] = [
  {
    ...WORKSPACE_TYPES.customer,
    templateName: 'Customer Workspace',
    folders: ['Contracts', 'Invoices', 'Correspondence', 'Confidential'],
  },
  {
    ...WORKSPACE_TYPES.project,
    templateName: 'Project Workspace',
    folders: ['Documents', 'Contracts', 'Drawings', 'Invoices', 'Correspondence', 'Confidential'],
  },
  {
    ...WORKSPACE_TYPES.case,
    templateName: 'Case File',
    folders: ['Case Files', 'Correspondence', 'Evidence', 'Confidential'],
  },
];

export function workspaceTypeDefinition(id: number): WorkspaceTypeDefinition | undefined {
  return WORKSPACE_TYPE_DEFINITIONS.find((t) => t.id === id);
}

export interface BoTypeDefinition {
  readonly id: number;
  readonly system: string;
  readonly boType: string;
  readonly name: string;
  readonly workspaceTypeId: number;
}

export const BO_TYPE_DEFINITIONS: readonly BoTypeDefinition[] = [
  { ...BO_TYPES.account, name: 'Account' },
  { ...BO_TYPES.purchaseOrder, name: 'Purchase Order' },
  { ...BO_TYPES.supplier, name: 'Supplier' },
  { ...BO_TYPES.case, name: 'Case' },
];

export function boTypeDefinition(system: string, boType: string): BoTypeDefinition | undefined {
  return BO_TYPE_DEFINITIONS.find((t) => t.system === system && t.boType === boType);
}

export const EXTERNAL_SYSTEMS: Readonly<Record<string, string>> = {
  crm: 'Demo CRM',
  erp: 'Demo ERP',
  cases: 'Case Management',
};

export const WORKFLOW_DEFINITIONS: readonly WorkflowDefinition[] = [
  {
    ...WORKFLOWS.contractReview,
    steps: [
      {
        name: 'Legal review',
        assignee: USERS.reviewer.name,
        instructions: 'Check the terms and liabilities.',
      },
      {
        name: 'Final approval',
        assignee: USERS.reviewer.name,
        instructions: 'Approve or reject the contract.',
      },
    ],
  },
  {
    ...WORKFLOWS.complianceReview,
    steps: [{ name: 'Compliance check', assignee: USERS.reviewer.name, instructions: 'Confirm compliance.' }],
  },
];
