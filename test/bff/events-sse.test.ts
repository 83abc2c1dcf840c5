import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { DomainEvent, Topic } from '../../src/contract/index.js';
import { TopicsEvent } from '../../src/contract/topics-event.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { EventHub } from '../../src/bff/events/hub.js';
import { eventsRoutes } from '../../src/bff/routes/events.js';
import type { BffEnv } from '../../src/bff/http/env.js';

const event = (id: string, documentId: string, extra: Record<string, unknown> = {}): DomainEvent =>
  ({
    id,
    type: 'document.approved',
    occurredAt: '2026-11-29T06:00:00Z',
    workspaceId: '500',
    documentId,
    data: { approval: 'Approved' },
    ...extra,
  }) as DomainEvent;

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads an SSE response frame by frame. */
function frames(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  return async function next(): Promise<Frame> {
    for (;;) {
      const end = buf.indexOf('\n\n');
      if (end >= 0) {
        const raw = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const frame: Frame = {};
        for (const line of raw.split('\n')) {
          if (line.startsWith(':')) frame.comment = line.slice(1).trim();
          const m = /^(id|event|data): ?(.*)$/.exec(line);
          if (m) frame[m[1] as 'id' | 'event' | 'data'] = m[2];
        }
        return frame;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buf += value;
    }
  };
}

/** The next frame that is not a heartbeat comment. */
async function nextEvent(next: () => Promise<Frame>): Promise<Frame> {
  for (;;) {
    const frame = await next();
    if (frame.comment === undefined) return frame;
  }
}

describe('GET /v1/events (SSE)', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const hub = new EventHub({ store, maxStreamsPerUser: 2 });
  const visible = new Set<Topic>(['workspace:500', 'document:1', 'document:2']);
  /** Topics whose check fails as if xECM were down. */
  const unavailable = new Set<Topic>(['document:503']);
  let server: ServerType;
  let base = '';
  const controllers: AbortController[] = [];

  const canSee = async (_user: string, topic: Topic) => {
    if (unavailable.has(topic)) throw new Error('xECM unavailable');
    return visible.has(topic);
  };

  before(async () => {
    const app = new Hono<BffEnv>();
    app.use(async (c, next) => {
      c.set('requestId', 'test');
      c.set('user', c.req.header('x-user') ?? 'max.sales');
      await next();
    });
    app.route('/v1/events', eventsRoutes({ hub, canSee, heartbeatMs: 50 }));
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    controllers.forEach((c) => c.abort());
    store.close();
    server.close();
  });

  const open = async (query: string, headers: Record<string, string> = {}) => {
    const ctl = new AbortController();
    controllers.push(ctl);
    const res = await fetch(`${base}/v1/events?${query}`, { headers, signal: ctl.signal });
    return { res, close: () => ctl.abort() };
  };
  const commit = (...events: DomainEvent[]) => hub.publish(store.commitDetection(null, null, events));

  it('opens at once, then delivers events of its topics with increasing ids and heartbeats', async () => {
    const { res, close } = await open('topics=document:1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const next = frames(res);
    assert.equal((await next()).event, 'ready');
    commit(event('a', '2'), event('b', '1', { secretTicket: 'OTCS-XYZ' }), event('c', '1'));
    const first = await next();
    assert.equal(first.event, 'document.approved');
    const payload = JSON.parse(first.data!) as DomainEvent;
    assert.equal(payload.id, 'b');
    assert.equal('secretTicket' in payload, false);
    const second = await next();
    assert.equal(JSON.parse(second.data!).id, 'c');
    assert.ok(Number(second.id) > Number(first.id));
    assert.equal((await next()).comment, 'ping');
    close();
  });

  it('replays after Last-Event-ID without duplicates, and asks for a resync when the id is too old', async () => {
    const [x] = store.commitDetection(null, null, [event('r1', '2')]);
    commit(event('r2', '2'), event('r3', '2'));
    const { res, close } = await open('topics=document:2', { 'last-event-id': String(x!.seq) });
    const next = frames(res);
    await next(); // ready
    assert.deepEqual(
      [JSON.parse((await next()).data!).id, JSON.parse((await next()).data!).id],
      ['r2', 'r3'],
    );
    close();

    store.purge(Date.now() + 1); // the outbox forgets everything
    const again = await open('topics=document:2', { 'last-event-id': '1' });
    const n2 = frames(again.res);
    await n2();
    assert.equal((await n2()).event, 'resync');
    again.close();

    const garbage = await open('topics=document:2', { 'last-event-id': 'DROP TABLE' });
    assert.equal(garbage.res.status, 200);
    garbage.close();
  });

  it('refuses bad topics, topics the user may not see, and too many streams', async () => {
    assert.equal((await open('topics=folder:1')).res.status, 400);
    assert.equal((await open('')).res.status, 400);
    const denied = await open('topics=document:998,document:999');
    assert.equal(denied.res.status, 403);
    assert.equal(denied.res.headers.get('content-type'), 'application/problem+json');
    denied.close();
    await new Promise((r) => setTimeout(r, 50)); // earlier streams are gone
    const a = await open('topics=document:1', { 'x-user': 'lena.legal' });
    const b = await open('topics=document:1', { 'x-user': 'lena.legal' });
    const c = await open('topics=document:1', { 'x-user': 'lena.legal' });
    assert.equal(a.res.status, 200);
    assert.equal(b.res.status, 200);
    assert.equal(c.res.status, 429);
    assert.equal((await open('topics=document:1', { 'x-user': 'rex.restricted' })).res.status, 200);
    a.close();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await open('topics=document:1', { 'x-user': 'lena.legal' })).res.status, 200);
  });

  it('opens with the visible topics and names the refused ones, missing and forbidden alike', async () => {
    // document:7 does not exist, workspace:9 exists but is not this user's: the same answer for both.
    const { res, close } = await open('topics=document:1,document:7,workspace:9', { 'x-user': 'max.sales' });
    assert.equal(res.status, 200);
    const next = frames(res);
    assert.equal((await next()).event, 'ready');
    const topics = await nextEvent(next);
    assert.equal(topics.event, 'topics');
    assert.equal(topics.id, undefined); // not an outbox event: Last-Event-ID is unaffected
    assert.deepEqual(TopicsEvent.parse(JSON.parse(topics.data!)), { refused: ['document:7', 'workspace:9'] });
    commit(event('p1', '7'), event('p2', '1'));
    // Only the visible topic's event arrives; the refused topic's event is not sent.
    const got = await nextEvent(next);
    assert.equal(JSON.parse(got.data!).id, 'p2');
    close();

    const all = await open('topics=document:1');
    const n = frames(all.res);
    assert.equal((await n()).event, 'ready');
    commit(event('p3', '1'));
    // No `topics` event when everything was granted: the next frame is the event.
    assert.equal(JSON.parse((await nextEvent(n)).data!).id, 'p3');
    all.close();
  });

  it('leaves out events of documents the user may not see that reach a visible workspace topic', async () => {
    const { res, close } = await open('topics=workspace:500');
    const next = frames(res);
    await next(); // ready
    // document:42 is in workspace 500 but not visible (a confidential folder); document:2 is visible.
    commit(event('w1', '42'), event('w2', '2'), event('w3', '42', { type: 'document.added' }));
    assert.equal(JSON.parse((await nextEvent(next)).data!).id, 'w2');
    commit(event('w4', '2'));
    assert.equal(JSON.parse((await nextEvent(next)).data!).id, 'w4');
    close();
  });

  it('answers 503 (retry later) when the topics cannot be checked now', async () => {
    const { res } = await open('topics=document:1,document:503');
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });
});
