import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Logger } from 'pino';
import type { DocumentItem } from '../../src/contract/index.js';
import { PortalAudit } from '../../src/bff/portal/portal-audit.js';
import type { Store } from '../../src/bff/store/store.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { Stack } from './helpers/stack.js';
import { ADMIN_TOKEN, json, pathOf, PORTAL_SECRET, startPortalStack } from './portal-helpers.js';

const A = WELL_KNOWN.acme;
const ORIGIN = 'https://portal.example.com';

describe('portal audit trail and GET /v1/audit', () => {
  let stack: Stack;
  let t0: number;
  let t1: number;
  const client = new PortalAudit({} as Store, PORTAL_SECRET, {} as Logger).clientHash('127.0.0.1');

  const exportAudit = (qs: string, token = ADMIN_TOKEN) =>
    stack.fetch(`/v1/audit${qs}`, { headers: { Authorization: `Bearer ${token}` } });

  before(async () => {
    stack = await startPortalStack();
    t0 = Date.now();
    const headers = { Origin: ORIGIN };
    // One of everything, for the SVG document and the empty workspace only (so filters give exact rows).
    assert.equal(
      (await stack.fetch(`/portal/v1/workspaces/${WELL_KNOWN.empty.workspaceId}/documents`, { headers }))
        .status,
      200,
    );
    const doc = await json<DocumentItem>(
      await stack.fetch(`/portal/v1/documents/${A.svgDocumentId}`, { headers }),
    );
    const download = await stack.fetch(pathOf(doc.downloadUrl), {
      headers: { Referer: `${ORIGIN}/products/acme?x=1` },
    });
    assert.equal(download.status, 200);
    const etag = download.headers.get('etag')!;
    assert.equal(
      (await stack.fetch(pathOf(doc.openUrl), { headers: { 'If-None-Match': etag } })).status,
      304,
    );
    const tampered = pathOf(doc.openUrl).replace('v=1', 'v=9');
    assert.equal((await stack.fetch(tampered, { headers })).status, 403);
    t1 = Date.now();
  });
  after(() => stack.close());

  it('records every listing, view and download with version, hashed client, origin and result (NDJSON)', async () => {
    const res = await exportAudit(`?format=ndjson&documentId=${A.svgDocumentId}&from=${t0}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-ndjson');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const at = rows.map((r) => Date.parse(String(r.at)));
    assert.ok(at.every((t) => t >= t0 && t <= t1));
    assert.deepEqual(
      rows.map(({ at: _at, ...rest }) => rest),
      [
        {
          workspaceId: null,
          documentId: '10131',
          version: 1,
          clientHash: client,
          origin: ORIGIN,
          result: 'document:ok',
        },
        {
          workspaceId: null,
          documentId: '10131',
          version: 1,
          clientHash: client,
          origin: ORIGIN,
          result: 'download:ok',
        },
        {
          workspaceId: null,
          documentId: '10131',
          version: 1,
          clientHash: client,
          origin: null,
          result: 'download:not-modified',
        },
        {
          workspaceId: null,
          documentId: '10131',
          version: 9,
          clientHash: client,
          origin: ORIGIN,
          result: 'download:invalid',
        },
      ],
    );
    assert.ok(!JSON.stringify(rows).includes('127.0.0.1'), 'the address itself is never stored');
  });

  it('exports CSV, filtered by workspace', async () => {
    const res = await exportAudit(`?format=csv&workspaceId=${WELL_KNOWN.empty.workspaceId}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
    const lines = (await res.text()).split('\r\n');
    assert.equal(lines[0], 'at,workspaceId,documentId,version,clientHash,origin,result');
    assert.equal(lines.length, 3); // header, one row, trailing newline
    assert.equal(lines[2], '');
    const [at, ...rest] = lines[1]!.split(',');
    assert.ok(Date.parse(at!) >= t0);
    assert.deepEqual(rest, [String(WELL_KNOWN.empty.workspaceId), '', '', client, ORIGIN, 'list:ok']);
  });

  it('filters by time', async () => {
    const none = await exportAudit(`?to=${new Date(t0).toISOString()}`);
    assert.equal(await none.text(), '');
    const later = await exportAudit(`?from=${t1 + 1}`);
    assert.equal(await later.text(), '');
  });

  it('requires the admin token and a valid query', async () => {
    const wrong = await exportAudit('', 'x'.repeat(43));
    assert.equal(wrong.status, 401);
    assert.equal((await json(wrong)).code, 'unauthenticated');
    const none = await stack.fetch('/v1/audit');
    assert.equal(none.status, 401);
    // A BFF user token is no admin credential.
    const user = await stack.fetch('/v1/audit', {
      headers: { Authorization: `Bearer ${await stack.tokenFor('Admin')}` },
    });
    assert.equal(user.status, 401);
    for (const qs of ['?format=xml', '?from=yesterday', '?documentId=abc', '?limit=0', '?unknown=1']) {
      const res = await exportAudit(qs);
      assert.equal(res.status, 400, qs);
      assert.equal((await json(res)).code, 'bad-request', qs);
    }
  });
});
