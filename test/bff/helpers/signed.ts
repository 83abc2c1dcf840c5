import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Standard Webhooks headers for `body` signed with `secret` now, as xECM and LOB systems send them. */
export function signedHeaders(
  secret: string,
  body: string,
  id = `msg_${randomBytes(8).toString('hex')}`,
): Record<string, string> {
  const now = new Date();
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  };
}
