// msw handlers for the workspace routes of the BFF (mounted at /bff), shared by the element tests and
// the Storybook stories of <xecm-workspace-card> and <xecm-approval-badge>. One `createWorkspaceMock()`
// is one fake BFF: it remembers workspaces it created, lets tests change data, and records every request
// so tests can count them.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type Approval,
  type BusinessObject,
  type DocumentItem,
  type LookupItem,
  type LookupResult,
  type Problem,
  type WorkspaceSummary,
} from '../../src/contract/index.js';

export const BFF_BASE = '/bff';

/** How the fake BFF answers every workspace (and document) read. */
export const WORKSPACE_MOCK_MODES = [
  'ready',
  'loading',
  'not-found',
  'forbidden',
  'error',
  'malformed',
  'network',
] as const;
export type WorkspaceMockMode = (typeof WORKSPACE_MOCK_MODES)[number];

export interface WorkspaceMockOptions {
  /** Workspaces it knows (default: {@link sampleWorkspaces}). */
  workspaces?: readonly WorkspaceSummary[];
  /** Documents `GET /v1/documents/:id` knows (for the badge's `document-id`). */
  documents?: readonly DocumentItem[];
  mode?: WorkspaceMockMode;
  /** On not-found: may the caller create the workspace (problem `canCreate`)? Default true. */
  canCreate?: boolean;
  /** The first N reads fail with 500 before the mode applies (for "retry succeeds"). */
  failFirst?: number;
  /** `POST /v1/workspaces` fails with this status (default: it succeeds). */
  createFailsWith?: number;
  /** Answer only after this many ms (stories: a visible loading state that still ends). */
  delayMs?: number;
  /**
   * Every read fails with this problem as a whole answer, as the BFF's middleware answers before any
   * lookup: 401 `unauthenticated` (session ended), 429 `rate-limited`, 503 `upstream-unavailable`.
   */
  failWith?: { status: number; code: string };
  /** `POST /v1/workspaces` answers after this many ms (`'infinite'`: never — a lasting "Creating…"). */
  createDelayMs?: number | 'infinite';
}

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/bff/v1/workspaces/lookup:batch`. */
  path: string;
  body?: unknown;
}

export interface WorkspaceMock {
  readonly handlers: HttpHandler[];
  readonly requests: RecordedRequest[];
  /** Requests whose path contains `fragment` (all requests without it). */
  count(fragment?: string, method?: string): number;
  /** Add or replace a workspace (e.g. a new approval state before `client.invalidate`). */
  upsert(workspace: WorkspaceSummary): void;
  upsertDocument(document: DocumentItem): void;
  setMode(mode: WorkspaceMockMode): void;
}

const DAY = 86_400_000;
/** Sample times are relative to page load, so "3 days ago" stays true in stories and tests. */
export const SAMPLE_NOW = Math.floor(Date.now() / 60_000) * 60_000;

export function sampleWorkspace(overrides: Partial<WorkspaceSummary> & { id: string }): WorkspaceSummary {
  return {
    name: 'Acme Corporation',
    type: 'Customer',
    url: `https://xecm.example.com/app/nodes/${overrides.id}`,
    businessObject: { system: 'crm', type: 'account', id: `A-${overrides.id}` },
    metadata: [
      { key: 'account', label: 'Account number', value: 'A-1001' },
      { key: 'owner', label: 'Owner', value: 'Max Sales' },
      { key: 'region', label: 'Region', value: 'EMEA' },
      { key: 'status', label: 'Status', value: 'Active' },
      { key: 'segment', label: 'Segment', value: 'Enterprise' },
    ],
    documentCount: 12,
    approval: { state: 'approved' },
    updatedAt: new Date(SAMPLE_NOW - 3 * DAY).toISOString(),
    ...overrides,
  };
}

