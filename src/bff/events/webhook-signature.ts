import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
/** Standard Webhooks: timestamps more than 5 minutes in the past or the future are refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookVerifyFailure =
  'missing-headers' | 'bad-timestamp' | 'timestamp-too-old' | 'timestamp-too-new' | 'no-matching-signature';

export class WebhookVerificationError extends Error {
  constructor(readonly reason: WebhookVerifyFailure) {
    super(`webhook verification failed: ${reason}`);
    this.name = 'WebhookVerificationError';
  }
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** A new `whsec_` secret of 32 random bytes. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** Key bytes of a `whsec_<base64>` secret (a secret without the prefix is read as base64 too). */
export function webhookSecretKey(secret: string): Buffer {
  const b64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(b64, 'base64');
  if (key.length === 0) throw new Error('webhook secret is empty');
  return key;
}

function hmac(key: Buffer, id: string, timestamp: number, body: string | Uint8Array): Buffer {
  const mac = createHmac('sha256', key);
  mac.update(`${id}.${timestamp}.`);
  mac.update(body);
  return mac.digest();
}

/**
 * `webhook-signature` value for one message: one `v1,<base64>` per secret, space-separated, so a receiver
 * holding either the old or the new secret accepts it during rotation.
 */
export function signWebhook(
  secrets: string | readonly string[],
  id: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return list
    .map((s) => `v1,${hmac(webhookSecretKey(s), id, timestampSeconds, body).toString('base64')}`)
    .join(' ');
}

/** All three headers for one delivery attempt. */
export function webhookHeaders(
  secrets: string | readonly string[],
  id: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signWebhook(secrets, id, timestampSeconds, body),
  };
}

export interface VerifyWebhookOptions {
  /** Any of these secrets may have signed the message (rotation). */
  secrets: readonly string[];
  nowSeconds?: number;
  toleranceSeconds?: number;
}

/**
 * Verifies a Standard Webhooks message over its raw body. Returns the webhook id; throws
 * WebhookVerificationError (never anything else for bad input) when it must be refused.
 */
export function verifyWebhook(
  headers: Partial<Record<keyof WebhookHeaders, string | null | undefined>>,
  rawBody: string | Uint8Array,
  options: VerifyWebhookOptions,
): string {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const sig = headers['webhook-signature'];
  if (!id || !ts || !sig) throw new WebhookVerificationError('missing-headers');
  if (!/^[0-9]{1,12}$/.test(ts)) throw new WebhookVerificationError('bad-timestamp');
  const timestamp = Number(ts);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) throw new WebhookVerificationError('timestamp-too-old');
  if (timestamp - now > tolerance) throw new WebhookVerificationError('timestamp-too-new');

  const candidates = sig
    .split(' ')
    .map((entry) => entry.split(','))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] === 'v1')
    .map(([, b64]) => Buffer.from(b64, 'base64'));
  for (const secret of options.secrets) {
    const expected = hmac(webhookSecretKey(secret), id, timestamp, rawBody);
    // timingSafeEqual throws on unequal lengths; a wrong-length signature simply does not match.
    if (candidates.some((c) => c.length === expected.length && timingSafeEqual(c, expected))) return id;
  }
  throw new WebhookVerificationError('no-matching-signature');
}
