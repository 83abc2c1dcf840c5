import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { ChangeDetector } from '../../src/bff/events/detector.js';
import {
  RestEventsSource,
  ticketGet,
  type ApprovalAttribute,
} from '../../src/bff/events/rest-events-source.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import type { StoredEvent } from '../../src/bff/store/store.js';
import { startHooksOnly, type HooksOnly } from './helpers/hooks-only.js';
import { adminTicket } from './portal-helpers.js';

const docId = String(WELL_KNOWN.acme.draftDocumentId);

describe('change detector against the emulator', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const secret = generateWebhookSecret();
  let hooks: HooksOnly;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let ticket = '';

  before(async () => {
    hooks = await startHooksOnly(store, secret);
    emulator = await startEmulator({ port: 0, callout: { url: `${hooks.url}/hooks/xecm`, secret } });
    ticket = await adminTicket(emulator.url);
  });
  after(async () => {
    await emulator.close();
    await hooks.close();
    store.close();
  });

  const setApproval = async (value: string) => {
    const res = await fetch(`${emulator.url}/api/v2/nodes/${docId}/categories/9001`, {
      method: 'PUT',
      headers: { OTCSTicket: ticket },
      body: new URLSearchParams({ '9001_2': value }),
    });
    assert.equal(res.status, 200);
  };

  it('turns an approval into one document.approved event, whether seen by polling or by callout', async () => {
    const source = new RestEventsSource(ticketGet({ baseUrl: emulator.url, ticket: async () => ticket }));
    const fail = (error: unknown) => assert.fail(String(error));
    // One detector shares the store with /hooks/xecm; another polls on its own to show what polling alone sees.
    const shared = new ChangeDetector({ store, source, watched: () => [`document:${docId}`], onError: fail });
    const pollOnly = new SqliteStore({ path: ':memory:' });
    const polled: StoredEvent[] = [];
    const alone = new ChangeDetector({
      store: pollOnly,
      source,
      watched: () => [`document:${docId}`],
      onEvents: (e) => polled.push(...e),
      onError: fail,
    });
    await shared.pollOnce(); // sets the cursors; seeded history is not news
    await alone.pollOnce();
    assert.equal(store.eventsAfter(0).length, 0);

    await setApproval('Approved');
    const callouts = async () =>
      (
        (await (await fetch(`${emulator.url}/emulator/callouts`)).json()) as {
          callouts: { id: string; status?: number }[];
        }
      ).callouts;
    for (let i = 0; i < 100 && !(await callouts()).some((c) => c.status !== undefined); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal((await callouts())[0]?.status, 204);
    await shared.pollOnce();
    await alone.pollOnce();

    assert.equal(polled.length, 1);
    assert.equal(polled[0]?.event.type, 'document.approved');
    assert.equal(polled[0]?.event.documentId, docId);
    const [both] = store.eventsAfter(0);
    assert.equal(store.eventsAfter(0).length, 1);
    assert.equal(both?.event.id, polled[0]?.event.id);
    assert.equal(both?.event.type, 'document.approved');

    // Polling again finds nothing new; a change that is not a decision is not announced.
    await alone.pollOnce();
    await setApproval('Draft');
    await alone.pollOnce();
    assert.equal(polled.length, 1);
    await setApproval('Rejected');
    await alone.pollOnce();
    assert.deepEqual(
      pollOnly.eventsAfter(0).map((s) => s.event.type),
      ['document.approved', 'document.rejected'],
    );
    pollOnly.close();
  });

  it('takes the first look at a newly watched topic at once, even while backed off when idle', async () => {
    const source = new RestEventsSource(ticketGet({ baseUrl: emulator.url, ticket: async () => ticket }));
    const own = new SqliteStore({ path: ':memory:' });
    let watched: `document:${string}`[] = [];
    let rounds = 0;
    const detector = new ChangeDetector({
      store: own,
      source,
      watched: () => {
        rounds++;
        return watched;
      },
      onError: (error) => assert.fail(String(error)),
      // Idle, the next round would be a minute away.
      activeIntervalMs: 60_000,
      idleIntervalMs: 60_000,
    });
    detector.start();
    try {
      for (let i = 0; i < 200 && rounds === 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(rounds, 1);
      watched = [`document:${docId}`];
      detector.wake();
      for (let i = 0; i < 500 && own.getCursor(`audit:${docId}`) === null; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.notEqual(own.getCursor(`audit:${docId}`), null);
      assert.equal(rounds, 2);
    } finally {
      detector.stop();
      own.close();
    }
  });

  const setAttribute = async (key: string, value: string) => {
    const res = await fetch(`${emulator.url}/api/v2/nodes/${docId}/categories/9001`, {
      method: 'PUT',
      headers: { OTCSTicket: ticket },
      body: new URLSearchParams({ [key]: value }),
    });
    assert.equal(res.status, 200);
  };

  /** A detector with a store of its own watching the document; `since` = the stream opened then. */
  const pollingAlone = (options: { since?: number; approval?: ApprovalAttribute } = {}) => {
    const own = new SqliteStore({ path: ':memory:' });
    const get = ticketGet({ baseUrl: emulator.url, ticket: async () => ticket });
    const detector = new ChangeDetector({
      store: own,
      source: new RestEventsSource(get, options.approval),
      watched: () => [`document:${docId}`],
      ...(options.since === undefined ? {} : { watchedSince: () => options.since }),
      onError: (error) => assert.fail(String(error)),
    });
    return { detector, types: () => own.eventsAfter(0).map((s) => s.event.type), close: () => own.close() };
  };

  it('announces no decision when another attribute of an approved document changes', async () => {
    await setAttribute('9001_2', 'Approved');
    let clockOffsetMs = 0;
    // Both ways a first look can go: the topic was watched before, or a stream just opened.
    for (const streamOpened of [false, true]) {
      // Earlier changes lie well before the look (beyond the first look's margin of a few seconds).
      const advanced = await fetch(`${emulator.url}/emulator/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: 30 }),
      });
      assert.equal(advanced.status, 200);
      clockOffsetMs += 30_000;
      const since = streamOpened ? Date.now() + clockOffsetMs : undefined;
      const { detector, types, close } = pollingAlone({ since });
      await detector.pollOnce();
      await setAttribute('9001_3', 'Public');
      await detector.pollOnce();
      await setAttribute('9001_3', 'Internal');
      await detector.pollOnce();
      assert.deepEqual(types(), [], streamOpened ? 'first look at stream open' : 'first look, start unknown');
      close();
    }
  });

  it('announces one decision when a review starts and ends between two looks', async () => {
    await setAttribute('9001_2', 'Draft');
    const { detector, types, close } = pollingAlone();
    await detector.pollOnce();
    await setAttribute('9001_2', 'In Review');
    await setAttribute('9001_3', 'Public');
    await setAttribute('9001_2', 'Approved');
    await detector.pollOnce();
    assert.deepEqual(types(), ['document.approved']);
    // Approved again after a round trip through review is a new decision.
    await setAttribute('9001_2', 'In Review');
    await detector.pollOnce();
    await setAttribute('9001_2', 'Approved');
    await detector.pollOnce();
    assert.deepEqual(types(), ['document.approved', 'document.approved']);
    close();
  });

  it('reads the approval from the configured attribute and values', async () => {
    // An operator whose Content Server keeps the decision elsewhere, with its own wording.
    const approval: ApprovalAttribute = {
      categoryId: 9001,
      attributeKey: '9001_3',
      values: { Public: 'approved', Internal: 'draft' },
    };
    await setAttribute('9001_3', 'Internal');
    const { detector, types, close } = pollingAlone({ approval });
    await detector.pollOnce();
    await setAttribute('9001_2', 'Approved'); // not the configured attribute: no decision
    await detector.pollOnce();
    assert.deepEqual(types(), []);
    await setAttribute('9001_3', 'Public');
    await detector.pollOnce();
    assert.deepEqual(types(), ['document.approved']);
    close();
  });
});
