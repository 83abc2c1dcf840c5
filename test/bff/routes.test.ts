import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  DocumentItem,
  DocumentPage,
  LookupBatchResponse,
  Problem,
  WorkspaceSummary,
} from '../../src/contract/index.js';
import {
  DocumentPage as DocumentPageSchema,
  WorkspaceSummary as WorkspaceSummarySchema,
} from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme, big, empty } = WELL_KNOWN;
const MAX = 'max.sales';

describe('BFF read routes against the emulator', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack.close();
  });

  it('returns a workspace summary shaped by the contract', async () => {
    const { status, body, headers } = await stack.get<WorkspaceSummary>(
      MAX,
      `/v1/workspaces/${acme.workspaceId}`,
    );
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(headers.get('cache-control'), 'no-store');
    WorkspaceSummarySchema.parse(body);
    assert.equal(body.id, String(acme.workspaceId));
    assert.equal(body.name, acme.name);
    assert.equal(body.type, 'Customer');
    assert.equal(body.url, `${stack.emulator.url}/app/nodes/${acme.workspaceId}`);
    assert.deepEqual(body.businessObject, acme.businessObject);
    // Business category attributes in category order; the approval category is not metadata.
    assert.deepEqual(
      body.metadata.map((m) => m.label),
      ['Account Number', 'Owner', 'Region', 'Status', 'Industry'],
    );
    assert.equal(body.metadata[0]!.value, 'A-1001');
    assert.ok(body.documentCount > 0);
    assert.ok(['none', 'draft', 'in-review', 'approved', 'rejected'].includes(body.approval.state));
  });

  it('counts the documents in every folder, and zero for an empty workspace', async () => {
    const { body } = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${acme.workspaceId}`);
    const page = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${acme.workspaceId}/documents?pageSize=200`,
    );
    assert.equal(page.body.total, body.documentCount);
    assert.equal(page.body.items.length, body.documentCount);
    const ids = page.body.items.map((d) => d.id);
    for (const id of [acme.approvedPublicDocumentId, acme.draftDocumentId, acme.htmlDocumentId])
      assert.ok(ids.includes(String(id)));
    const none = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    assert.equal(none.body.documentCount, 0);
    const emptyPage = await stack.get<DocumentPage>(MAX, `/v1/workspaces/${empty.workspaceId}/documents`);
    assert.deepEqual(emptyPage.body, { items: [], page: 1, pageSize: 50, total: 0 });
  });

  it('looks a workspace up by business object', async () => {
    const bo = acme.businessObject;
    const { status, body } = await stack.get<WorkspaceSummary>(
      MAX,
      `/v1/workspaces/lookup?system=${bo.system}&type=${bo.type}&id=${bo.id}`,
    );
    assert.equal(status, 200);
    assert.equal(body.id, String(acme.workspaceId));
  });

  it('answers an unlinked business object with workspace-not-found and canCreate', async () => {
    const bo = WELL_KNOWN.unlinkedBusinessObject;
    const qs = `system=${bo.system}&type=${bo.type}&id=${bo.id}`;
    const { status, body, headers } = await stack.get<Problem>(MAX, `/v1/workspaces/lookup?${qs}`);
    assert.equal(status, 404);
    assert.equal(headers.get('content-type'), 'application/problem+json');
    assert.equal(body.code, 'workspace-not-found');
    // max.sales may add items to the Customer type's creation location.
    assert.equal(body.canCreate, true);
    // A read-only service user may never create workspaces.
    const reader = await stack.get<Problem>('portal.reader', `/v1/workspaces/lookup?${qs}`);
    assert.equal(reader.body.canCreate, false);
    // An unknown business object type cannot be created by anyone.
    const unknown = await stack.get<Problem>('Admin', '/v1/workspaces/lookup?system=crm&type=nonsense&id=1');
    assert.equal(unknown.body.code, 'workspace-not-found');
    assert.equal(unknown.body.canCreate, false);
  });

  it('answers a batch in request order, one result or problem per item, coalescing duplicates', async () => {
    // A user with nothing cached yet, so the upstream calls of this batch can be counted.
    const token = await stack.tokenFor('lena.legal');
    const items = [
      { workspaceId: String(acme.workspaceId) },
      acme.businessObject,
      WELL_KNOWN.unlinkedBusinessObject,
      { workspaceId: '999999' },
      { workspaceId: String(big.workspaceId) },
      acme.businessObject,
      { workspaceId: String(acme.workspaceId) },
    ];
    const before = stack.upstream.length;
    const res = await stack.fetch('/v1/workspaces/lookup:batch', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'X-Requested-With': 'xecm-elements',
      },
      body: JSON.stringify({ items }),
    });
    assert.equal(res.status, 200);
    const { results } = (await res.json()) as LookupBatchResponse;
    assert.equal(results.length, items.length);
    const ids = results.map((r) => (r.ok ? r.workspace.id : r.problem.code));
    assert.deepEqual(ids, [
      String(acme.workspaceId),
      String(acme.workspaceId),
      'workspace-not-found',
      'not-found',
      String(big.workspaceId),
      String(acme.workspaceId),
      String(acme.workspaceId),
    ]);
    const lookups = stack.upstream.slice(before).filter((u) => u.path === '/api/v2/businessworkspaces');
    assert.equal(lookups.length, 2, 'one upstream lookup per distinct business object');
  });

  it('pages the 10,000-document workspace with stable, sorted pages', async () => {
    const first = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${big.workspaceId}/documents?pageSize=100&page=1&sort=name`,
    );
    assert.equal(first.status, 200);
    DocumentPageSchema.parse(first.body);
    assert.equal(first.body.total, big.documentCount);
    assert.equal(first.body.items.length, 100);
    const second = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${big.workspaceId}/documents?pageSize=100&page=2&sort=name`,
    );
    const names = [...first.body.items, ...second.body.items].map((d) => d.name);
    const sorted = [...names].sort((a, b) =>
      a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }),
    );
    assert.deepEqual(names, sorted);
    assert.equal(new Set([...first.body.items, ...second.body.items].map((d) => d.id)).size, 200);
    const last = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${big.workspaceId}/documents?pageSize=200&page=50`,
    );
    assert.equal(last.body.items.length, 200);
    const beyond = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${big.workspaceId}/documents?pageSize=200&page=51`,
    );
    assert.equal(beyond.body.items.length, 0);
    assert.equal(beyond.body.total, big.documentCount);
  });

  it('sorts descending and filters by name and type across folders', async () => {
    const bySize = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${acme.workspaceId}/documents?sort=-size&pageSize=200`,
    );
    const sizes = bySize.body.items.map((d) => d.size);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
    const pdfs = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${acme.workspaceId}/documents?type=application/pdf&pageSize=200`,
    );
    assert.ok(pdfs.body.total > 0);
    assert.ok(pdfs.body.items.every((d) => d.mimeType === 'application/pdf'));
    const q = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${acme.workspaceId}/documents?q=master%20services`,
    );
    assert.ok(q.body.items.some((d) => d.id === String(acme.approvedPublicDocumentId)));
    assert.ok(q.body.items.every((d) => d.name.toLowerCase().includes('master services')));
    const nothing = await stack.get<DocumentPage>(
      MAX,
      `/v1/workspaces/${acme.workspaceId}/documents?q=zzzz-no-such-name`,
    );
    assert.equal(nothing.body.total, 0);
  });

  it('returns one document with its approval from the Document Control category', async () => {
    const expectations: [number, string][] = [
      [acme.approvedPublicDocumentId, 'approved'],
      [acme.inReviewDocumentId, 'in-review'],
      [acme.draftDocumentId, 'draft'],
      [acme.rejectedDocumentId, 'rejected'],
      [acme.unclassifiedDocumentId, 'none'],
    ];
    for (const [id, state] of expectations) {
      const { status, body } = await stack.get<DocumentItem>(MAX, `/v1/documents/${id}`);
      assert.equal(status, 200);
      assert.equal(body.approval.state, state, `document ${id}`);
      assert.equal(body.downloadUrl, `/v1/documents/${id}/content?download=1`);
    }
    const pdf = await stack.get<DocumentItem>(MAX, `/v1/documents/${acme.approvedPublicDocumentId}`);
    assert.equal(pdf.body.version, 3);
    assert.equal(pdf.body.mimeType, 'application/pdf');
    // A login name resolved from the user id xECM reports.
    const names: string[] = Object.values(WELL_KNOWN.users).map((u) => u.name);
    assert.ok(names.includes(pdf.body.modifiedBy), pdf.body.modifiedBy);
  });

  it('answers 404 for nodes that do not exist or are not of the asked kind', async () => {
    for (const path of [
      '/v1/workspaces/999999',
      `/v1/workspaces/${acme.contractsFolderId}`,
      '/v1/documents/999999',
      `/v1/documents/${acme.contractsFolderId}`,
      `/v1/documents/${acme.workspaceId}/content`,
      '/v1/workspaces/999999/documents',
    ]) {
      const { status, body } = await stack.get<Problem>(MAX, path);
      assert.equal(status, 404, path);
      assert.equal(body.code, 'not-found', path);
      assert.ok(!JSON.stringify(body).includes('Could not'), 'no upstream text');
    }
  });

  it('streams a PDF inline with its length, and as an attachment on request', async () => {
    const token = await stack.tokenFor(MAX);
    const res = await stack.fetch(`/v1/documents/${acme.approvedPublicDocumentId}/content`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(
      res.headers.get('content-disposition'),
      `inline; filename="Master Services Agreement.pdf"; filename*=UTF-8''Master%20Services%20Agreement.pdf`,
    );
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(String(bytes.length), res.headers.get('content-length'));
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const download = await stack.fetch(`/v1/documents/${acme.approvedPublicDocumentId}/content?download=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; /);
    await download.arrayBuffer();
  });

  it('never serves the HTML or SVG document as active content', async () => {
    const token = await stack.tokenFor(MAX);
    for (const id of [acme.htmlDocumentId, acme.svgDocumentId]) {
      const res = await stack.fetch(`/v1/documents/${id}/content`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/octet-stream', `document ${id}`);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /^attachment; filename="[^"]+"; filename\*=UTF-8''/,
      );
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/);
      const text = await res.text();
      assert.match(text, /<script/i, 'the bytes are passed on unchanged, only never as active content');
    }
  });

  it('reports health and readiness', async () => {
    const health = await stack.fetch('/healthz');
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await stack.fetch('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });
});
