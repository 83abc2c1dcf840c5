// The batching guarantees, against msw (a real HTTP exchange through the service worker).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BffClient, BffProblemError } from '../../src/client/index.js';
import type { LookupBatchRequest, LookupResult, WorkspaceSummary } from '../../src/contract/index.js';
import { fixtureProblem, fixtureWorkspace } from '../mocks/fixtures.js';
import { logRequests, MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';

const known = Array.from({ length: 150 }, (_, i) => fixtureWorkspace(i + 1));
const batches: LookupBatchRequest[] = [];

function answer(item: LookupBatchRequest['items'][number]): LookupResult {
  const ws: WorkspaceSummary | undefined =
    'workspaceId' in item
      ? known.find((w) => w.id === item.workspaceId)
      : known.find((w) => w.businessObject.id === item.id && w.businessObject.system === item.system);
  return ws
    ? { ok: true, workspace: ws }
    : { ok: false, problem: fixtureProblem(404, 'workspace-not-found', { canCreate: true }) };
}

const handlers = [
  http.post(`${MOCK_BFF_BASE}/v1/workspaces/lookup:batch`, async ({ request }) => {
    const body = (await request.json()) as LookupBatchRequest;
    batches.push(body);
    return HttpResponse.json({ results: body.items.map(answer) });
  }),
];

describe('BffClient lookup batching', () => {
  beforeEach(() => {
    batches.length = 0;
    useHandlers(...handlers);
  });

  it('20 reads of the same workspace in one tick make 1 request', async () => {
    const log = logRequests();
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const results = await Promise.all(Array.from({ length: 20 }, () => client.getWorkspace('7003')));
    log.stop();
    expect(log.entries).to.deep.equal(['POST /bff/v1/workspaces/lookup:batch']);
    expect(batches[0]!.items).to.deep.equal([{ workspaceId: '7003' }]);
    expect(new Set(results.map((w) => w.id))).to.deep.equal(new Set(['7003']));
  });

  it('50 lookups of distinct workspaces in one tick make 1 batch request, answered in request order', async () => {
    const log = logRequests();
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const wanted = known.slice(0, 50);
    const results = await Promise.all(wanted.map((w) => client.lookupWorkspace(w.businessObject)));
    log.stop();
    expect(log.count()).to.equal(1);
    expect(batches[0]!.items).to.deep.equal(wanted.map((w) => w.businessObject));
    expect(results.map((w) => w.id)).to.deep.equal(wanted.map((w) => w.id));
  });

  it('deduplicates identical items within a batch', async () => {
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const bo = known[0]!.businessObject;
    await Promise.all([
      client.lookupWorkspace(bo),
      client.lookupWorkspace({ ...bo }),
      client.getWorkspace('7002'),
    ]);
    expect(batches.length).to.equal(1);
    expect(batches[0]!.items).to.deep.equal([bo, { workspaceId: '7002' }]);
  });

  it('gives a per-item problem to that caller only', async () => {
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const missing = client.lookupWorkspace({ system: 'crm', type: 'account', id: 'NOPE' });
    const found = client.lookupWorkspace(known[1]!.businessObject);
    const error = await missing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(BffProblemError);
    expect((error as BffProblemError).code).to.equal('workspace-not-found');
    expect((error as BffProblemError).problem.canCreate).to.equal(true);
    expect((await found).id).to.equal('7002');
    expect(batches.length).to.equal(1);
  });

  it('splits more than 100 items into batches of at most 100', async () => {
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    await Promise.all(known.slice(0, 120).map((w) => client.getWorkspace(w.id)));
    expect(batches.map((b) => b.items.length)).to.deep.equal([100, 20]);
  });

  it('serves a looked-up workspace from the cache afterwards (by business object or id)', async () => {
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const ws = known[4]!;
    await client.lookupWorkspace(ws.businessObject);
    await client.lookupWorkspace(ws.businessObject);
    await client.getWorkspace(ws.id);
    expect(batches.length).to.equal(1);
  });

  it('fails every item of a batch whose request fails', async () => {
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/lookup:batch`, () =>
        HttpResponse.json(fixtureProblem(503, 'upstream-unavailable'), { status: 503 }),
      ),
    );
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const errors = await Promise.all(
      ['7001', '7002'].map((id) => client.getWorkspace(id).catch((e: BffProblemError) => e.code)),
    );
    expect(errors).to.deep.equal(['upstream-unavailable', 'upstream-unavailable']);
  });

  it('does not send items whose callers aborted before the batch left', async () => {
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const controller = new AbortController();
    const dropped = client.getWorkspace('7001', { signal: controller.signal }).catch((e: Error) => e.name);
    const kept = client.getWorkspace('7002');
    controller.abort();
    expect(await dropped).to.equal('AbortError');
    expect((await kept).id).to.equal('7002');
    expect(batches[0]!.items).to.deep.equal([{ workspaceId: '7002' }]);
  });
});
