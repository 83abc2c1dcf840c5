// sseLiveEvents against msw streaming responses (a real fetch through the service worker).
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sseLiveEvents, type LiveEventsHost } from '../../src/client/index.js';
import { MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';
import {
  domainEvent,
  eventsHandler,
  fakeHost,
  opened,
  opens,
  sse,
  topicsOf,
  watchedClient,
} from './sse-stream.helpers.js';

describe('sseLiveEvents', () => {
  let cleanup: (() => void) | undefined;
  beforeEach(() => {
    opened.length = 0;
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

  it('stops reconnecting after a 401 without a token (anonymous page) until a topic is watched anew', async () => {
    useHandlers(eventsHandler((r) => (r.headers.get('authorization') ? undefined : 401)));
    const asked: (boolean | undefined)[] = [];
    const host: LiveEventsHost = {
      baseUrl: MOCK_BFF_BASE,
      token: async (request) => void asked.push(request?.expired),
      invalidate: () => undefined,
    };
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 5 })(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    await opens(1);
    await aTimeout(200);
    expect(opened).to.have.length(1);
    // It asked for a new token once; the quiet checks after that are plain reads of the provider.
    expect(asked.slice(0, 2)).to.deep.equal([undefined, true]);
    live.watch('document:8001');
    await opens(2);
    await aTimeout(100);
    expect(opened).to.have.length(2);
  });

  it('after a 401 and no new token (signed out) waits, then reconnects when a token appears', async () => {
    useHandlers(eventsHandler((r) => (r.headers.get('authorization') === 'Bearer fresh' ? undefined : 401)));
    // The first token is refused; then the user is signed out until `token` is set.
    const provider = { calls: 0, token: undefined as string | undefined };
    const host: LiveEventsHost = {
      baseUrl: MOCK_BFF_BASE,
      token: async (request) => {
        if (provider.calls++ === 0) return 'old';
        return request?.expired ? undefined : provider.token;
      },
      invalidate: () => undefined,
    };
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 20 })(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    await opens(1);
    await aTimeout(200);
    expect(opened).to.have.length(1);
    provider.token = 'fresh';
    await opens(2);
    expect(opened[1]!.headers.get('authorization')).to.equal('Bearer fresh');
    await aTimeout(100);
    expect(opened).to.have.length(2);
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
