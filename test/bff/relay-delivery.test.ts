import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { DomainEvent } from '../../src/contract/index.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { WebhookRelay } from '../../src/bff/events/relay.js';
import { RETRY_SCHEDULE_MS } from '../../src/bff/events/retry-schedule.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

const servers: { close(): void; closeAllConnections(): void }[] = [];
after(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

async function receiver(handler: Handler): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      handler(req, res, received.length);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

const event = (id: string): DomainEvent => ({
  id,
  type: 'document.approved',
  occurredAt: '2026-11-29T06:00:00Z',
  documentId: '1001',
  data: { approval: 'Approved' },
});

function setup() {
  let now = Date.now();
  const store = new SqliteStore({ path: ':memory:', now: () => now });
  const alerts: string[] = [];
  const relay = new WebhookRelay({
    store,
    urlGuard: { devAllowedHosts: ['127.0.0.1'] },
    attemptTimeoutMs: 300,
    now: () => now,
    random: () => 0.5,
    onAlert: (a) => alerts.push(`${a.kind}:${a.subscriptionId}`),
  });
  const subscribe = (id: string, url: string) => {
    const secret = generateWebhookSecret();
    store.createSubscription({
      id,
      url,
      eventTypes: [],
      secret,
      enabled: true,
      disabledReason: null,
      createdAt: now,
    });
    return secret;
  };
  const run = async () => {
    relay.tick();
    await relay.drain();
  };
  return { store, relay, subscribe, run, alerts, advance: (ms: number) => (now += ms) };
}

const ok: Handler = (_req, res) => res.writeHead(204).end();

describe('webhook relay', () => {
  it('delivers a signed event once, even when the event is detected twice', async () => {
    const t = setup();
    const r = await receiver(ok);
    const secret = t.subscribe('erp', r.url);
    t.store.commitDetection(null, null, [event('evt_1')]);
    t.store.commitDetection('poll', '1', [event('evt_1')]);
    await t.run();
    await t.run();
    assert.equal(r.received.length, 1);
    const got = r.received[0]!;
    assert.equal(got.headers['webhook-id'], 'evt_1');
    const payload = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
      data: DomainEvent;
    };
    assert.equal(payload.type, 'document.approved');
    assert.equal(payload.data.documentId, '1001');
    assert.equal(t.store.getDelivery('erp', 'evt_1')?.state, 'delivered');
  });

  it('retries a failing endpoint on the schedule with the same webhook-id and a new timestamp, then dead-letters and replays', async () => {
    const t = setup();
    const r = await receiver((_req, res) => res.writeHead(500).end('boom'));
    t.subscribe('crm', r.url);
    t.store.commitDetection(null, null, [event('evt_2')]);
    await t.run();
    assert.equal(r.received.length, 1);
    await t.run(); // not due yet
    assert.equal(r.received.length, 1);
    for (const delay of RETRY_SCHEDULE_MS) {
      t.advance(delay * 1.2 + 1);
      await t.run();
    }
    assert.equal(r.received.length, RETRY_SCHEDULE_MS.length + 1);
    assert.deepEqual(new Set(r.received.map((x) => x.headers['webhook-id'])), new Set(['evt_2']));
    assert.equal(new Set(r.received.map((x) => x.headers['webhook-timestamp'])).size, r.received.length);
    assert.equal(t.store.getDelivery('crm', 'evt_2')?.state, 'dead');
    assert.deepEqual(t.alerts, ['dead-letter:crm']);
    assert.equal(t.relay.replayDeadLetters('crm'), 1);
    await t.relay.drain();
    assert.equal(r.received.length, RETRY_SCHEDULE_MS.length + 2);
  });

  it('disables the subscription on 410 Gone', async () => {
    const t = setup();
    const r = await receiver((_req, res) => res.writeHead(410).end());
    t.subscribe('old', r.url);
    t.store.commitDetection(null, null, [event('a'), event('b')]);
    await t.run();
    assert.equal(r.received.length, 1);
    const sub = t.store.getSubscription('old');
    assert.equal(sub?.enabled, false);
    assert.match(sub?.disabledReason ?? '', /410/);
    t.advance(RETRY_SCHEDULE_MS[0]! * 10);
    await t.run();
    assert.equal(r.received.length, 1);
  });

  it('honours Retry-After on 429 instead of the shorter schedule', async () => {
    const t = setup();
    const r = await receiver((_req, res, n) =>
      n === 1 ? res.writeHead(429, { 'retry-after': '120' }).end() : res.writeHead(200).end(),
    );
    t.subscribe('busy', r.url);
    t.store.commitDetection(null, null, [event('c')]);
    await t.run();
    t.advance(RETRY_SCHEDULE_MS[0]! * 2); // the 5 s retry would be due now, Retry-After is not
    await t.run();
    assert.equal(r.received.length, 1);
    t.advance(120_000);
    await t.run();
    assert.equal(r.received.length, 2);
    assert.equal(t.store.getDelivery('busy', 'c')?.state, 'delivered');
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    const t = setup();
    const target = await receiver(ok);
    const r = await receiver((_req, res) => res.writeHead(307, { location: target.url }).end());
    t.subscribe('moved', r.url);
    t.store.commitDetection(null, null, [event('d')]);
    await t.run();
    assert.equal(target.received.length, 0);
    const d = t.store.getDelivery('moved', 'd');
    assert.equal(d?.state, 'pending');
    assert.equal(d?.lastStatus, 307);
  });

  it('times out a hanging endpoint without delaying the others', async () => {
    const t = setup();
    const hanging = await receiver(() => undefined);
    const fast = await receiver(ok);
    t.subscribe('slow', hanging.url);
    t.subscribe('fast', fast.url);
    t.store.commitDetection(null, null, [event('e1'), event('e2'), event('e3')]);
    t.relay.tick();
    // The fast endpoint gets all three while the slow one is still stuck on its first attempt.
    while (fast.received.length < 3) await new Promise((r) => setTimeout(r, 10));
    assert.equal(hanging.received.length, 1);
    assert.equal(t.store.getDelivery('slow', 'e1')?.attempts, 0);
    await t.relay.drain();
    const slow = t.store.getDelivery('slow', 'e1');
    assert.equal(slow?.attempts, 1);
    assert.equal(slow?.lastStatus, null);
    assert.equal(slow?.state, 'pending');
  });

  it('refuses at send time a URL that is not allowed', async () => {
    const t = setup();
    t.store.createSubscription({
      id: 'internal',
      url: 'http://10.0.0.7/hook',
      eventTypes: [],
      secret: generateWebhookSecret(),
      enabled: true,
      disabledReason: null,
      createdAt: 0,
    });
    t.store.commitDetection(null, null, [event('f')]);
    await t.run();
    const d = t.store.getDelivery('internal', 'f');
    assert.equal(d?.attempts, 1);
    assert.equal(d?.state, 'pending');
  });
});