export const sampleWorkspaces: readonly WorkspaceSummary[] = [
  sampleWorkspace({ id: '2001', businessObject: { system: 'crm', type: 'account', id: 'A-1001' } }),
  sampleWorkspace({
    id: '2002',
    name: 'Harbour Bridge Refurbishment',
    type: 'Project',
    businessObject: { system: 'erp', type: 'purchase-order', id: 'PO-4711' },
    metadata: [
      { key: 'project', label: 'Project id', value: 'P-2026-17' },
      { key: 'owner', label: 'Project lead', value: 'Lena Legal' },
      { key: 'status', label: 'Status', value: 'Planning' },
    ],
    documentCount: 1,
    approval: { state: 'in-review', step: 'Legal review' },
  }),
  sampleWorkspace({
    id: '2003',
    name: 'Warranty claim 88-1234',
    type: 'Case',
    businessObject: { system: 'cases', type: 'case', id: 'C-88' },
    metadata: [{ key: 'case', label: 'Case number', value: '88-1234' }],
    documentCount: 0,
    approval: { state: 'draft' },
  }),
];

export function sampleDocument(id: string, approval: Approval): DocumentItem {
  return {
    id,
    name: `Contract ${id}.pdf`,
    mimeType: 'application/pdf',
    size: 48_213,
    version: 2,
    modifiedAt: new Date(SAMPLE_NOW - DAY).toISOString(),
    modifiedBy: 'lena.legal',
    approval,
    openUrl: `${BFF_BASE}/v1/documents/${id}/content`,
    downloadUrl: `${BFF_BASE}/v1/documents/${id}/content?download=1`,
  };
}

export function problem(status: number, code: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: problemType(code),
    title: code.replace(/-/g, ' '),
    status,
    code,
    requestId: 'req-mock-0001',
    ...extra,
  };
}

const problemResponse = (p: Problem) =>
  HttpResponse.json(p, { status: p.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });

const sameBo = (a: BusinessObject, b: BusinessObject) =>
  a.system === b.system && a.type === b.type && a.id === b.id;

