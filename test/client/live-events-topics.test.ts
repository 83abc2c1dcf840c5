// sseLiveEvents and the BFF's `topics` event (topics the stream does not carry: missing or forbidden).
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sseLiveEvents } from '../../src/client/index.js';
import { TOPICS_EVENT } from '../../src/contract/index.js';
import { useHandlers } from '../mocks/server-setup.js';
import { domainEvent, eventsHandler, fakeHost, opened, opens, sse, topicsOf } from './sse-stream.helpers.js';

const topicsEvent = (data: unknown) => `event: ${TOPICS_EVENT}\ndata: ${JSON.stringify(data)}\n\n`;

describe('sseLiveEvents: topics the BFF does not carry', () => {
  let cleanup: (() => void) | undefined;
  let warnings: string[];
  const warn = console.warn;
  beforeEach(() => {
    opened.length = 0;
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    useHandlers(eventsHandler());
  });
  afterEach(() => {
    console.warn = warn;
    cleanup?.();
    cleanup = undefined;
  });

  it('leaves refused topics out of reconnects, keeps the open stream, and warns naming them', async () => {
    const { host, invalidated } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    live.watch('document:8002');
    live.watch('workspace:666');
    await opens(1);
    opened[0]!.send(topicsEvent({ refused: ['document:8002', 'workspace:666'] }));
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('document:8002').and.to.contain('workspace:666');
    // The open stream still carries the rest.
    await aTimeout(100);
    expect(opened).to.have.length(1);
    expect(opened[0]!.cancelled).to.equal(false);
    opened[0]!.send(sse(3, domainEvent({ documentId: undefined })));
    await waitUntil(() => invalidated.includes('workspace:7001'));
    opened[0]!.end();
    await opens(2);
    expect(topicsOf(opened[1]!)).to.deep.equal(['workspace:7001']);
    expect(opened[1]!.headers.get('last-event-id')).to.equal('3');
    // A later stream's drop reconnects without them as well, and nothing warns again.
    opened[1]!.end();
    await opens(3);
    expect(topicsOf(opened[2]!)).to.deep.equal(['workspace:7001']);
    expect(warnings).to.have.length(1);
  });

  it('asks for a refused topic again once an element subscribes to it anew', async () => {
    const { host } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    const release = live.watch('document:8002');
    await opens(1);
    opened[0]!.send(topicsEvent({ refused: ['document:8002'] }));
    await waitUntil(() => warnings.length > 0, 'no warning');
    // Its last subscriber leaving changes nothing the stream asks for: no reconnect.
    release();
    await aTimeout(150);
    expect(opened).to.have.length(1);
    live.watch('document:8002');
    await opens(2);
    expect(topicsOf(opened[1]!)).to.deep.equal(['document:8002', 'workspace:7001']);
  });

  it('closes the stream when none of its topics is carried, until a topic is watched anew', async () => {
    const { host } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    cleanup = () => live.close();
    live.watch('workspace:666');
    await opens(1);
    opened[0]!.send(topicsEvent({ refused: ['workspace:666'] }));
    await waitUntil(() => opened[0]!.cancelled, 'a stream without topics stays open');
    await aTimeout(100);
    expect(opened).to.have.length(1);
    live.watch('workspace:666');
    await opens(2);
    expect(topicsOf(opened[1]!)).to.deep.equal(['workspace:666']);
  });

  it('ignores a topics event that does not follow the contract, and topics nobody watches', async () => {
    const { host } = fakeHost();
    const live = sseLiveEvents({ minRetryMs: 1, maxRetryMs: 2 })(host);
    cleanup = () => live.close();
    live.watch('workspace:7001');
    live.watch('document:8002');
    await opens(1);
    opened[0]!.send(topicsEvent({ refused: 'document:8002' }));
    opened[0]!.send(topicsEvent({ refused: ['document:8002', '../admin'] }));
    opened[0]!.send(`event: ${TOPICS_EVENT}\ndata: {"refused":[\n\n`);
    opened[0]!.send(topicsEvent({ refused: ['workspace:9999'] }));
    opened[0]!.send(': flushed\n\n');
    await aTimeout(50);
    opened[0]!.end();
    await opens(2);
    expect(topicsOf(opened[1]!)).to.deep.equal(['document:8002', 'workspace:7001']);
    expect(warnings).to.deep.equal([]);
  });
});
