import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { ChangeDetector } from '../../src/bff/events/detector.js';
import { RestEventsSource, ticketGet } from '../../src/bff/events/rest-events-source.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import type { DomainEvent } from '../../src/contract/index.js';
import { startReceiver, type Receiver } from '../emulator/helpers/receiver.js';
import { startEventsStack, type EventsStack } from './helpers/events-stack.js';
import { startHooksOnly, type HooksOnly } from './helpers/hooks-only.js';
import { adminTicket } from './portal-helpers.js';

const docId = String(WELL_KNOWN.acme.draftDocumentId);
const workspaceId = String(WELL_KNOWN.acme.workspaceId);
const REVIEW_TYPES = ['review.started', 'review.step-changed', 'review.completed'];

const until = async (what: string, check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
};

/** Order-insensitive: the two paths may commit milestones in either order when they race. */
const sorted = <T>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('a review seen by workflow callouts and by polling is one event per change', () => {
  const hookSecret = generateWebhookSecret();
  const adminToken = randomBytes(32).toString('base64url');
  let stack: EventsStack;
  let bffUrl = '';
  // What the callouts alone give: a /hooks/xecm with a store of its own and no poller.
  const calloutOnly = new SqliteStore({ path: ':memory:' });
  let hooksOnly: HooksOnly;
  let forwarder: Receiver;
  /** The subscriber's endpoint: its `requests` are the webhook deliveries. */
  let receiver: Receiver;
  const aborts: AbortController[] = [];

  before(async () => {
    hooksOnly = await startHooksOnly(calloutOnly, hookSecret);
    // The emulator needs the callout URL before the BFF (which needs the emulator's URL) exists.
    forwarder = await startReceiver((req, res) => {
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'])
        headers[name] = String(req.headers[name] ?? '');
      const post = (url: string) => fetch(`${url}/hooks/xecm`, { method: 'POST', headers, body: req.body });
      Promise.all([post(bffUrl), post(hooksOnly.url)]).then(
        ([answer, other]) => res.writeHead(other.ok ? answer.status : 502).end(),
        () => res.writeHead(502).end(),
      );
    });
    receiver = await startReceiver();
    stack = await startEventsStack({
      emulator: { callout: { url: `${forwarder.url}/hooks/xecm`, secret: hookSecret } },
      events: {
        hookSecrets: [hookSecret],
        detectorIntervalMs: 50,
        adminToken,
        devAllowedHosts: ['127.0.0.1'],
      },
    });
    bffUrl = stack.bff.url;
  });
  after(async () => {
    aborts.forEach((a) => a.abort());
    await stack.close();
    await forwarder.close();
    await receiver.close();
    await hooksOnly.close();
    calloutOnly.close();
  });

  it('gives one SSE event and one webhook delivery for each workflow milestone', async () => {
    // A subscriber for review events.
    const created = await fetch(`${bffUrl}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiver.url}/erp`, eventTypes: REVIEW_TYPES }),
    });
    assert.equal(created.status, 201);
    const subscription = (await created.json()) as { id: string; secret: string };

    // A page watching the document, read frame by frame in the background.
    const ctl = new AbortController();
    aborts.push(ctl);
    const userToken = await stack.tokenFor('max.sales');
    const stream = await fetch(`${bffUrl}/v1/events?topics=document:${docId}`, {
      headers: { authorization: `Bearer ${userToken}` },
      signal: ctl.signal,
    });
    assert.equal(stream.status, 200);
    const live: { event: string; data: string }[] = [];
    void (async () => {
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
        if (done) return;
        buf += value;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) live.push({ event, data });
        }
      }
    })();

    // Polling alone, on its own store, to show what the poller names each change.
    const ticket = await adminTicket(stack.emulator.url);
    const pollOnly = new SqliteStore({ path: ':memory:' });
    const alone = new ChangeDetector({
      store: pollOnly,
      source: new RestEventsSource(ticketGet({ baseUrl: stack.emulator.url, ticket: async () => ticket })),
      watched: () => [`document:${docId}`],
      onError: (error) => assert.fail(String(error)),
    });
    await alone.pollOnce();
    await until('the first look of the BFF detector', () => stack.store.getCursor(`audit:${docId}`) !== null);

    // Start through the BFF; lena.legal approves both steps in xECM.
    const started = await fetch(`${bffUrl}/v1/reviews`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${userToken}`,
        'content-type': 'application/json',
        'x-requested-with': 'xecm-elements',
      },
      body: JSON.stringify({ target: { kind: 'document', id: docId }, workflow: 'contract-review' }),
    });
    assert.equal(started.status, 201);
    const review = (await started.json()) as { id: string };
    for (let step = 0; step < 2; step++) {
      const act = await stack.control('/emulator/workflows/act', {
        processId: Number(review.id),
        user: 'lena.legal',
        action: 'Approve',
      });
      assert.equal(act.status, 200);
    }

    // Both paths saw every milestone: the hook accepted each workflow callout, and the BFF's poller moved
    // its cursor past the last audit entry.
    type Callout = { id: string; type: string; status?: number; data: { auditId: number } };
    const callouts = async () =>
      ((await (await fetch(`${stack.emulator.url}/emulator/callouts`)).json()) as { callouts: Callout[] })
        .callouts;
    await until('callouts delivered', async () => (await callouts()).every((c) => c.status !== undefined));
    const workflowCallouts = (await callouts()).filter((c) => c.type.startsWith('workflow.'));
    assert.deepEqual(
      workflowCallouts.map((c) => [c.type, c.status]),
      [
        ['workflow.initiated', 204],
        ['workflow.step-changed', 204],
        ['workflow.completed', 204],
      ],
    );
    const expectedIds = workflowCallouts.map((c) => `xecm-audit-${c.data.auditId}`);
    const lastAudit = String(workflowCallouts[2]!.data.auditId);
    await until('the poller past the last entry', () => {
      const cursor = JSON.parse(stack.store.getCursor(`audit:${docId}`) ?? '{}') as { ids?: string[] };
      return (cursor.ids ?? []).map(String).includes(lastAudit);
    });
    await alone.pollOnce();
    assert.deepEqual(
      sorted(
        pollOnly
          .eventsAfter(0)
          .filter((s) => s.event.type.startsWith('review.'))
          .map((s) => [s.event.type, s.event.id]),
      ),
      sorted(REVIEW_TYPES.map((t, i) => [t, expectedIds[i]])),
      'polling names each milestone exactly as the callout does',
    );
    pollOnly.close();
    assert.deepEqual(
      sorted(
        calloutOnly
          .eventsAfter(0)
          .filter((s) => s.event.type.startsWith('review.'))
          .map((s) => [s.event.type, s.event.id, s.event.documentId, s.event.workspaceId]),
      ),
      sorted(REVIEW_TYPES.map((t, i) => [t, expectedIds[i], docId, workspaceId])),
      'the callouts alone give the same events',
    );

    // One stored event per milestone, one delivery each, one SSE event each.
    const stored = stack.store.eventsAfter(0).filter((s) => s.event.type.startsWith('review.'));
    assert.deepEqual(
      sorted(stored.map((s) => [s.event.type, s.event.id])),
      sorted(REVIEW_TYPES.map((t, i) => [t, expectedIds[i]])),
    );
    for (const s of stored) {
      assert.equal(s.event.documentId, docId);
      assert.equal(s.event.workspaceId, workspaceId);
    }
    await until('deliveries settled', () =>
      stack.store.listDeliveries(subscription.id).every((d) => d.state === 'delivered'),
    );
    await until('the SSE events', () => live.some((f) => f.event === 'review.completed'));
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to show up, if there were one
    assert.deepEqual(sorted(receiver.requests.map((d) => d.headers['webhook-id'])), sorted(expectedIds));
    for (const d of receiver.requests) {
      const payload = new Webhook(subscription.secret).verify(
        d.body,
        d.headers as Record<string, string>,
      ) as {
        type: string;
      };
      assert.ok(REVIEW_TYPES.includes(payload.type));
    }
    assert.deepEqual(
      sorted(
        live.filter((f) => f.event.startsWith('review.')).map((f) => (JSON.parse(f.data) as DomainEvent).id),
      ),
      sorted(expectedIds),
    );
  });
});
