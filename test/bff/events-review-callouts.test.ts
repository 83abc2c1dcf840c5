import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/bff/config.js';
import { startBff, type RunningBff } from '../../src/bff/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { createEventsModule, type EventsModule } from '../../src/bff/events/events-module.js';
import { ChangeDetector } from '../../src/bff/events/detector.js';
import { RestEventsSource, ticketGet } from '../../src/bff/events/rest-events-source.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import type { DomainEvent } from '../../src/contract/index.js';
import { hooksRoutes } from '../../src/bff/routes/hooks.js';
import type { BffEnv } from '../../src/bff/http/env.js';
import { mintToken } from './helpers/tokens.js';

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

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('a review seen by workflow callouts and by polling is one event per change', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const hookSecret = generateWebhookSecret();
  const identitySecret = randomBytes(24).toString('base64url');
  const adminToken = randomBytes(32).toString('base64url');
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let bff: RunningBff;
  let events: EventsModule;
  let bffUrl = '';
  // What the callouts alone give: a /hooks/xecm with a store of its own and no poller.
  const calloutOnly = new SqliteStore({ path: ':memory:' });
  let calloutOnlyServer: ServerType;
  let calloutOnlyUrl = '';
  const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
  // The emulator needs the callout URL before the BFF (which needs the emulator's URL) exists.
  const forwarder = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'])
        headers[name] = String(req.headers[name] ?? '');
      const body = Buffer.concat(chunks);
      const post = (url: string) => fetch(`${url}/hooks/xecm`, { method: 'POST', headers, body });
      Promise.all([post(bffUrl), post(calloutOnlyUrl)]).then(
        ([answer, other]) => res.writeHead(other.ok ? answer.status : 502).end(),
        () => res.writeHead(502).end(),
      );
    });
  });
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  const aborts: AbortController[] = [];

  before(async () => {
    const hooksOnly = new Hono<BffEnv>();
    hooksOnly.use(async (c, next) => {
      c.set('requestId', 't');
      await next();
    });
    hooksOnly.route('/hooks', hooksRoutes({ store: calloutOnly, secrets: () => [hookSecret] }));
    calloutOnlyServer = serve({ fetch: hooksOnly.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => calloutOnlyServer.once('listening', r));
    calloutOnlyUrl = `http://127.0.0.1:${(calloutOnlyServer.address() as AddressInfo).port}`;
    const forwarderUrl = await listen(forwarder);
    emulator = await startEmulator({
      port: 0,
      callout: { url: `${forwarderUrl}/hooks/xecm`, secret: hookSecret },
    });
    const config = loadConfig({
      BFF_PORT: '0',
      XECM_BASE_URL: emulator.url,
      BFF_IDENTITY_SECRET: identitySecret,
      BFF_ALLOWED_ORIGINS: 'https://crm.example.com',
      BFF_LOG_LEVEL: 'silent',
    });
    events = createEventsModule({
      store,
      hookSecrets: [hookSecret],
      pollUser: 'Admin',
      detectorIntervalMs: 50,
      adminToken,
      devAllowedHosts: ['127.0.0.1'],
    });
    bff = await startBff(config, { routes: [events.routes], publicRoutes: [events.publicRoutes] });
    bffUrl = bff.url;
    events.start();
  });
  after(async () => {
    aborts.forEach((a) => a.abort());
    await events.stop();
    await bff.close();
    await emulator.close();
    forwarder.close();
    receiver.close();
    calloutOnlyServer.close();
    calloutOnly.close();
    store.close();
  });

  it('gives one SSE event and one webhook delivery for each workflow milestone', async () => {
    // A subscriber for review events.
    const receiverUrl = await listen(receiver);
    const created = await fetch(`${bffUrl}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiverUrl}/erp`, eventTypes: REVIEW_TYPES }),
    });
    assert.equal(created.status, 201);
    const subscription = (await created.json()) as { id: string; secret: string };

    // A page watching the document, read frame by frame in the background.
    const ctl = new AbortController();
    aborts.push(ctl);
    const userToken = await mintToken('max.sales', { secret: identitySecret });
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
    const ticket = (
      (await (
        await fetch(`${emulator.url}/api/v1/auth`, {
          method: 'POST',
          body: new URLSearchParams({ username: 'Admin', password: 'livelink' }),
        })
      ).json()) as { ticket: string }
    ).ticket;
    const pollOnly = new SqliteStore({ path: ':memory:' });
    const alone = new ChangeDetector({
      store: pollOnly,
      source: new RestEventsSource(ticketGet({ baseUrl: emulator.url, ticket: async () => ticket })),
      watched: () => [`document:${docId}`],
      onError: (error) => assert.fail(String(error)),
    });
    await alone.pollOnce();
    await until('the first look of the BFF detector', () => store.getCursor(`audit:${docId}`) !== null);

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
      const act = await fetch(`${emulator.url}/emulator/workflows/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processId: Number(review.id), user: 'lena.legal', action: 'Approve' }),
      });
      assert.equal(act.status, 200);
    }

    // Both paths saw every milestone: the hook accepted each workflow callout, and the BFF's poller moved
    // its cursor past the last audit entry.
    type Callout = { id: string; type: string; status?: number; data: { auditId: number } };
    const callouts = async () =>
      ((await (await fetch(`${emulator.url}/emulator/callouts`)).json()) as { callouts: Callout[] }).callouts;
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
      const cursor = JSON.parse(store.getCursor(`audit:${docId}`) ?? '{}') as { ids?: string[] };
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
    const stored = store.eventsAfter(0).filter((s) => s.event.type.startsWith('review.'));
    assert.deepEqual(
      sorted(stored.map((s) => [s.event.type, s.event.id])),
      sorted(REVIEW_TYPES.map((t, i) => [t, expectedIds[i]])),
    );
    for (const s of stored) {
      assert.equal(s.event.documentId, docId);
      assert.equal(s.event.workspaceId, workspaceId);
    }
    await until('deliveries settled', () =>
      store.listDeliveries(subscription.id).every((d) => d.state === 'delivered'),
    );
    await until('the SSE events', () => live.some((f) => f.event === 'review.completed'));
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to show up, if there were one
    assert.deepEqual(sorted(deliveries.map((d) => d.headers['webhook-id'])), sorted(expectedIds));
    for (const d of deliveries) {
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
