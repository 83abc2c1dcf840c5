import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent } from '../../src/contract/index.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import {
  BOOKKEEPING_RETENTION_MS,
  INBOX_RETENTION_MS,
  StoreUnavailableError,
  type Subscription,
} from '../../src/bff/store/store.js';

const event = (id: string, type: DomainEvent['type'] = 'document.approved'): DomainEvent => ({
  id,
  type,
  occurredAt: '2026-11-29T06:00:00Z',
  documentId: '1001',
  data: { approval: 'Approved' },
});
const sub = (id: string, eventTypes: string[] = []): Subscription => ({
  id,
  url: 'https://erp.example.com/hooks',
  eventTypes,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  enabled: true,
  disabledReason: null,
  createdAt: 1,
});

describe('SqliteStore', () => {
  it('stores each event id once and moves the cursor in the same call', () => {
    const store = new SqliteStore({ path: ':memory:' });
    const first = store.commitDetection('audit', '10', [event('a'), event('b')]);
    assert.deepEqual(
      first.map((s) => [s.seq, s.event.id]),
      [
        [1, 'a'],
        [2, 'b'],
      ],
    );
    const again = store.commitDetection('audit', '12', [event('b'), event('c')]);
    assert.deepEqual(
      again.map((s) => s.event.id),
      ['c'],
    );
    assert.equal(store.getCursor('audit'), '12');
    assert.deepEqual(
      store.eventsAfter(1).map((s) => s.event.id),
      ['b', 'c'],
    );
    store.close();
  });

  it('drops a cursor set to null, so the next look starts afresh (the detector forgets unwanted cursors)', () => {
    const store = new SqliteStore({ path: ':memory:' });
    store.commitDetection('workspaces:created', '{"date":"2026-11-29T06:00:00Z","ids":["1"]}', []);
    assert.notEqual(store.getCursor('workspaces:created'), null);
    assert.deepEqual(store.commitDetection('workspaces:created', null, []), []);
    assert.equal(store.getCursor('workspaces:created'), null);
    assert.equal(store.getCursor('never-set'), null);
    store.close();
  });

  it('rolls the cursor back when storing an event fails', () => {
    const store = new SqliteStore({ path: ':memory:' });
    store.commitDetection('audit', '1', []);
    const bad = { ...event('x'), type: undefined } as unknown as DomainEvent;
    assert.throws(() => store.commitDetection('audit', '2', [event('ok'), bad]), StoreUnavailableError);
    assert.equal(store.getCursor('audit'), '1');
    assert.deepEqual(store.eventsAfter(0), []);
    store.close();
  });

  it('creates pending deliveries only for enabled subscriptions whose filter matches', () => {
    const store = new SqliteStore({ path: ':memory:', now: () => 1000 });
    store.createSubscription(sub('all'));
    store.createSubscription(sub('reviews', ['review.completed']));
    store.createSubscription({ ...sub('off'), enabled: false, disabledReason: 'gone' });
    store.commitDetection(null, null, [event('e1'), event('e2', 'review.completed')]);
    assert.deepEqual(
      store.listDeliveries('all').map((d) => d.eventId),
      ['e1', 'e2'],
    );
    assert.deepEqual(
      store.listDeliveries('reviews').map((d) => d.eventId),
      ['e2'],
    );
    assert.deepEqual(store.listDeliveries('off'), []);
    assert.equal(store.dueDeliveries('all', 1000, 10).length, 2);
    store.recordAttempt('all', 1, { attempts: 1, nextAttemptAt: 5000, lastStatus: 500, state: 'pending' });
    assert.deepEqual(
      store.dueDeliveries('all', 1000, 10).map((d) => d.eventId),
      ['e2'],
    );
    store.recordAttempt('all', 2, { attempts: 9, nextAttemptAt: 0, lastStatus: 500, state: 'dead' });
    assert.equal(store.replayDead('all', 2000), 1);
    assert.deepEqual(store.getDelivery('all', 'e2'), {
      subscriptionId: 'all',
      seq: 2,
      eventId: 'e2',
      attempts: 0,
      nextAttemptAt: 2000,
      lastStatus: 500,
      state: 'pending',
    });
    store.close();
  });

  it('forgets inbox ids only after the retention window and keeps the sequence increasing', () => {
    let now = 0;
    const store = new SqliteStore({ path: ':memory:', now: () => now });
    store.commitDetection(null, null, [event('old')]);
    now = INBOX_RETENTION_MS - 1;
    store.purge(now - INBOX_RETENTION_MS);
    assert.deepEqual(store.commitDetection(null, null, [event('old')]), []);
    now = INBOX_RETENTION_MS + 10;
    store.purge(now - INBOX_RETENTION_MS);
    assert.deepEqual(store.eventsAfter(0), []);
    const next = store.commitDetection(null, null, [event('new')]);
    assert.equal(next[0]?.seq, 2);
    assert.deepEqual(store.outboxRange(), { min: 2, max: 2 });
    store.close();
  });

  it('forgets request replays after a week but keeps review bookkeeping (a review runs for months)', () => {
    let now = 1_000;
    const store = new SqliteStore({ path: ':memory:', now: () => now });
    const record = (createdAt: number) => ({ requestHash: 'h', status: 201, body: '{}', createdAt });
    store.putIdempotency('k', 'max.sales', record(now));
    store.putIdempotency('4711', '#review-process', record(now));
    now += INBOX_RETENTION_MS + 1;
    store.purge(now - INBOX_RETENTION_MS);
    assert.equal(store.getIdempotency('k', 'max.sales'), null);
    assert.ok(store.getIdempotency('4711', '#review-process'), 'a month-long review keeps its record');
    now += BOOKKEEPING_RETENTION_MS;
    store.purge(now - INBOX_RETENTION_MS);
    assert.equal(store.getIdempotency('4711', '#review-process'), null);
    store.close();
  });

  it('keeps data across reopen of a file database and reports a closed database as unavailable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xecm-store-'));
    try {
      const path = join(dir, 'bff.db');
      const a = new SqliteStore({ path });
      a.commitDetection('c', 'v', [event('p')]);
      a.putIdempotency('k1', 'max.sales', {
        requestHash: 'h',
        status: 201,
        body: '{"id":"r1"}',
        createdAt: 5,
      });
      a.close();
      const b = new SqliteStore({ path });
      assert.equal(b.getCursor('c'), 'v');
      assert.equal(b.eventsAfter(0).length, 1);
      assert.equal(b.getIdempotency('k1', 'max.sales')?.body, '{"id":"r1"}');
      assert.equal(b.getIdempotency('k1', 'lena.legal'), null);
      b.close();
      assert.throws(() => b.getCursor('c'), StoreUnavailableError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('filters audit rows by time, workspace and document', () => {
    const store = new SqliteStore({ path: ':memory:' });
    const row = {
      documentId: '1',
      version: 2,
      clientHash: 'h',
      origin: null,
      result: 'ok',
      workspaceId: 'w1',
    };
    store.addAudit({ ...row, at: 10 });
    store.addAudit({ ...row, at: 20, documentId: '2' });
    store.addAudit({ ...row, at: 30, workspaceId: 'w2' });
    assert.deepEqual(
      store.queryAudit({ workspaceId: 'w1' }).map((r) => r.at),
      [10, 20],
    );
    assert.deepEqual(
      store.queryAudit({ from: 15, to: 31 }).map((r) => r.at),
      [20, 30],
    );
    assert.deepEqual(
      store.queryAudit({ documentId: '2' }).map((r) => r.at),
      [20],
    );
    store.close();
  });
});