export function createWorkspaceMock(options: WorkspaceMockOptions = {}): WorkspaceMock {
  const workspaces = new Map((options.workspaces ?? sampleWorkspaces).map((ws) => [ws.id, ws]));
  const documents = new Map((options.documents ?? []).map((d) => [d.id, d]));
  const requests: RecordedRequest[] = [];
  let mode = options.mode ?? 'ready';
  let failuresLeft = options.failFirst ?? 0;
  const canCreate = options.canCreate ?? true;
  let nextId = 3001;

  async function record(request: Request): Promise<void> {
    const url = new URL(request.url);
    let body: unknown;
    if (request.method !== 'GET')
      body = await request
        .clone()
        .json()
        .catch(() => undefined);
    requests.push({ method: request.method, path: url.pathname + url.search, body });
  }

  /** The answer to one read, or undefined when the mode says "never answer". */
  function resolve(item: LookupItem): LookupResult {
    if (failuresLeft > 0) {
      failuresLeft--;
      return { ok: false, problem: problem(500, 'internal') };
    }
    if (mode === 'forbidden') return { ok: false, problem: problem(403, 'forbidden') };
    if (mode === 'error') return { ok: false, problem: problem(500, 'internal') };
    const found =
      mode === 'not-found'
        ? undefined
        : 'workspaceId' in item
          ? workspaces.get(item.workspaceId)
          : [...workspaces.values()].find((ws) => sameBo(ws.businessObject, item));
    if (found) return { ok: true, workspace: found };
    return 'workspaceId' in item
      ? { ok: false, problem: problem(404, 'not-found') }
      : { ok: false, problem: problem(404, 'workspace-not-found', { canCreate }) };
  }

  async function gate(): Promise<Response | undefined> {
    if (mode === 'loading') await delay('infinite');
    if (options.delayMs) await delay(options.delayMs);
    if (mode === 'network') return HttpResponse.error();
    if (options.failWith) return problemResponse(problem(options.failWith.status, options.failWith.code));
    if (mode === 'malformed') {
      // Valid JSON in the wrong shape: the client must turn it into a `bad-response` error.
      return HttpResponse.json({ results: [{ ok: true, workspace: { id: 42, name: null } }], id: 42 });
    }
    return undefined;
  }

  const single = (result: LookupResult) =>
    result.ok ? HttpResponse.json(result.workspace) : problemResponse(result.problem);

  const handlers: HttpHandler[] = [
    http.post(new RegExp(`${BFF_BASE}/v1/workspaces/lookup:batch$`), async ({ request }) => {
      await record(request);
      const early = await gate();
      if (early) return early;
      const body = (await request.json()) as { items?: LookupItem[] };
      const items = body.items ?? [];
      // A whole-request failure (not per item) is what a crashed BFF or proxy produces.
      if (failuresLeft > 0 || mode === 'error') {
        failuresLeft = Math.max(0, failuresLeft - 1);
        return problemResponse(problem(500, 'internal'));
      }
      return HttpResponse.json({ results: items.map(resolve) });
    }),
    http.get(`${BFF_BASE}/v1/workspaces/lookup`, async ({ request }) => {
      await record(request);
      const early = await gate();
      if (early) return early;
      const q = new URL(request.url).searchParams;
      return single(
        resolve({ system: q.get('system') ?? '', type: q.get('type') ?? '', id: q.get('id') ?? '' }),
      );
    }),
    http.get(`${BFF_BASE}/v1/workspaces/:id`, async ({ request, params }) => {
      await record(request);
      const early = await gate();
      if (early) return early;
      return single(resolve({ workspaceId: String(params.id) }));
    }),
    http.post(`${BFF_BASE}/v1/workspaces`, async ({ request }) => {
      await record(request);
      if (options.delayMs) await delay(options.delayMs);
      if (options.createDelayMs !== undefined) await delay(options.createDelayMs);
      if (options.createFailsWith) return problemResponse(problem(options.createFailsWith, 'upstream-error'));
      const body = (await request.json()) as { businessObject: BusinessObject; name?: string };
      const id = String(nextId++);
      const ws = sampleWorkspace({
        id,
        name: body.name ?? `${body.businessObject.id}`,
        businessObject: body.businessObject,
        metadata: [],
        documentCount: 0,
        approval: { state: 'none' },
        updatedAt: new Date(SAMPLE_NOW).toISOString(),
      });
      workspaces.set(id, ws);
      return HttpResponse.json(ws, { status: 201 });
    }),
    http.get(`${BFF_BASE}/v1/documents/:id`, async ({ request, params }) => {
      await record(request);
      const early = await gate();
      if (early) return early;
      if (mode === 'forbidden') return problemResponse(problem(403, 'forbidden'));
      if (mode === 'error') return problemResponse(problem(500, 'internal'));
      const doc = documents.get(String(params.id));
      return doc ? HttpResponse.json(doc) : problemResponse(problem(404, 'not-found'));
    }),
  ];

  return {
    handlers,
    requests,
    count: (fragment, method) =>
      requests.filter((r) => (!fragment || r.path.includes(fragment)) && (!method || r.method === method))
        .length,
    upsert: (ws) => void workspaces.set(ws.id, ws),
    upsertDocument: (d) => void documents.set(d.id, d),
    setMode: (m) => void (mode = m),
  };
}

/** Ready-made handler lists for stories (`parameters: { msw: { handlers: workspaceScenarios.ready() } }`). */
export const workspaceScenarios = {
  ready: (workspaces?: readonly WorkspaceSummary[]) =>
    createWorkspaceMock(workspaces ? { workspaces } : {}).handlers,
  loading: () => createWorkspaceMock({ mode: 'loading' }).handlers,
  notFound: (canCreate = true) =>
    createWorkspaceMock({ mode: 'not-found', canCreate, delayMs: 300 }).handlers,
  forbidden: () => createWorkspaceMock({ mode: 'forbidden' }).handlers,
  error: () => createWorkspaceMock({ mode: 'error' }).handlers,
  /** Fails once, then answers: the Retry button recovers. */
  errorThenReady: () => createWorkspaceMock({ failFirst: 1 }).handlers,
  malformed: () => createWorkspaceMock({ mode: 'malformed' }).handlers,
  network: () => createWorkspaceMock({ mode: 'network' }).handlers,
  /** Every read answers 401: the session ended and no new token came. */
  sessionEnded: () => createWorkspaceMock({ failWith: { status: 401, code: 'unauthenticated' } }).handlers,
  /** Every read answers 503: the BFF is up, Extended ECM is not. */
  upstreamUnavailable: () =>
    createWorkspaceMock({ failWith: { status: 503, code: 'upstream-unavailable' } }).handlers,
  rateLimited: () => createWorkspaceMock({ failWith: { status: 429, code: 'rate-limited' } }).handlers,
};
