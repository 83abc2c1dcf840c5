// msw handlers for the document routes of the BFF (mounted at /bff), shared by the element tests and the
// Storybook stories of <xecm-document-list>. One `createDocumentMock()` is one fake BFF for one workspace
// (any id): it pages, sorts and filters like the real one, accepts uploads, and records every request.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  APPROVAL_STATES,
  PROBLEM_CONTENT_TYPE,
  problemType,
  type Approval,
  type DocumentItem,
  type DocumentSort,
  type Problem,
} from '../../src/contract/index.js';

export const DOCUMENTS_BFF_BASE = '/bff';

export const DOCUMENT_MOCK_MODES = ['ready', 'loading', 'error', 'forbidden', 'malformed'] as const;
export type DocumentMockMode = (typeof DOCUMENT_MOCK_MODES)[number];

export interface DocumentMockOptions {
  /** Documents of the workspace (default: {@link sampleDocuments}). */
  documents?: readonly DocumentItem[];
  mode?: DocumentMockMode;
  /** The first N list reads fail with 500 before `mode` applies (for "retry succeeds"). */
  failFirst?: number;
  /** Answer list reads after this many ms (stories: a visible loading state that ends). */
  delayMs?: number;
  /** Uploads larger than this answer 413 `payload-too-large`. */
  maxUploadBytes?: number;
  /** Uploads answer only after this many ms (so a test can cancel one in flight). */
  uploadDelayMs?: number;
  /** Every upload fails with this status and code (e.g. 500 `upstream-error`). */
  uploadFailsWith?: { status: number; code: string };
  /** Content downloads fail with this status and code. */
  contentFailsWith?: { status: number; code: string };
  /**
   * Every list read fails with this status and code (after `failFirst`), e.g. 401 `unauthenticated`
   * (session ended) or 404 `not-found` (the workspace was deleted).
   */
  listFailsWith?: { status: number; code: string };
}

export interface RecordedDocumentRequest {
  method: string;
  /** Path and query, e.g. `/bff/v1/workspaces/1/documents?page=1&pageSize=50&sort=name`. */
  path: string;
  authorization: string | null;
  requestedWith: string | null;
}

export interface DocumentMock {
  readonly handlers: HttpHandler[];
  readonly requests: RecordedDocumentRequest[];
  /** Requests whose path contains `fragment`, optionally with this method. */
  count(fragment?: string, method?: string): number;
  setMode(mode: DocumentMockMode): void;
  /** The current documents (uploads included). */
  readonly documents: readonly DocumentItem[];
}

const HOUR = 3_600_000;
/** A fixed instant so stories and tests render the same dates whatever the clock says. */
export const DOCUMENTS_NOW = Date.parse('2026-11-20T09:30:00Z');

const TYPES = [
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['image/png', 'png'],
  ['text/plain', 'txt'],
] as const;
const PEOPLE = ['lena.legal', 'max.sales', 'Admin'] as const;
const TOPICS = [
  'Contract',
  'Invoice',
  'Offer',
  'Minutes',
  'Specification',
  'Drawing',
  'Report',
  'Delivery note',
];

function approvalFor(i: number): Approval {
  const state = APPROVAL_STATES[i % APPROVAL_STATES.length]!;
  return state === 'in-review' ? { state, step: i % 2 ? 'Legal review' : 'Final approval' } : { state };
}

/** A deterministic document; `i` picks name, type, size, version, date and approval. */
export function sampleDocument(i: number, overrides: Partial<DocumentItem> = {}): DocumentItem {
  const [mimeType, ext] = TYPES[i % TYPES.length]!;
  const id = overrides.id ?? String(50_000 + i);
  return {
    id,
    name: `${TOPICS[i % TOPICS.length]} ${String(i + 1).padStart(4, '0')}.${ext}`,
    mimeType,
    size: 1_024 + ((i * 7_919) % 5_000_000),
    version: 1 + (i % 4),
    modifiedAt: new Date(DOCUMENTS_NOW - i * 5 * HOUR).toISOString(),
    modifiedBy: PEOPLE[i % PEOPLE.length]!,
    approval: approvalFor(i),
    openUrl: `/v1/documents/${id}/content`,
    downloadUrl: `/v1/documents/${id}/content?download=1`,
    ...overrides,
  };
}

/** A dozen ordinary documents covering every type and approval state. */
export function sampleDocuments(count = 12): DocumentItem[] {
  return Array.from({ length: count }, (_, i) => sampleDocument(i));
}

/** One document per approval state (in-review with a step), in APPROVAL_STATES order. */
export function documentsPerApprovalState(): DocumentItem[] {
  return APPROVAL_STATES.map((state, i) =>
    sampleDocument(i, {
      name: `Approval ${state}.pdf`,
      mimeType: 'application/pdf',
      approval: state === 'in-review' ? { state, step: 'Legal review' } : { state },
    }),
  );
}

export const HOSTILE_NAMES = [
  '<img src=x onerror="window.__xecmHacked=1">.pdf',
  '<script>window.__xecmHacked=1</script>.docx',
  'invoice\u202Egpj.exe',
  `${'Very long document name '.repeat(21).slice(0, 500)}.pdf`,
  '"><svg onload=window.__xecmHacked=1>.txt',
] as const;

/** Documents whose names try to inject markup, reorder text (RTL override) or overflow (500 characters). */
export function hostileDocuments(): DocumentItem[] {
  return HOSTILE_NAMES.map((name, i) =>
    sampleDocument(i, { name, modifiedBy: i === 0 ? '<b onmouseover=alert(1)>eve</b>' : 'max.sales' }),
  );
}

