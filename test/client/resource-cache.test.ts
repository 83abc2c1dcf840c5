import { expect } from '@open-wc/testing';
import { ResourceCache } from '../../src/client/index.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ResourceCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('shares one in-flight load among callers of the same key', async () => {
    const cache = new ResourceCache({ now: clock });
    let loads = 0;
    const gate = deferred<string>();
    const loader = () => (loads++, gate.promise);
    const a = cache.get('workspace:1', loader);
    const b = cache.get('workspace:1', loader);
    gate.resolve('v1');
    expect(await Promise.all([a, b])).to.deep.equal(['v1', 'v1']);
    expect(loads).to.equal(1);
  });

  it('serves a fresh value from memory until the TTL passes', async () => {
    const cache = new ResourceCache({ ttlMs: 1000, now: clock });
    let loads = 0;
    const loader = async () => `v${++loads}`;
    expect(await cache.get('k', loader)).to.equal('v1');
    now += 999;
    expect(await cache.get('k', loader)).to.equal('v1');
    expect(loads).to.equal(1);
  });

  it('after the TTL serves the stale value at once, revalidates, and notifies subscribers', async () => {
    const cache = new ResourceCache({ ttlMs: 1000, now: clock });
    let loads = 0;
    const loader = async () => `v${++loads}`;
    await cache.get('k', loader);
    let notified = 0;
    cache.subscribe('k', () => notified++);
    now += 1001;
    expect(await cache.get('k', loader)).to.equal('v1');
    await tick();
    expect(loads).to.equal(2);
    expect(notified).to.equal(1);
    expect(await cache.get('k', loader)).to.equal('v2');
    expect(loads).to.equal(2);
  });

  it('drops values older than maxStaleMs and waits for the network instead', async () => {
    const cache = new ResourceCache({ ttlMs: 1000, maxStaleMs: 5000, now: clock });
    let loads = 0;
    const loader = async () => `v${++loads}`;
    await cache.get('k', loader);
    now += 6000;
    expect(await cache.get('k', loader)).to.equal('v2');
  });

  it('keeps the stale value when a background revalidation fails', async () => {
    const cache = new ResourceCache({ ttlMs: 10, now: clock });
    await cache.get('k', async () => 'good');
    now += 20;
    expect(await cache.get('k', () => Promise.reject(new Error('down')))).to.equal('good');
    await tick();
    expect(cache.peek('k')).to.equal('good');
  });

  it('invalidate() notifies subscribers of the key and its sub-keys, and the next read refreshes', async () => {
    const cache = new ResourceCache({ now: clock });
    let version = 1;
    const loader = async () => `v${version}`;
    await cache.get('workspace:1', loader);
    await cache.get('workspace:1/documents?page=1', loader);
    const told: string[] = [];
    cache.subscribe('workspace:1', () => told.push('ws'));
    cache.subscribe('workspace:1/documents?page=1', () => told.push('docs'));
    cache.subscribe('workspace:12', () => told.push('other'));
    version = 2;
    cache.invalidate('workspace:1');
    expect(told.sort()).to.deep.equal(['docs', 'ws']);
    expect(cache.isFresh('workspace:1')).to.equal(false);
    // Stale-while-revalidate: the old value now, the new one after the refresh lands.
    expect(await cache.get('workspace:1', loader)).to.equal('v1');
    await tick();
    expect(await cache.get('workspace:1', loader)).to.equal('v2');
  });

  it('stops notifying after unsubscribe', () => {
    const cache = new ResourceCache();
    let told = 0;
    const off = cache.subscribe('k', () => told++);
    cache.invalidate('k');
    off();
    cache.invalidate('k');
    expect(told).to.equal(1);
  });

  it('fresh: true bypasses a cached value', async () => {
    const cache = new ResourceCache({ now: clock });
    let loads = 0;
    const loader = async () => `v${++loads}`;
    await cache.get('k', loader);
    expect(await cache.get('k', loader, { fresh: true })).to.equal('v2');
  });

  it('clear() forgets values, cancels loads in flight and never stores their late results', async () => {
    const cache = new ResourceCache({ now: clock });
    await cache.get('a', async () => 'old');
    const gate = deferred<string>();
    let signal: AbortSignal | undefined;
    const pending = cache.get('b', (s) => ((signal = s), gate.promise));
    let told = 0;
    cache.subscribe('a', () => told++);
    cache.clear();
    expect(cache.has('a')).to.equal(false);
    expect(signal!.aborted).to.equal(true);
    expect(told).to.equal(1);
    gate.resolve('late');
    await pending;
    expect(cache.has('b')).to.equal(false);
  });

  it('cancels the shared load only when every caller has aborted', async () => {
    const cache = new ResourceCache({ now: clock });
    const gate = deferred<string>();
    let signal: AbortSignal | undefined;
    const loader = (s: AbortSignal) => ((signal = s), gate.promise);
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.get('k', loader, { signal: first.signal });
    const b = cache.get('k', loader, { signal: second.signal });
    first.abort();
    let aError: unknown;
    await a.catch((e: unknown) => (aError = e));
    expect((aError as DOMException).name).to.equal('AbortError');
    expect(signal!.aborted).to.equal(false);
    second.abort();
    await b.catch(() => undefined);
    expect(signal!.aborted).to.equal(true);
  });

  it('does not cache failures', async () => {
    const cache = new ResourceCache({ now: clock });
    let loads = 0;
    const loader = async () => {
      loads++;
      if (loads === 1) throw new Error('boom');
      return 'ok';
    };
    await cache.get('k', loader).catch(() => undefined);
    expect(await cache.get('k', loader)).to.equal('ok');
  });
});
