// sseLiveEvents against msw streaming responses (a real fetch through the service worker).
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BffClient, sseLiveEvents, type LiveEventsHost } from '../../src/client/index.js';
import type { DomainEvent } from '../../src/contract/index.js';
import { MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';

interface Opened {
  url: URL;
  headers: Headers;
  send(text: string): void;
  end(): void;
  /** The client closed this stream (aborted its request). */
  cancelled: boolean;
}

let opened: Opened[] = [];

function ignoreClosed(action: () => void): void {
  try {
    action();
  } catch {
    // stream already closed
  }
}

/** One SSE stream per request, driven by the test; `status` answers with a problem instead. */
function eventsHandler(status?: (request: Request) => number | undefined) {
  return http.get(`${MOCK_BFF_BASE}/v1/events`, ({ request }) => {
    const refuse = status?.(request);
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel: () => void (entry.cancelled = true),
    });
    const encoder = new TextEncoder();
    const entry: Opened = {
      cancelled: false,
      url: new URL(request.url),
      headers: request.headers,
      // The client may have cancelled the stream already (close, topic change): nothing to deliver then.
      send: (text) => ignoreClosed(() => controller.enqueue(encoder.encode(text))),
      end: () => ignoreClosed(() => controller.close()),
    };
    opened.push(entry);
    if (refuse) {
      const headers = refuse === 429 ? { 'retry-after': '1' } : undefined;
      return HttpResponse.json({ status: refuse }, { status: refuse, ...(headers ? { headers } : {}) });
    }
    // Like the BFF: an immediate `ready` flushes the headers.
    controller.enqueue(encoder.encode('event: ready\ndata: {}\n\n'));
    return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream' } });
  });
}

function domainEvent(over: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: 'xecm-audit-1',
    type: 'document.approved',
    occurredAt: '2026-11-29T06:31:20Z',
    workspaceId: '7001',
    documentId: '8001',
    data: { approvalStatus: 'Approved' },
    ...over,
  };
}

