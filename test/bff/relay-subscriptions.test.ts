import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { registerSubscription } from '../../src/bff/events/subscriptions.js';
import { UnsafeUrlError } from '../../src/bff/events/url-guard.js';

describe('registering a webhook subscription', () => {
  const resolve = async (host: string) => (host === 'erp.example.com' ? ['93.184.215.14'] : ['10.0.0.9']);

  it('stores a safe URL with a fresh whsec_ secret and its filters', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const sub = await registerSubscription(
      store,
      { url: 'https://erp.example.com/hooks', eventTypes: ['review.completed'] },
      { resolve },
    );
    assert.match(sub.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(sub.secret.slice(6), 'base64').length, 32);
    assert.deepEqual(store.getSubscription(sub.id), sub);
    const other = await registerSubscription(store, { url: 'https://erp.example.com/hooks' }, { resolve });
    assert.notEqual(other.secret, sub.secret);
    assert.deepEqual(other.eventTypes, []);
    store.close();
  });

  it('refuses internal targets, unknown event types and malformed secrets, storing nothing', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await assert.rejects(
      registerSubscription(store, { url: 'https://intranet.example.com/' }, { resolve }),
      UnsafeUrlError,
    );
    await assert.rejects(
      registerSubscription(store, { url: 'https://169.254.169.254/' }, { resolve }),
      UnsafeUrlError,
    );
    await assert.rejects(
      registerSubscription(
        store,
        { url: 'https://erp.example.com/', eventTypes: ['node.deleted' as never] },
        { resolve },
      ),
    );
    await assert.rejects(
      registerSubscription(store, { url: 'https://erp.example.com/', secret: 'hunter2' }, { resolve }),
    );
    assert.deepEqual(store.listSubscriptions(), []);
    store.close();
  });
});
