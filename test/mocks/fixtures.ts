// Deterministic fake data following the contract, for element tests, client tests and stories. The same
// arguments always give the same objects (no clocks, no randomness), so screenshots and assertions hold.
import {
  DOCUMENT_PAGE_SIZE_DEFAULT,
  PROBLEM_CONTENT_TYPE,
  problemType,
  type Approval,
  type ApprovalState,
  type DocumentItem,
  type DocumentPage,
  type DocumentQuery,
  type DocumentSortKey,
  type Problem,
  type WorkspaceSummary,
} from '../../src/contract/index.js';

/** The instant fixtures are "now"; timestamps are placed before it. */
export const FIXTURE_NOW = Date.parse('2026-11-20T09:30:00Z');
const MINUTE = 60_000;

/** Strings that must render as inert text, never as markup or reordered text. */
export const HOSTILE_STRINGS = {
  html: '<img src=x onerror=alert(1)>',
  script: '"><script>alert(1)</script>',
  /** U+202E RIGHT-TO-LEFT OVERRIDE: "invoice‮fdp.exe" looks like "invoiceexe.pdf". */
  rtlOverride: 'invoice\u202Efdp.exe',
  long: 'Quarterly supply agreement '.repeat(20).slice(0, 500),
  unicode: 'Zürich – 東京 – الرياض 👩‍💼',
} as const;

export const APPROVAL_FIXTURES: Record<ApprovalState, Approval> = {
  none: { state: 'none' },
  draft: { state: 'draft', updatedAt: iso(3 * 24 * 60) },
  'in-review': { state: 'in-review', step: 'Legal review', updatedAt: iso(90) },
  approved: { state: 'approved', updatedAt: iso(26 * 60) },
  rejected: { state: 'rejected', updatedAt: iso(5 * 60) },
};

/** ISO timestamp `minutesAgo` before {@link FIXTURE_NOW}. */
export function iso(minutesAgo: number): string {
  return new Date(FIXTURE_NOW - minutesAgo * MINUTE).toISOString();
}

const TYPES = [
  { type: 'Customer', system: 'crm', boType: 'account', prefix: 'A-' },
  { type: 'Project', system: 'erp', boType: 'purchase-order', prefix: 'PO-' },
  { type: 'Case', system: 'cases', boType: 'case', prefix: 'C-' },
] as const;
const COMPANIES = [
  'Acme Industrial',
  'Globex Logistics',
  'Initech Services',
  'Umbrella Pharma',
  'Stark Components',
];

/** Workspace number `n` (1, 2, …); its id is `String(7000 + n)`. */
export function fixtureWorkspace(n: number, overrides: Partial<WorkspaceSummary> = {}): WorkspaceSummary {
  const kind = TYPES[(n - 1) % TYPES.length]!;
  const id = String(7000 + n);
  const boId = `${kind.prefix}${1000 + n}`;
  return {
    id,
    name: `${COMPANIES[(n - 1) % COMPANIES.length]} ${kind.type} ${n}`,
    type: kind.type,
    url: `https://xecm.example.com/app/nodes/${id}`,
    businessObject: { system: kind.system, type: kind.boType, id: boId },
    metadata: [
      { key: 'number', label: kind.type === 'Customer' ? 'Account number' : 'Reference', value: boId },
      { key: 'owner', label: 'Owner', value: 'Max Sales' },
      { key: 'region', label: 'Region', value: ['EMEA', 'Americas', 'APAC'][n % 3]! },
    ],
    documentCount: (n * 7) % 40,
    approval: APPROVAL_FIXTURES.none,
    updatedAt: iso(n * 37),
    ...overrides,
  };
}

/** One workspace per approval state (ids 7001…7005). */
export function workspacesPerApprovalState(): WorkspaceSummary[] {
  return (Object.keys(APPROVAL_FIXTURES) as ApprovalState[]).map((state, i) =>
    fixtureWorkspace(i + 1, { approval: APPROVAL_FIXTURES[state] }),
  );
}

/** Workspaces whose name and metadata are hostile strings (ids 7101…). */
export function hostileWorkspaces(): WorkspaceSummary[] {
  return Object.values(HOSTILE_STRINGS).map((name, i) =>
    fixtureWorkspace(101 + i, {
      name,
      metadata: [{ key: 'owner', label: HOSTILE_STRINGS.html, value: name }],
    }),
  );
}

const DOC_KINDS = [
  { ext: 'pdf', mimeType: 'application/pdf', base: 'Contract' },
  {
    ext: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    base: 'Proposal',
  },
  {
    ext: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base: 'Price list',
  },
  { ext: 'png', mimeType: 'image/png', base: 'Site photo' },
  { ext: 'txt', mimeType: 'text/plain', base: 'Meeting notes' },
] as const;
const STATES = Object.keys(APPROVAL_FIXTURES) as ApprovalState[];

/** Document number `n` (1, 2, …); its id is `String(8000 + n)`. */
export function fixtureDocument(n: number, overrides: Partial<DocumentItem> = {}): DocumentItem {
  const kind = DOC_KINDS[(n - 1) % DOC_KINDS.length]!;
  const id = String(8000 + n);
  return {
    id,
    name: `${kind.base} ${String(n).padStart(4, '0')}.${kind.ext}`,
    mimeType: kind.mimeType,
    size: ((n * 7919) % 5_000_000) + 512,
    version: (n % 4) + 1,
    modifiedAt: iso(n * 13),
    modifiedBy: ['lena.legal', 'max.sales', 'Admin'][n % 3]!,
    approval: APPROVAL_FIXTURES[STATES[n % STATES.length]!],
    openUrl: `/bff/v1/documents/${id}/content`,
    downloadUrl: `/bff/v1/documents/${id}/content?download=1`,
    ...overrides,
  };
}

/** `count` documents (ids 8001…); 10 000 is fine for virtual-scrolling tests. */
export function fixtureDocuments(count: number): DocumentItem[] {
  return Array.from({ length: count }, (_, i) => fixtureDocument(i + 1));
}

/** Documents named with the hostile strings (ids 8901…). */
export function hostileDocuments(): DocumentItem[] {
  return Object.values(HOSTILE_STRINGS).map((name, i) => fixtureDocument(901 + i, { name }));
}

/**
 * The page of `all` a BFF would answer for `query`: filter by `q` (case-insensitive substring of the
 * name) and `type` (MIME prefix), sort (`-key` descending), then slice.
 */
export function fixtureDocumentPage(all: readonly DocumentItem[], query: DocumentQuery = {}): DocumentPage {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DOCUMENT_PAGE_SIZE_DEFAULT;
  const q = query.q?.toLowerCase();
  let items = all.filter(
    (d) => (!q || d.name.toLowerCase().includes(q)) && (!query.type || d.mimeType.startsWith(query.type)),
  );
  if (query.sort) {
    const desc = query.sort.startsWith('-');
    const key = (desc ? query.sort.slice(1) : query.sort) as DocumentSortKey;
    items = [...items].sort((a, b) => {
      const x = a[key];
      const y = b[key];
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return desc ? -cmp : cmp;
    });
  }
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
}

/** A problem document as the BFF sends it. */
export function fixtureProblem(status: number, code: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: problemType(code),
    title: code.replace(/-/g, ' '),
    status,
    code,
    requestId: `req-${code}`,
    ...extra,
  };
}

/** A `Response` carrying a problem (for msw resolvers and fake `fetch`). */
export function problemResponse(status: number, code: string, extra: Partial<Problem> = {}): Response {
  return new Response(JSON.stringify(fixtureProblem(status, code, extra)), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
  });
}
