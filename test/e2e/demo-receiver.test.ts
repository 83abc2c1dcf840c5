import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startReceiver, type Receiver } from '../../demo/receiver/receiver.js';
import { newWebhookSecret } from '../../demo/server/webhook-signature.js';

describe('ERP webhook receiver', () => {
  const oldSecret = newWebhookSecret();
  const secret = newWebhookSecret();
  let receiver: Receiver;

  before(async () => {
    receiver = await startReceiver({ secrets: [secret, oldSecret] });
  });
  after(() => receiver?.close());

  async function post(body: string, headers: Record<string, string>) {
    return fetch(`${receiver.url}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }
  const signedBy = (key: string, body: string, id: string) => {
    const now = new Date();
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(key).sign(id, now, body),
    };
  };

  it('verifies deliveries signed by the reference library, with either rotated secret', async () => {
    const body = JSON.stringify({ type: 'review.completed', data: { reviewId: '1' } });
    assert.equal((await post(body, signedBy(secret, body, 'msg_a'))).status, 204);
    assert.equal((await post(body, signedBy(oldSecret, body, 'msg_b'))).status, 204);
    const { items } = await (await fetch(`${receiver.url}/deliveries`)).json();
    assert.deepEqual(
      items
        .slice(0, 2)
        .map((d: { webhookId: string; verified: boolean; type: string }) => [
          d.webhookId,
          d.verified,
          d.type,
        ]),
      [
        ['msg_b', true, 'review.completed'],
        ['msg_a', true, 'review.completed'],
      ],
    );
  });

  it('lists but rejects tampered, wrongly signed, stale and unsigned deliveries', async () => {
    const body = JSON.stringify({ type: 'document.approved', data: { documentId: '7' } });
    const good = signedBy(secret, body, 'msg_c');
    assert.equal((await post(body.replace('7', '8'), good)).status, 401);
    assert.equal((await post(body, signedBy(newWebhookSecret(), body, 'msg_d'))).status, 401);
    const stale = { ...good, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) };
    assert.equal((await post(body, stale)).status, 401);
    assert.equal((await post(body, {})).status, 401);
    const { items } = await (await fetch(`${receiver.url}/deliveries`)).json();
    const latest = items.slice(0, 4) as { verified: boolean; reason: string }[];
    assert.ok(latest.every((d) => !d.verified));
    assert.match(latest[1]!.reason, /tolerance/);
    assert.match(latest[3]!.reason, /no signature/);
  });

  it('shows deliveries on its HTML page with payloads escaped as text', async () => {
    const body = JSON.stringify({ type: '<script>alert(1)</script>', data: {} });
    await post(body, signedBy(secret, body, 'msg_e'));
    const page = await (await fetch(receiver.url + '/')).text();
    assert.ok(!page.includes('<script>alert(1)</script>'));
    assert.ok(page.includes('&lt;script&gt;'));
    assert.match(page, /verified/);
  });
});
