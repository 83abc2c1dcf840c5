import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { Stack } from './helpers/stack.js';
import { json, startPortalStack } from './portal-helpers.js';

const LIST = `/portal/v1/workspaces/${WELL_KNOWN.empty.workspaceId}/documents`;
const LIMIT = 3;

describe('portal rate limit without a trusted proxy', () => {
  let stack: Stack;
  before(async () => {
    stack = await startPortalStack({
      BFF_PORTAL_RATE_LIMIT: String(LIMIT),
      BFF_PORTAL_RATE_LIMIT_WINDOW_SECONDS: '600',
    });
  });
  after(() => stack.close());

  it('answers 429 with Retry-After beyond the limit, whatever X-Forwarded-For claims', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await stack.fetch(LIST, { headers: { 'X-Forwarded-For': `198.51.100.${i + 1}` } });
      assert.equal(res.status, 200, `request ${i + 1}`);
    }
    const res = await stack.fetch(LIST, { headers: { 'X-Forwarded-For': '198.51.100.99' } });
    assert.equal(res.status, 429);
    const body = await json(res);
    assert.equal(body.code, 'rate-limited');
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 600);
    // Content and document routes share the same budget.
    assert.equal((await stack.fetch(`/portal/v1/documents/${WELL_KNOWN.acme.svgDocumentId}`)).status, 429);
  });
});

describe('portal rate limit behind a trusted proxy', () => {
  let stack: Stack;
  before(async () => {
    stack = await startPortalStack({
      BFF_PORTAL_RATE_LIMIT: String(LIMIT),
      BFF_PORTAL_RATE_LIMIT_WINDOW_SECONDS: '600',
      BFF_TRUSTED_PROXIES: '127.0.0.1,::1',
    });
  });
  after(() => stack.close());

  it('keys on the client named by the proxy, and a forged left-most entry changes nothing', async () => {
    const as = (chain: string) => stack.fetch(LIST, { headers: { 'X-Forwarded-For': chain } });
    for (let i = 0; i < LIMIT; i++) assert.equal((await as('203.0.113.7')).status, 200);
    assert.equal((await as('203.0.113.7')).status, 429);
    // The client prepends a fake address; the proxy appends the real one.
    assert.equal((await as('10.9.9.9, 203.0.113.7')).status, 429);
    // Another client behind the same proxy has its own budget.
    assert.equal((await as('203.0.113.8')).status, 200);
  });
});
