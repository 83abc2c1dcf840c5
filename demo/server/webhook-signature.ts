import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com) signing with node:crypto:
 * HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed with the base64 part of a `whsec_` secret.
 */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function newWebhookSecret(): string {
  return 'whsec_' + randomBytes(24).toString('base64');
}

export function newMessageId(): string {
  return 'msg_' + randomBytes(12).toString('hex');
}

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export function signedHeaders(
  secret: string,
  body: string,
  id = newMessageId(),
  now = Date.now(),
): SignedHeaders {
  const ts = Math.floor(now / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(ts),
    'webhook-signature': sign(secret, id, ts, body),
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Verifies over the raw body; accepts any of several space-separated `v1,` signatures (key rotation). */
export function verify(
  secret: string,
  headers: { id?: string | null; timestamp?: string | null; signature?: string | null },
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): VerifyResult {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature)
    return { ok: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature' };
  if (!/^[0-9]{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed webhook-timestamp' };
  const ts = Number(timestamp);
  if (Math.abs(now / 1000 - ts) > toleranceSeconds)
    return { ok: false, reason: 'timestamp outside the tolerance' };
  const expected = Buffer.from(sign(secret, id, ts, body).slice(3), 'base64');
  for (const part of signature.split(' ')) {
    const [version, mac] = part.split(',', 2);
    if (version !== 'v1' || !mac) continue;
    const given = Buffer.from(mac, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no signature matches' };
}
