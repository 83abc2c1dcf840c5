import { expect } from '@open-wc/testing';
import { BffClient, invalidationKeys, type LiveEvents, type LiveEventsHost } from '../../src/client/index.js';

/** A LiveEvents double that records which topics the client holds open. */
function recordingLive() {
  const log: string[] = [];
  let host: LiveEventsHost | undefined;
  let instances = 0;
  const factory = (h: LiveEventsHost): LiveEvents => {
    host = h;
    const id = ++instances;
    return {
      watch: (topic) => {
        log.push(`${id} watch ${topic}`);
        return () => log.push(`${id} release ${topic}`);
      },
      close: () => log.push(`${id} close`),
    };
  };
  return { log, factory, host: () => host! };
}

describe('LiveEvents seam', () => {
  it('watches a topic while anyone subscribes to its key, once per topic', () => {
    const live = recordingLive();
    const client = new BffClient({ baseUrl: '/bff', liveEvents: live.factory });
    const a = client.subscribe('workspace:7001', () => undefined);
    const b = client.subscribe('workspace:7001', () => undefined);
    client.subscribe('workspace:7001/documents?page=1', () => undefined);
    a();
    a();
    expect(live.log).to.deep.equal(['1 watch workspace:7001']);
    b();
    expect(live.log).to.deep.equal(['1 watch workspace:7001', '1 release workspace:7001']);
  });

  it('lets the implementation invalidate keys, which reaches subscribers', () => {
    const live = recordingLive();
    const client = new BffClient({ baseUrl: '/bff', liveEvents: live.factory });
    let told = 0;
    client.subscribe('document:8001', () => told++);
    const event = {
      id: 'e1',
      type: 'document.approved',
      occurredAt: '2026-11-20T09:30:00Z',
      workspaceId: '7001',
      documentId: '8001',
      data: {},
    } as const;
    for (const key of invalidationKeys(event)) live.host().invalidate(key);
    expect(invalidationKeys(event)).to.deep.equal(['workspace:7001', 'document:8001']);
    expect(told).to.equal(1);
    expect(live.host().baseUrl).to.equal('/bff');
  });

  it('reconnects the watched topics on a new connection after signOut', () => {
    const live = recordingLive();
    const client = new BffClient({ baseUrl: '/bff', liveEvents: live.factory });
    client.subscribe('workspace:7001', () => undefined);
    client.signOut();
    expect(live.log).to.deep.equal(['1 watch workspace:7001', '1 close', '2 watch workspace:7001']);
  });

  it('does not open anything for keys that are not topics, or without an implementation', () => {
    const live = recordingLive();
    new BffClient({ baseUrl: '/bff', liveEvents: live.factory }).subscribe(
      'bo:crm/account/A-1',
      () => undefined,
    );
    expect(live.log).to.deep.equal([]);
    expect(() =>
      new BffClient({ baseUrl: '/bff' }).subscribe('workspace:1', () => undefined)(),
    ).to.not.throw();
  });
});
