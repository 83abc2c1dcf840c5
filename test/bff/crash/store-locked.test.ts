import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateWebhookSecret } from '../../../src/bff/events/webhook-signature.js';
import type { Delivery } from '../../../src/bff/store/store.js';
import { bundleBffChild, spawnBff, type BffProcess } from './bff-process.js';
import { acceptedBy, deliveriesOf, webhookIdsOf } from './evidence.js';
import { CalloutProducer } from './producer.js';
import { startReceiver, type Receiver } from './receiver.js';
import { waitFor } from './wait-for.js';

// Issue 5 item 2 under stress: while another connection holds the SQLite write lock longer than the store's
// busy timeout, the BFF must answer callouts 503 (so senders retry) and keep running; the webhook it sent but
// could not record is sent again, with the same webhook-id, once the store is back.
describe('BFF with its store locked past the busy timeout', () => {
  const hookSecret = generateWebhookSecret();
  const adminToken = randomBytes(32).toString('base64url');
  let dir: string;
  let dbPath: string;
  let receiver: Receiver;
  let bff: BffProcess | undefined;
  let lock: Database.Database | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bff-locked-'));
    dbPath = join(dir, 'bff.sqlite');
    // Slow answers: the relay's write after a delivery lands while the test holds the lock.
    receiver = await startReceiver({ latencyMs: () => 1000 });
  });

  after(async () => {
    if (lock?.inTransaction) lock.exec('ROLLBACK');
    lock?.close();
    await bff?.kill();
    await receiver?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers callouts 503, stays up, and re-sends the unrecorded delivery with the same webhook-id', async () => {
    const entry = await bundleBffChild(dir);
    bff = await spawnBff(entry, {
      NODE_ENV: 'test',
      BFF_HOST: '127.0.0.1',
      BFF_PORT: '0',
      BFF_LOG_LEVEL: 'warn',
      BFF_IDENTITY_SECRET: randomBytes(32).toString('base64url'),
      BFF_STORE_PATH: dbPath,
      BFF_HOOK_SECRETS: hookSecret,
      BFF_ADMIN_TOKEN: adminToken,
      BFF_WEBHOOK_DEV_HOSTS: '127.0.0.1',
    });
    const running = bff;
    const admin = (path: string, init: RequestInit = {}) =>
      fetch(`${running.url}/v1/subscriptions${path}`, {
        ...init,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      });
    const created = await admin('', { method: 'POST', body: JSON.stringify({ url: receiver.url }) });
    assert.equal(created.status, 201);
    const sub = (await created.json()) as { id: string; secret: string };
    receiver.secret = sub.secret;

    const producer = new CalloutProducer(hookSecret);
    const inFlight = producer.create();
    assert.deepEqual(await producer.send(running.url, inFlight), { status: 204 });
    // The delivery has reached the receiver, which answers only later: lock the store now, so the relay's
    // "delivered" write after that answer fails.
    await waitFor(() => deliveriesOf(receiver, inFlight).length > 0, {
      timeoutMs: 20_000,
      intervalMs: 5,
      explain: () => `no delivery of ${inFlight.calloutId}\n${running.output()}`,
    });
    lock = new Database(dbPath);
    lock.exec('BEGIN EXCLUSIVE');
    assert.ok(
      deliveriesOf(receiver, inFlight).every((d) => !d.answered),
      'test premise: the lock must be taken before the receiver answers (machine too slow?)',
    );
    await waitFor(() => deliveriesOf(receiver, inFlight).every((d) => d.answered), {
      timeoutMs: 5_000,
      intervalMs: 5,
      explain: () => 'the receiver never answered',
    });

    // The relay's failed write comes first; this callout then waits the busy timeout and is refused.
    const refused = producer.create();
    const outcome = await producer.send(running.url, refused);
    assert.deepEqual(outcome, { status: 503 }, `callout while the store is locked\n${running.output()}`);
    assert.equal(refused.acknowledged, false);
    assert.equal(running.exited, false, `the BFF died with its store locked:\n${running.output()}`);

    lock.exec('COMMIT');
    lock.close();
    lock = undefined;
    // The sender retries the refused callout; both events now reach the receiver.
    assert.deepEqual(await producer.send(running.url, refused), { status: 204 });
    let rows: Delivery[] = [];
    await waitFor(
      async () => {
        const res = await admin(`/${sub.id}/deliveries`);
        rows = ((await res.json()) as { deliveries: Delivery[] }).deliveries;
        return rows.length === 2 && rows.every((d) => d.state === 'delivered');
      },
      {
        timeoutMs: 30_000,
        intervalMs: 200,
        explain: () => `deliveries: ${JSON.stringify(rows)}\n${running.output()}`,
      },
    );
    for (const e of [inFlight, refused]) {
      assert.ok(acceptedBy(receiver, e) >= 1, `${e.calloutId} never accepted`);
      assert.equal(webhookIdsOf([receiver], e).length, 1, `${e.calloutId}: one webhook-id`);
    }
    // The delivery whose outcome could not be written went out again: at least once, never lost.
    assert.ok(acceptedBy(receiver, inFlight) >= 2, 'the unrecorded delivery was not sent again');
    assert.ok(
      receiver.deliveries.every((d) => d.verified),
      'every delivery verifies with the subscription secret',
    );
    assert.equal(running.exited, false);
  });
});
