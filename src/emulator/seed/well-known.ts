// Ids of seeded objects that tests, the demo and other helpers rely on. The seed generator creates these
// objects with exactly these ids; everything else it generates gets ids from 20000 upwards.

export const USERS = {
  admin: { id: 1000, name: 'Admin', password: 'livelink' },
  reviewer: { id: 1001, name: 'lena.legal', password: 'demo' },
  regular: { id: 1002, name: 'max.sales', password: 'demo' },
  restricted: { id: 1003, name: 'rex.restricted', password: 'demo' },
  portal: { id: 1004, name: 'portal.reader', password: 'demo' },
} as const;

export const GROUPS = {
  everyone: { id: 1100, name: 'DefaultGroup' },
  businessUsers: { id: 1101, name: 'Business Users' },
  legal: { id: 1102, name: 'Legal' },
  sales: { id: 1103, name: 'Sales' },
} as const;

export const CATEGORIES = {
  documentControl: {
    id: 9001,
    approvalStatus: '9001_2',
    portalVisibility: '9001_3',
  },
  customer: {
    id: 9101,
    accountNumber: '9101_2',
    owner: '9101_3',
    region: '9101_4',
    status: '9101_5',
    industry: '9101_6',
  },
  project: {
    id: 9102,
    projectId: '9102_2',
    owner: '9102_3',
    region: '9102_4',
    status: '9102_5',
    budget: '9102_6',
  },
  case: {
    id: 9103,
    caseNumber: '9103_2',
    owner: '9103_3',
    region: '9103_4',
    status: '9103_5',
    priority: '9103_6',
  },
} as const;

export const WORKSPACE_TYPES = {
  customer: { id: 1, name: 'Customer', templateId: 9301, categoryId: 9101, locationId: 3001 },
  project: { id: 2, name: 'Project', templateId: 9302, categoryId: 9102, locationId: 3002 },
  case: { id: 3, name: 'Case', templateId: 9303, categoryId: 9103, locationId: 3003 },
} as const;

export const BO_TYPES = {
  account: { id: 11, system: 'crm', boType: 'account', workspaceTypeId: 1 },
  purchaseOrder: { id: 12, system: 'erp', boType: 'purchase-order', workspaceTypeId: 2 },
  supplier: { id: 13, system: 'erp', boType: 'supplier', workspaceTypeId: 1 },
  case: { id: 14, system: 'cases', boType: 'case', workspaceTypeId: 3 },
} as const;

export const WORKFLOWS = {
  contractReview: { id: 9201, name: 'Contract Review' },
  complianceReview: { id: 9202, name: 'Compliance Review' },
} as const;

export const WELL_KNOWN = {
  users: USERS,
  groups: GROUPS,
  categories: CATEGORIES,
  workspaceTypes: WORKSPACE_TYPES,
  boTypes: BO_TYPES,
  workflows: WORKFLOWS,
  /** Enterprise volume (root of all folders). */
  enterpriseVolumeId: 2000,
  /** A fully populated customer workspace with one document in every interesting state. */
  acme: {
    workspaceId: 10100,
    name: 'Acme Corporation',
    businessObject: { system: 'crm', type: 'account', id: 'A-1001' },
    contractsFolderId: 10101,
    invoicesFolderId: 10102,
    correspondenceFolderId: 10103,
    confidentialFolderId: 10104,
    /** Approval Approved, Portal Visibility Public, 3 versions, PDF. */
    approvedPublicDocumentId: 10110,
    /** Approval Approved, Portal Visibility Internal. */
    approvedInternalDocumentId: 10111,
    /** Approval In Review (no running process). */
    inReviewDocumentId: 10112,
    /** Approval Draft. */
    draftDocumentId: 10113,
    /** Approval Rejected. */
    rejectedDocumentId: 10114,
    /** No Document Control values at all (approval "none"). */
    unclassifiedDocumentId: 10115,
    /** Inside the Confidential folder: invisible to rex.restricted. */
    confidentialDocumentId: 10120,
    /** text/html with a <script> inside. */
    htmlDocumentId: 10130,
    /** image/svg+xml with a <script> inside. */
    svgDocumentId: 10131,
  },
  /** A project workspace holding 10,000 documents (in its Documents folder) for list-performance work. */
  big: {
    workspaceId: 10200,
    name: 'Globex Plant Expansion',
    businessObject: { system: 'erp', type: 'purchase-order', id: 'PO-4500010000' },
    documentsFolderId: 10201,
    documentCount: 10_000,
  },
  /** A customer workspace with folders but zero documents. */
  empty: {
    workspaceId: 10300,
    name: 'Initech Onboarding',
    businessObject: { system: 'crm', type: 'account', id: 'A-1003' },
  },
  /** A supplier workspace. */
  supplier: {
    workspaceId: 10400,
    name: 'Stark Components GmbH',
    businessObject: { system: 'erp', type: 'supplier', id: 'S-3001' },
  },
  /** A case workspace. */
  case: {
    workspaceId: 10500,
    name: 'Warranty Claim CASE-2026-0042',
    businessObject: { system: 'cases', type: 'case', id: 'CASE-2026-0042' },
  },
  /** A business object that has no workspace (lookups answer "not found"; creating one works). */
  unlinkedBusinessObject: { system: 'crm', type: 'account', id: 'A-9999' },
  /** First id handed out to generated and newly created nodes. */
  firstGeneratedId: 20000,
} as const;