function problem(status: number, code: string, title: string): HttpResponse<Problem> {
  return HttpResponse.json(
    { type: problemType(code), title, status, code, requestId: 'mock-request' },
    { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
  );
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compare(sort: DocumentSort): (a: DocumentItem, b: DocumentItem) => number {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof DocumentItem;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (desc ? -order : order) || a.id.localeCompare(b.id);
  };
}

export function createDocumentMock(options: DocumentMockOptions = {}): DocumentMock {
  let documents = [...(options.documents ?? sampleDocuments())];
  let mode: DocumentMockMode = options.mode ?? 'ready';
  let failuresLeft = options.failFirst ?? 0;
  const requests: RecordedDocumentRequest[] = [];
  const record = (request: Request) => {
    const url = new URL(request.url);
    requests.push({
      method: request.method,
      path: url.pathname + url.search,
      authorization: request.headers.get('authorization'),
      requestedWith: request.headers.get('x-requested-with'),
    });
  };
  let nextId = 90_000;
  // Sorting 10,000 documents for every page of a "many" story would dominate the test's time.
  const sortedCache = new Map<string, DocumentItem[]>();
  const sorted = (sort: DocumentSort): DocumentItem[] => {
    let list = sortedCache.get(sort);
    if (!list) sortedCache.set(sort, (list = [...documents].sort(compare(sort))));
    return list;
  };

  const listDocuments = async ({ request }: { request: Request }) => {
    record(request);
    if (options.delayMs) await delay(options.delayMs);
    if (failuresLeft > 0) {
      failuresLeft--;
      return problem(500, 'upstream-unavailable', 'Extended ECM is not reachable.');
    }
    if (mode === 'loading') await delay('infinite');
    if (options.listFailsWith)
      return problem(
        options.listFailsWith.status,
        options.listFailsWith.code,
        'The documents could not be read.',
      );
    if (mode === 'error') return problem(502, 'upstream-error', 'Extended ECM failed.');
    if (mode === 'forbidden') return problem(403, 'forbidden', 'Forbidden');
    if (mode === 'malformed') return HttpResponse.json({ items: [{ id: 'x', title: 42 }], page: 'one' });
    const url = new URL(request.url);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const pageSize = Math.min(200, Math.max(1, Number(url.searchParams.get('pageSize') ?? 50)));
    const sort = (url.searchParams.get('sort') ?? 'name') as DocumentSort;
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const matching = sorted(sort).filter((d) => d.name.toLowerCase().includes(q));
    const items = matching.slice((page - 1) * pageSize, page * pageSize);
    return HttpResponse.json({ items, page, pageSize, total: matching.length });
  };

  const handlers: HttpHandler[] = [
    http.get(`${DOCUMENTS_BFF_BASE}/v1/workspaces/:id/documents`, listDocuments),
    // Portal mode lists the same documents anonymously.
    http.get(`${DOCUMENTS_BFF_BASE}/portal/v1/workspaces/:id/documents`, listDocuments),

    http.post(`${DOCUMENTS_BFF_BASE}/v1/workspaces/:id/documents`, async ({ request }) => {
      record(request);
      if (options.uploadDelayMs) await delay(options.uploadDelayMs);
      if (options.uploadFailsWith)
        return problem(options.uploadFailsWith.status, options.uploadFailsWith.code, 'Upload failed.');
      const form = await request.formData();
      const file = form.get('file');
      if (!(file instanceof File)) return problem(400, 'bad-request', 'Field "file" is missing.');
      if (options.maxUploadBytes !== undefined && file.size > options.maxUploadBytes)
        return problem(413, 'payload-too-large', 'The file is too large.');
      if (documents.some((d) => d.name.toLowerCase() === file.name.toLowerCase()))
        return problem(409, 'name-conflict', 'A document with this name already exists.');
      const id = String(nextId++);
      const item: DocumentItem = {
        id,
        name: file.name,
        mimeType: file.type || 'application/octet-stream',
        size: file.size,
        version: 1,
        modifiedAt: new Date(DOCUMENTS_NOW).toISOString(),
        modifiedBy: 'max.sales',
        approval: { state: 'none' },
        openUrl: `/v1/documents/${id}/content`,
        downloadUrl: `/v1/documents/${id}/content?download=1`,
      };
      documents = [...documents, item];
      sortedCache.clear();
      return HttpResponse.json(item, { status: 201 });
    }),

    http.get(`${DOCUMENTS_BFF_BASE}/v1/documents/:id/content`, ({ request, params }) => {
      record(request);
      const doc = documents.find((d) => d.id === params.id);
      if (options.contentFailsWith)
        return problem(options.contentFailsWith.status, options.contentFailsWith.code, 'No content.');
      if (!doc) return problem(404, 'not-found', 'Not found');
      return new HttpResponse(`Content of document ${doc.id}`, {
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }),

    http.get(`${DOCUMENTS_BFF_BASE}/v1/documents/:id`, ({ request, params }) => {
      record(request);
      const doc = documents.find((d) => d.id === params.id);
      return doc ? HttpResponse.json(doc) : problem(404, 'not-found', 'Not found');
    }),
  ];

  return {
    handlers,
    requests,
    count: (fragment, method) =>
      requests.filter((r) => (!fragment || r.path.includes(fragment)) && (!method || r.method === method))
        .length,
    setMode: (m) => {
      mode = m;
    },
    get documents() {
      return documents;
    },
  };
}
