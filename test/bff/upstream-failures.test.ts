// How the BFF behaves when xECM misbehaves: expiry, outage, slowness, errors, garbage.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Problem, WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;
const MAX = 'max.sales';
const WS = `/v1/workspaces/${acme.workspaceId}`;

describe('BFF upstream failures', () => {
  let stack: Stack;
  before(async () => {
    // No summary cache, so every request reaches xECM; a short timeout for the slow case.
    stack = await startStack({
      env: { BFF_SUMMARY_TTL_SECONDS: '0', BFF_DOCUMENTS_TTL_SECONDS: '0', XECM_TIMEOUT_MS: '1000' },
    });
    // Warm up (first calls compile code paths in both processes) so the 1 s timeout only bites on purpose.
    await stack.get(MAX, WS);
  });
  beforeEach(async () => {
    await stack.control('/emulator/faults', undefined, 'DELETE');
  });
  after(async () => {
    await stack.close();
  });

  /** The BFF's 'request failed' log lines, newest first. */
  function failureLogs(): { code?: string; cause?: { upstream?: string; reason?: string } }[] {
    return stack.logs
      .filter((l) => l.includes('"request failed"'))
      .map((l) => JSON.parse(l) as { code?: string; cause?: { upstream?: string; reason?: string } })
      .reverse();
  }

  async function expectProblem(path: string, status: number, code: string): Promise<Problem> {
    const { status: actual, body, headers } = await stack.get<Problem>(MAX, path);
    assert.equal(actual, status);
    assert.equal(headers.get('content-type'), 'application/problem+json');
    assert.equal(body.code, code);
    return body;
  }

  it('signs in again transparently when the ticket expires mid-session', async () => {
    assert.equal((await stack.get(MAX, WS)).status, 200);
    const loginsBefore = stack.upstream.filter((u) => u.path === '/api/v1/auth').length;
    const advance = await stack.control('/emulator/clock/advance', { seconds: 3 * 3600 });
    assert.equal(advance.status, 200);
    const again = await stack.get<WorkspaceSummary>(MAX, WS);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, String(acme.workspaceId));
    const loginsAfter = stack.upstream.filter((u) => u.path === '/api/v1/auth').length;
    assert.equal(loginsAfter, loginsBefore + 1, 'exactly one new sign-in');
  });

  it('maps an upstream 500 to 502 without leaking its text', async () => {
    await stack.control('/emulator/faults', { path: '/api/v2/businessworkspaces', status: 500, count: 1 });
    const body = await expectProblem(WS, 502, 'upstream-error');
    assert.ok(!JSON.stringify(body).includes('emulator'), 'no upstream wording');
  });

  it('maps upstream 403 to 403 and 404 to 404', async () => {
    await stack.control('/emulator/faults', { path: '/api/v2/businessworkspaces', status: 403, count: 1 });
    await expectProblem(WS, 403, 'forbidden');
    await stack.control('/emulator/faults', { path: '/api/v2/businessworkspaces', status: 404, count: 1 });
    await expectProblem(WS, 404, 'not-found');
  });

  it('maps a malformed upstream body to 502', async () => {
    await stack.control('/emulator/faults', { path: '/api/v2/nodes', malformed: true, count: 5 });
    await expectProblem(`/v1/documents/${acme.draftDocumentId}`, 502, 'upstream-error');
  });

  it('answers 504 when xECM is slower than the configured timeout', async () => {
    await stack.control('/emulator/faults', { path: '/api/v2/nodes', delayMs: 2500, count: 5 });
    await expectProblem(`/v1/documents/${acme.draftDocumentId}`, 504, 'upstream-timeout');
    // The operator's log line says which call and why; the caller's answer does not.
    const line = failureLogs().find((l) => l.code === 'upstream-timeout');
    assert.equal(line?.cause?.upstream, `${stack.emulator.url}/api/v2/nodes/${acme.draftDocumentId}`);
    assert.equal(line?.cause?.reason, 'no answer within 1000 ms');
  });

  it('never replays a write after a 401', async () => {
    assert.equal((await stack.get(MAX, WS)).status, 200);
    await stack.control('/emulator/faults', { method: 'POST', path: '/api/v2/nodes', status: 401, count: 1 });
    const posts = () =>
      stack.upstream.filter((u) => u.method === 'POST' && u.path === '/api/v2/nodes').length;
    const before = posts();
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'expired-session.txt');
    const res = await stack.fetch(`${WS}/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await stack.tokenFor(MAX)}`, 'X-Requested-With': 'xecm-elements' },
      body: form,
    });
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as Problem).code, 'upstream-unavailable');
    assert.equal(posts() - before, 1, 'the POST reached xECM once and was not replayed');
    // The next read signs in again and works.
    assert.equal((await stack.get(MAX, WS)).status, 200);
  });

  it('reports upstream outage as 503 on reads and on readiness', async () => {
    await stack.emulator.close();
    const problem = await expectProblem(`/v1/documents/${acme.draftDocumentId}`, 503, 'upstream-unavailable');
    assert.ok(!JSON.stringify(problem).includes(stack.emulator.url), 'the answer names no upstream');
    const line = failureLogs().find((l) => l.code === 'upstream-unavailable');
    assert.ok(line?.cause?.upstream?.startsWith(`${stack.emulator.url}/api/`), JSON.stringify(line));
    assert.equal(line?.cause?.reason, 'ECONNREFUSED');
    const ready = await stack.fetch('/readyz');
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as Problem).code, 'upstream-unavailable');
    const health = await stack.fetch('/healthz');
    assert.equal(health.status, 200);
  });
});
