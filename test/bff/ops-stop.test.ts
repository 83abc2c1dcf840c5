// A rolling restart stops the BFF while requests are being answered: those answers still arrive, and open live
// streams do not hold the stop up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from './crash/wait-for.js';
import { startEventsStack, type EventsStack } from './helpers/events-stack.js';

describe('BFF stop with requests in flight', () => {
  let stack: EventsStack;
  before(async () => {
    stack = await startEventsStack();
  });
  after(() => stack.close());

  it('finishes an answer xECM is still preparing, and ends an open live stream', async () => {
    const token = await stack.tokenFor('max.sales');
    const auth = { authorization: `Bearer ${token}` };
    const live = await fetch(`${stack.bff.url}/v1/events?topics=workspace:10100`, { headers: auth });
    assert.equal(live.status, 200);
    const reader = live.body!.getReader();
    await reader.read(); // event: ready

    // xECM is slow to answer the next call; the stop comes while the BFF waits for it.
    await stack.control('/emulator/faults', {
      path: '/api/v2/businessworkspaces/10200',
      delayMs: 1500,
      count: 1,
    });
    const slow = fetch(`${stack.bff.url}/v1/workspaces/10200`, { headers: auth });
    await waitFor(
      async () =>
        ((await (await stack.control('/emulator/faults', undefined, 'GET')).json()) as { faults: unknown[] })
          .faults.length === 0,
      { timeoutMs: 10_000, explain: () => 'the slow call never reached xECM' },
    );
    const closed = stack.bff.close();

    const res = await slow;
    assert.equal(res.status, 200, 'the answer in flight arrives');
    assert.equal(((await res.json()) as { id: string }).id, '10200');
    // The live stream is ended (the client reconnects elsewhere with Last-Event-ID) rather than kept open.
    await assert.rejects(async () => {
      for (;;) if ((await reader.read()).done) throw new Error('stream ended');
    }, /stream ended|terminated|other side closed/);
    await closed;
    await assert.rejects(fetch(`${stack.bff.url}/healthz`), 'no new requests after the stop');
  });
});