function sse(id: number, event: DomainEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A client whose subscribers record which keys were invalidated. */
function watchedClient(keys: string[], options: Parameters<typeof sseLiveEvents>[0] = {}) {
  const told: string[] = [];
  const client = new BffClient({
    baseUrl: MOCK_BFF_BASE,
    tokenProvider: () => 'token-abc',
    liveEvents: sseLiveEvents(options),
  });
  const releases = keys.map((key) => client.subscribe(key, () => told.push(key)));
  return { client, told, release: () => releases.forEach((r) => r()) };
}

function fakeHost(tokens: string[] = ['token-abc']) {
  const invalidated: string[] = [];
  const host: LiveEventsHost = {
    baseUrl: MOCK_BFF_BASE,
    token: async () => (tokens.length > 1 ? tokens.shift() : tokens[0]),
    invalidate: (key) => invalidated.push(key),
  };
  return { host, invalidated };
}

const topicsOf = (o: Opened) => o.url.searchParams.get('topics')!.split(',').sort();
const opens = (n: number) => waitUntil(() => opened.length >= n, `expected ${n} stream(s)`);

describe('sseLiveEvents', () => {
  let cleanup: (() => void) | undefined;
  beforeEach(() => {
    opened = [];
    useHandlers(eventsHandler());
  });
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });

  it('invalidates the workspace and document an event names, and nothing else', async () => {
    const w = watchedClient(['workspace:7001', 'document:8001', 'workspace:7002']);
    cleanup = () => w.client.signOut();
    await opens(1);
    opened[0]!.send(sse(1, domainEvent()));
    await waitUntil(() => w.told.length === 2);
    expect(w.told.sort()).to.deep.equal(['document:8001', 'workspace:7001']);
  });

  it('sends the token as a bearer header, never in the URL', async () => {
    const w = watchedClient(['workspace:7001']);
    cleanup = () => w.release();
    await opens(1);
    expect(opened[0]!.headers.get('authorization')).to.equal('Bearer token-abc');
    expect(opened[0]!.headers.get('accept')).to.equal('text/event-stream');
    expect(opened[0]!.url.href).to.not.contain('token-abc');
    expect(opened[0]!.url.pathname).to.equal('/bff/v1/events');
  });

  it('multiplexes the topics of many watchers mounting together into one request', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `workspace:${7001 + i}`);
    const w = watchedClient([...keys, 'document:8001', 'workspace:7001']);
    cleanup = () => w.release();
    await opens(1);
    await aTimeout(150);
    expect(opened).to.have.length(1);
    expect(topicsOf(opened[0]!)).to.deep.equal([...keys, 'document:8001'].sort());
  });

  it('reconnects with the new topic set and Last-Event-ID when the topics change', async () => {
    const { host, invalidated } = fakeHost();
    const live = sseLiveEvents()(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    await opens(1);
    expect(opened[0]!.headers.get('last-event-id')).to.equal(null);
    opened[0]!.send(sse(41, domainEvent({ documentId: undefined })));
    await waitUntil(() => invalidated.length === 1);
    live.watch('document:8001');
    await opens(2);
    expect(topicsOf(opened[1]!)).to.deep.equal(['document:8001', 'workspace:7001']);
    expect(opened[1]!.headers.get('last-event-id')).to.equal('41');
    await waitUntil(() => opened[0]!.cancelled, 'the old stream stays open');
  });

  it('reconnects after the stream ends, resuming after the last event seen', async () => {
    const { host, invalidated } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 5 })(host);
    cleanup = () => live.close();
    live.watch('document:8001');
    await opens(1);
    opened[0]!.send(sse(5, domainEvent()));
    await waitUntil(() => invalidated.length === 2);
    opened[0]!.end();
    await opens(2);
    expect(opened[1]!.headers.get('last-event-id')).to.equal('5');
    opened[1]!.send(sse(6, domainEvent({ workspaceId: '7009', documentId: undefined })));
    await waitUntil(() => invalidated.includes('workspace:7009'));
  });

  it('invalidates every watched topic on resync', async () => {
    const w = watchedClient(['workspace:7001', 'document:8001', 'workspace:7001/documents?page=1']);
    cleanup = () => w.release();
    await opens(1);
    opened[0]!.send('id: 9\nevent: resync\ndata: {}\n\n');
    await waitUntil(() => w.told.length === 3);
    expect(w.told.sort()).to.deep.equal([
      'document:8001',
      'workspace:7001',
      'workspace:7001/documents?page=1',
    ]);
  });

  it('ignores malformed events and comments, and parses CRLF, multi-line data and split chunks', async () => {
    const { host, invalidated } = fakeHost();
    const live = sseLiveEvents()(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    await opens(1);
    const s = opened[0]!;
    s.send(': ping\n\n');
    s.send('id: 1\nevent: document.approved\ndata: not json\n\n');
    s.send(`id: 2\ndata: ${JSON.stringify({ id: 'x', type: 'nonsense', workspaceId: '1' })}\n\n`);
    s.send(`data: ${JSON.stringify(domainEvent({ occurredAt: 'yesterday' }))}\n\n`);
    const good = JSON.stringify(domainEvent({ workspaceId: '7001', documentId: undefined }));
    const half = good.indexOf(',');
    s.send(`id: 3\r\nevent: document.approved\r\ndata: ${good.slice(0, half + 1)}\r`);
    await aTimeout(20); // separate chunks: the CRLF is split across them
    s.send(`\ndata: ${good.slice(half + 1)}\r`);
    await aTimeout(20);
    s.send('\n\r\n');
    await waitUntil(() => invalidated.length > 0);
    await aTimeout(20);
    expect(invalidated).to.deep.equal(['workspace:7001']);
  });

  it('asks for a fresh token once after a 401', async () => {
    useHandlers(eventsHandler((r) => (r.headers.get('authorization') === 'Bearer old' ? 401 : undefined)));
    const { host, invalidated } = fakeHost(['old', 'new']);
    const live = sseLiveEvents()(host);
    cleanup = () => live.close();
    live.watch('document:8001');
    await opens(2);
    expect(opened[1]!.headers.get('authorization')).to.equal('Bearer new');
    opened[1]!.send(sse(1, domainEvent({ workspaceId: undefined })));
    await waitUntil(() => invalidated.length === 1);
  });

  it('stops retrying a refused topic set (403) until the topics change', async () => {
    useHandlers(
      eventsHandler((r) => (new URL(r.url).searchParams.get('topics') === 'workspace:666' ? 403 : undefined)),
    );
    const { host } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    cleanup = () => live.close();
    const release = live.watch('workspace:666');
    await opens(1);
    await aTimeout(100);
    expect(opened).to.have.length(1);
    release();
    live.watch('workspace:7001');
    await opens(2);
    expect(topicsOf(opened[1]!)).to.deep.equal(['workspace:7001']);
  });

  it('backs off and retries after a server error', async () => {
    let fail = 2;
    useHandlers(eventsHandler(() => (fail-- > 0 ? 503 : undefined)));
    const { host, invalidated } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 5 })(host);
    cleanup = () => live.close();
    live.watch('document:8001');
    await opens(3);
    opened[2]!.send(sse(1, domainEvent({ workspaceId: undefined })));
    await waitUntil(() => invalidated.length === 1);
  });

  it('waits as long as a 429 Retry-After asks before reconnecting', async () => {
    let refuse = 1;
    useHandlers(eventsHandler(() => (refuse-- > 0 ? 429 : undefined)));
    const { host } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    cleanup = () => live.close();
    live.watch('document:8001');
    await opens(1);
    await aTimeout(300);
    expect(opened).to.have.length(1);
    await opens(2);
  });

  it('opens nothing while no topic is watched, closes the stream when the last one goes, and after close()', async () => {
    const { host, invalidated } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    live.watch('document:8001')();
    await aTimeout(100);
    expect(opened).to.have.length(0);
    const release = live.watch('document:8001');
    await opens(1);
    release();
    await waitUntil(() => opened[0]!.cancelled, 'the stream stays open without topics');
    live.watch('document:8001');
    await opens(2);
    live.close();
    await waitUntil(() => opened[1]!.cancelled, 'close() leaves the stream open');
    opened[1]!.send(sse(1, domainEvent()));
    opened[1]!.end();
    await aTimeout(100);
    expect(opened).to.have.length(2);
    expect(invalidated).to.deep.equal([]);
  });
});
