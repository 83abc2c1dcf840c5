import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentItem, DocumentPage } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { signLink } from '../../src/bff/portal/signed-link.js';
import type { Stack } from './helpers/stack.js';
import {
  adminTicket,
  categoryValues,
  json,
  pathOf,
  PORTAL_SECRET,
  sleep,
  startPortalStack,
} from './portal-helpers.js';

const A = WELL_KNOWN.acme;
const CACHE_TTL_SECONDS = 0.3;

describe('portal: approved public documents only', () => {
  let stack: Stack;
  let ticket: string;
  before(async () => {
    stack = await startPortalStack({ BFF_PORTAL_CACHE_TTL_SECONDS: String(CACHE_TTL_SECONDS) });
    ticket = await adminTicket(stack.emulator.url);
  });
  after(() => stack.close());

  const list = async (workspaceId: string | number, qs = ''): Promise<DocumentPage> => {
    const res = await stack.fetch(`/portal/v1/workspaces/${workspaceId}/documents${qs}`);
    assert.equal(res.status, 200);
    return json<DocumentPage>(res);
  };

  it('lists exactly the Approved + Public documents of a workspace, without any token', async () => {
    const page = await list(A.workspaceId, '?pageSize=200');
    const ids = page.items.map((d) => d.id);
    for (const id of [A.approvedPublicDocumentId, A.htmlDocumentId, A.svgDocumentId])
      assert.ok(ids.includes(String(id)), `${id} listed`);
    for (const id of [
      A.approvedInternalDocumentId,
      A.inReviewDocumentId,
      A.draftDocumentId,
      A.rejectedDocumentId,
      A.unclassifiedDocumentId,
      A.confidentialDocumentId,
    ])
      assert.ok(!ids.includes(String(id)), `${id} not listed`);
    assert.equal(page.total, ids.length);
    // Ground truth from xECM itself: every listed document is Approved and Public there.
    for (const id of ids) {
      const values = await categoryValues(stack.emulator.url, ticket, id);
      assert.equal(values['9001_2'], 'Approved', `${id} approved`);
      assert.equal(values['9001_3'], 'Public', `${id} public`);
    }
    const msa = page.items.find((d) => d.id === String(A.approvedPublicDocumentId))!;
    assert.equal(msa.version, 3, 'latest version');
    assert.match(msa.openUrl, /^\/portal\/v1\/content\/10110\?v=3&exp=\d+&w=10100&sig=[A-Za-z0-9_-]{43}$/);
    assert.equal(msa.downloadUrl, `${msa.openUrl}&download=1`);
  });

  it('filters, sorts and pages like the authenticated list', async () => {
    const all = await list(A.workspaceId, '?pageSize=200&sort=-name');
    const names = all.items.map((d) => d.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })),
    );
    const firstTwo = await list(A.workspaceId, '?pageSize=2&page=1&sort=-name');
    assert.deepEqual(
      firstTwo.items.map((d) => d.id),
      all.items.slice(0, 2).map((d) => d.id),
    );
    assert.equal(firstTwo.total, all.total);
    const q = await list(A.workspaceId, '?q=newsletter');
    assert.deepEqual(
      q.items.map((d) => d.id),
      [String(A.htmlDocumentId)],
    );
    const bad = await stack.fetch(`/portal/v1/workspaces/${A.workspaceId}/documents?pageSize=5000`);
    assert.equal(bad.status, 400);
  });

  it('serves approved content through its signed link: cacheable, ETag, 304, no cookie', async () => {
    const res = await stack.fetch(`/portal/v1/documents/${A.approvedPublicDocumentId}`);
    assert.equal(res.status, 200);
    const doc = await json<DocumentItem>(res);
    assert.equal(doc.approval.state, 'approved');
    const content = await stack.fetch(pathOf(doc.openUrl), {
      headers: { Origin: 'https://portal.example.com' },
    });
    assert.equal(content.status, 200);
    assert.equal(content.headers.get('content-type'), 'application/pdf');
    const etag = content.headers.get('etag');
    assert.equal(etag, `"${A.approvedPublicDocumentId}-3"`);
    const maxAge = Number(/^public, max-age=(\d+)$/.exec(content.headers.get('cache-control') ?? '')?.[1]);
    assert.ok(maxAge > 0 && maxAge <= 300, 'max-age bounded by the link');
    assert.match(content.headers.get('vary') ?? '', /Authorization/);
    assert.equal(content.headers.get('set-cookie'), null);
    assert.equal(content.headers.get('x-content-type-options'), 'nosniff');
    assert.ok((await content.arrayBuffer()).byteLength > 0);

    const again = await stack.fetch(pathOf(doc.openUrl), { headers: { 'If-None-Match': etag! } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);

    const download = await stack.fetch(pathOf(doc.downloadUrl));
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment;/);
  });

  it('answers missing, unapproved, internal, invisible and non-document ids identically', async () => {
    const ids = [
      '999999', // missing
      String(A.inReviewDocumentId),
      String(A.draftDocumentId),
      String(A.approvedInternalDocumentId),
      String(A.confidentialDocumentId),
      String(A.workspaceId), // not a document
    ];
    const answers = [];
    for (const id of ids) {
      const seen = stack.upstream.length;
      const res = await stack.fetch(`/portal/v1/documents/${id}`);
      // The same upstream work in every case: one read of the node through the portal user.
      assert.deepEqual(
        stack.upstream.slice(seen).map((u) => u.path),
        [`/api/v2/nodes/${id}`],
        id,
      );
      const body = await json(res);
      delete body.requestId;
      answers.push({ status: res.status, type: res.headers.get('content-type'), body });
    }
    for (const answer of answers.slice(1)) assert.deepEqual(answer, answers[0]);
    assert.equal(answers[0]!.status, 404);
    assert.equal(answers[0]!.body.code, 'not-found');
  });

  it('refuses tampered and expired links with a 403 problem, and old versions as not found', async () => {
    const doc = await json<DocumentItem>(
      await stack.fetch(`/portal/v1/documents/${A.approvedPublicDocumentId}`),
    );
    const url = new URL(doc.openUrl, 'http://x');
    const variants: Record<string, (p: URLSearchParams) => void> = {
      'flipped signature': (p) =>
        p.set(
          'sig',
          p.get('sig')!.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')),
        ),
      'other version': (p) => p.set('v', '2'),
      'longer expiry': (p) => p.set('exp', String(Number(p.get('exp')) + 3600)),
      'other workspace': (p) => p.set('w', '10200'),
      'no signature': (p) => p.delete('sig'),
    };
    for (const [name, change] of Object.entries(variants)) {
      const params = new URLSearchParams(url.search);
      change(params);
      const res = await stack.fetch(`${url.pathname}?${params.toString()}`);
      assert.equal(res.status, 403, name);
      const body = await json(res);
      assert.equal(body.code, 'forbidden', name);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', name);
    }
    const past = Math.floor(Date.now() / 1000) - 1;
    const claims = { documentId: String(A.approvedPublicDocumentId), version: 3, exp: past, workspaceId: '' };
    const expired = await stack.fetch(
      `/portal/v1/content/${claims.documentId}?v=3&exp=${past}&sig=${signLink(PORTAL_SECRET, claims)}`,
    );
    assert.equal(expired.status, 403);
    assert.match(String((await json(expired)).detail), /expired/);
    // A genuine link to an older version: only the latest approved version is served.
    const exp = Math.floor(Date.now() / 1000) + 60;
    const old = { ...claims, version: 2, exp };
    const oldRes = await stack.fetch(
      `/portal/v1/content/${old.documentId}?v=2&exp=${exp}&sig=${signLink(PORTAL_SECRET, old)}`,
    );
    assert.equal(oldRes.status, 404);
  });

  it('never serves the HTML or SVG document as active content', async () => {
    for (const id of [A.htmlDocumentId, A.svgDocumentId]) {
      const doc = await json<DocumentItem>(await stack.fetch(`/portal/v1/documents/${id}`));
      for (const link of [doc.openUrl, doc.downloadUrl]) {
        const res = await stack.fetch(pathOf(link));
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'application/octet-stream', `${id}`);
        assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
        assert.match(res.headers.get('content-security-policy') ?? '', /^sandbox;/);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.match(await res.text(), /<script/); // the bytes are unchanged, just never rendered
      }
    }
  });

  it('drops a document whose approval is revoked in xECM within the cache TTL', async () => {
    const id = String(A.approvedPublicDocumentId);
    const doc = await json<DocumentItem>(await stack.fetch(`/portal/v1/documents/${id}`));
    assert.ok((await list(A.workspaceId, '?pageSize=200')).items.some((d) => d.id === id));

    const put = await fetch(`${stack.emulator.url}/api/v2/nodes/${id}/categories/9001`, {
      method: 'PUT',
      headers: { OTCSTicket: ticket },
      body: new URLSearchParams({ '9001_2': 'In Review' }),
    });
    assert.equal(put.status, 200);
    await sleep(CACHE_TTL_SECONDS * 1000 + 100);

    assert.ok(!(await list(A.workspaceId, '?pageSize=200')).items.some((d) => d.id === id));
    assert.equal((await stack.fetch(`/portal/v1/documents/${id}`)).status, 404);
    // A link handed out before the revocation stops working too.
    assert.equal((await stack.fetch(pathOf(doc.openUrl))).status, 404);
  });

  it('answers an unknown workspace with 404 and ignores any bearer token', async () => {
    const res = await stack.fetch('/portal/v1/workspaces/999999/documents');
    assert.equal(res.status, 404);
    assert.equal((await json(res)).code, 'not-found');
    const withJunkToken = await stack.fetch(`/portal/v1/workspaces/${A.workspaceId}/documents`, {
      headers: { Authorization: 'Bearer not-a-token' },
    });
    assert.equal(withJunkToken.status, 200);
  });
});
