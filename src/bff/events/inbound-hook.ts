import type { Store, StoredEvent } from '../store/store.js';
import { calloutToDomainEvent, XecmCallout } from './callout-mapping.js';
import { verifyWebhook, WebhookVerificationError } from './webhook-signature.js';

export { calloutToDomainEvent, XecmCallout } from './callout-mapping.js';

export const INBOUND_HOOK_OUTCOMES = ['stored', 'duplicate', 'ignored', 'unauthorized', 'invalid'] as const;
export type InboundHookOutcome = (typeof INBOUND_HOOK_OUTCOMES)[number];

export interface InboundHookResult {
  outcome: InboundHookOutcome;
  stored: StoredEvent[];
  reason?: string;
}

export interface InboundHookOptions {
  store: Store;
  /** Current signing secrets (several during rotation). */
  secrets: () => readonly string[];
  nowSeconds?: () => number;
}

/**
 * Verifies, parses and commits one callout. Throws StoreUnavailableError when the store cannot take it:
 * the caller answers 503 and the sender retries.
 */
export function handleInboundHook(
  options: InboundHookOptions,
  headers: (name: string) => string | undefined,
  rawBody: string,
): InboundHookResult {
  let webhookId: string;
  try {
    webhookId = verifyWebhook(
      {
        'webhook-id': headers('webhook-id'),
        'webhook-timestamp': headers('webhook-timestamp'),
        'webhook-signature': headers('webhook-signature'),
      },
      rawBody,
      { secrets: options.secrets(), nowSeconds: options.nowSeconds?.() },
    );
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return { outcome: 'unauthorized', stored: [], reason: error.reason };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { outcome: 'invalid', stored: [], reason: 'body is not JSON' };
  }
  const parsed = XecmCallout.safeParse(json);
  if (!parsed.success) return { outcome: 'invalid', stored: [], reason: 'body is not an xECM callout' };
  const event = calloutToDomainEvent(webhookId, parsed.data);
  if (!event) return { outcome: 'ignored', stored: [] };
  const stored = options.store.commitDetection(null, null, [event]);
  return { outcome: stored.length > 0 ? 'stored' : 'duplicate', stored };
}
