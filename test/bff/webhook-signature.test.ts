import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import {
  WebhookVerificationError,
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookHeaders,
} from '../../src/bff/events/webhook-signature.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = '{"type":"document.approved","data":{"documentId":"1001"}}';
const now = Math.floor(Date.now() / 1000);

const refused = (reason: string) => (error: unknown) =>
  error instanceof WebhookVerificationError && error.reason === reason;

describe('Standard Webhooks signatures', () => {
  it('accepts what the reference library signs', () => {
    const sig = new Webhook(secret).sign('msg_1', new Date(now * 1000), body);
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': sig };
    assert.equal(verifyWebhook(headers, body, { secrets: [secret], nowSeconds: now }), 'msg_1');
  });

  it('signs what the reference library accepts', () => {
    const fresh = generateWebhookSecret();
    const headers = webhookHeaders(fresh, 'evt_42', now, body);
    assert.deepEqual(new Webhook(fresh).verify(body, { ...headers }), JSON.parse(body));
  });

  it('produces the same signature bytes as the reference library', () => {
    assert.equal(
      signWebhook(secret, 'msg_1', now, body),
      new Webhook(secret).sign('msg_1', new Date(now * 1000), body),
    );
  });

  it('refuses a tampered body, a wrong secret and a wrong id', () => {
    const headers = webhookHeaders(secret, 'msg_1', now, body);
    const opts = { secrets: [secret], nowSeconds: now };
    assert.throws(
      () => verifyWebhook(headers, body.replace('1001', '1002'), opts),
      refused('no-matching-signature'),
    );
    assert.throws(() => verifyWebhook(headers, `${body} `, opts), refused('no-matching-signature'));
    assert.throws(
      () => verifyWebhook(headers, body, { secrets: [generateWebhookSecret()], nowSeconds: now }),
      refused('no-matching-signature'),
    );
    assert.throws(
      () => verifyWebhook({ ...headers, 'webhook-id': 'msg_2' }, body, opts),
      refused('no-matching-signature'),
    );
  });

  it('refuses timestamps more than five minutes old or ahead, and malformed ones', () => {
    const opts = { secrets: [secret], nowSeconds: now };
    const at = (ts: number) => webhookHeaders(secret, 'msg_1', ts, body);
    assert.equal(verifyWebhook(at(now - 300), body, opts), 'msg_1');
    assert.equal(verifyWebhook(at(now + 300), body, opts), 'msg_1');
    assert.throws(() => verifyWebhook(at(now - 301), body, opts), refused('timestamp-too-old'));
    assert.throws(() => verifyWebhook(at(now + 301), body, opts), refused('timestamp-too-new'));
    for (const ts of ['abc', '1.5', '1e9', '', '-5']) {
      const h = { ...at(now), 'webhook-timestamp': ts };
      assert.throws(() => verifyWebhook(h, body, opts), WebhookVerificationError);
    }
  });

  it('refuses missing headers and garbage signatures without throwing anything else', () => {
    const headers = webhookHeaders(secret, 'msg_1', now, body);
    const opts = { secrets: [secret], nowSeconds: now };
    assert.throws(
      () => verifyWebhook({ ...headers, 'webhook-signature': undefined }, body, opts),
      refused('missing-headers'),
    );
    for (const garbage of [
      'v1,AAAA',
      'v1,',
      'v1',
      'nonsense',
      'v1,%%%',
      `v2,${headers['webhook-signature'].slice(3)}`,
    ]) {
      assert.throws(
        () => verifyWebhook({ ...headers, 'webhook-signature': garbage }, body, opts),
        refused('no-matching-signature'),
      );
    }
  });

  it('supports rotation: several signatures sent, several secrets accepted, non-v1 entries ignored', () => {
    const next = generateWebhookSecret();
    const both = webhookHeaders([secret, next], 'msg_1', now, body);
    assert.equal(both['webhook-signature'].split(' ').length, 2);
    assert.equal(verifyWebhook(both, body, { secrets: [next], nowSeconds: now }), 'msg_1');
    assert.equal(verifyWebhook(both, body, { secrets: [secret], nowSeconds: now }), 'msg_1');
    const oldOnly = webhookHeaders(secret, 'msg_1', now, body);
    assert.equal(verifyWebhook(oldOnly, body, { secrets: [next, secret], nowSeconds: now }), 'msg_1');
    const mixed = { ...oldOnly, 'webhook-signature': `v1a,xyz ${oldOnly['webhook-signature']}` };
    assert.equal(verifyWebhook(mixed, body, { secrets: [secret], nowSeconds: now }), 'msg_1');
    // The reference library also accepts our rotated header with either secret.
    assert.doesNotThrow(() =>
      new Webhook(next).verify(body, { ...webhookHeaders([secret, next], 'm', now, body) }),
    );
  });
});
