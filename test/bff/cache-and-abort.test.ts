import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme, supplier } = WELL_KNOWN;

describe('BFF caching, coalescing, aborts and the leak scan', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { BFF_SUMMARY_TTL_SECONDS: '60' } });
  });
  after(async () => {
    await stack.close();
  });

  const workspaceReads = (id: number) =>
    stack.upstream.filter((u) => u.path === `/api/v2/businessworkspaces/${id}`).length;

  it('caches summaries per user', async () => {
    const before = workspaceReads(acme.workspaceId);
    await stack.get('max.sales', `/v1/workspaces/${acme.workspaceId}`);
    await stack.get('max.sales', `/v1/workspaces/${acme.workspaceId}`);
    assert.equal(workspaceReads(acme.workspaceId) - before, 1, 'the second read is served from the cache');
    await stack.get('lena.legal', `/v1/workspaces/${acme.workspaceId}`);
    assert.equal(workspaceReads(acme.workspaceId) - before, 2, 'another user reads through to xECM');
  });

  it('coalesces concurrent identical reads into one upstream call', async () => {
    const before = workspaceReads(supplier.workspaceId);
    const token = await stack.tokenFor('max.sales');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        stack.fetch(`/v1/workspaces/${supplier.workspaceId}`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as WorkspaceSummary[];
    assert.ok(bodies.every((b) => b.id === String(supplier.workspaceId)));
    assert.equal(workspaceReads(supplier.workspaceId) - before, 1);
  });

  it('cancels the upstream request when the client aborts a download', async () => {
    await stack.control('/emulator/faults', {
      path: `/api/v1/nodes/${acme.approvedPublicDocumentId}/content`,
      delayMs: 3000,
    });
    const controller = new AbortController();
    const token = await stack.tokenFor('max.sales');
    const pending = fetch(new URL(`/v1/documents/${acme.approvedPublicDocumentId}/content`, stack.bff.url), {
      headers: { Authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    // Abort once the BFF has asked xECM for the content.
    const contentPath = `/api/v1/nodes/${acme.approvedPublicDocumentId}/content`;
    while (!stack.upstream.some((u) => u.path === contentPath)) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await assert.rejects(pending);
    while (!stack.logs.some((l) => l.includes('client aborted'))) await new Promise((r) => setTimeout(r, 10));
    await stack.control('/emulator/faults', undefined, 'DELETE');
  });

  it('the leak scan finds a planted ticket (so a clean scan means something)', async () => {
    const ticket = [...stack.secrets].find((s) => s.length > 20);
    assert.ok(ticket, 'the stack has seen tickets and tokens');
    assert.deepEqual(stack.leaks(), []);
    stack.logs.push(`{"msg":"oops","ticket":"${ticket}"}`);
    assert.equal(stack.leaks().length, 1);
    stack.logs.pop();
  });
});
