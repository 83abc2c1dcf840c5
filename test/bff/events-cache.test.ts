import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startEventsStack, type EventsStack } from './helpers/events-stack.js';

const workspaceId = String(WELL_KNOWN.acme.workspaceId);

// A badge refetches its workspace the moment a live event arrives. The BFF caches summaries for 15 s, so
// without dropping the cached summary on a committed event the refetch would repaint the old state and the
// badge would stay "in review" until something else made it ask again.
describe('a committed event drops the BFF caches the live refetch reads', () => {
  let stack: EventsStack;
  const stream = new AbortController();

  before(async () => {
    stack = await startEventsStack({
      env: { BFF_SUMMARY_TTL_SECONDS: '600' },
      events: { detectorIntervalMs: 50 },
    });
  });
  after(async () => {
    stream.abort();
    await stack.close();
  });

  it('serves the approved workspace right after review.completed, though its summary was cached', async () => {
    const token = await stack.tokenFor('max.sales');
    const headers = { authorization: `Bearer ${token}` };
    const summary = async () => {
      const res = await fetch(`${stack.bff.url}/v1/workspaces/${workspaceId}`, { headers });
      assert.equal(res.status, 200);
      return ((await res.json()) as { approval: { state: string } }).approval.state;
    };
    // The page watches the workspace, so the BFF polls it.
    const live = await fetch(`${stack.bff.url}/v1/events?topics=workspace:${workspaceId}`, {
      headers,
      signal: stream.signal,
    });
    assert.equal(live.status, 200);

    const started = await fetch(`${stack.bff.url}/v1/reviews`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' },
      body: JSON.stringify({ target: { kind: 'workspace', id: workspaceId }, workflow: 'contract-review' }),
    });
    assert.equal(started.status, 201, await started.clone().text());
    const review = (await started.json()) as { id: string };
    assert.equal(await summary(), 'in-review'); // now cached for 10 minutes

    for (let step = 0; step < 2; step++) {
      const act = await stack.control('/emulator/workflows/act', {
        processId: Number(review.id),
        user: 'lena.legal',
        action: 'Approve',
      });
      assert.equal(act.status, 200);
    }
    const completed = () =>
      stack.store
        .eventsAfter(0)
        .some((s) => s.event.type === 'review.completed' && s.event.workspaceId === workspaceId);
    for (let i = 0; i < 1000 && !completed(); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(
      completed(),
      `no review.completed: ${JSON.stringify(stack.store.eventsAfter(0).map((s) => s.event))}`,
    );

    assert.equal(await summary(), 'approved');
  });
});
