import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { DOMAIN_EVENT_TYPES } from '../../contract/index.js';
import type { Store, Subscription } from '../store/store.js';
import { assertSafeWebhookUrl, type UrlGuardOptions } from './url-guard.js';
import { generateWebhookSecret } from './webhook-signature.js';

/** Body of a subscription registration (admin API or configuration file). */
export const SubscriptionRequest = z.object({
  url: z.string().max(2048),
  eventTypes: z.array(z.enum(DOMAIN_EVENT_TYPES)).max(DOMAIN_EVENT_TYPES.length).default([]),
  /** Given in a configuration file; generated when absent. */
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'must be whsec_ followed by 24-64 bytes in base64')
    .optional(),
});
export type SubscriptionRequest = z.input<typeof SubscriptionRequest>;

/** Validates the URL (SSRF rules, DNS included) and stores an enabled subscription with its secret. */
export async function registerSubscription(
  store: Store,
  request: SubscriptionRequest,
  guard: UrlGuardOptions = {},
  now: number = Date.now(),
): Promise<Subscription> {
  const parsed = SubscriptionRequest.parse(request);
  const url = await assertSafeWebhookUrl(parsed.url, guard);
  const sub: Subscription = {
    id: `sub_${randomUUID()}`,
    url: url.href,
    eventTypes: parsed.eventTypes,
    secret: parsed.secret ?? generateWebhookSecret(),
    enabled: true,
    disabledReason: null,
    createdAt: now,
  };
  store.createSubscription(sub);
  return sub;
}
