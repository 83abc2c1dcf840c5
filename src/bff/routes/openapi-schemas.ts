// Answers that are not part of the browser contract (admin, hooks, master data), written in zod so the
// OpenAPI document is generated from one kind of source. The type checks below keep them honest: a field
// added to the real answer without being described here fails `tsc`.
import * as z from 'zod';
import type { Delivery, Subscription } from '../store/store.js';
import type { MasterDataAnswer as GatewayAnswer } from '../masterdata/masterdata-gateway.js';
import { DELIVERY_STATES } from '../store/store.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T => true as T;

export const SubscriptionView = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()).describe('Event types delivered; empty = all.'),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.number().describe('Epoch milliseconds.'),
});
same<Same<z.infer<typeof SubscriptionView>, Omit<Subscription, 'secret'>>>();

export const SubscriptionCreated = SubscriptionView.extend({
  secret: z.string().describe('`whsec_…` signing secret; shown only in this answer.'),
});
same<Same<z.infer<typeof SubscriptionCreated>, Subscription>>();

export const DeliveryView = z.object({
  subscriptionId: z.string(),
  seq: z.number(),
  eventId: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.number().describe('Epoch milliseconds.'),
  lastStatus: z.number().nullable(),
  state: z.enum(DELIVERY_STATES),
});
same<Same<z.infer<typeof DeliveryView>, Delivery>>();

export const MasterDataAnswer = z.object({
  system: z.string(),
  boType: z.string(),
  boId: z.string(),
  properties: z.record(z.string(), z.string()),
});
same<Same<z.infer<typeof MasterDataAnswer>, GatewayAnswer>>();

export const LobHookAnswer = z.object({
  accepted: z.literal(true),
  action: z
    .string()
    .describe('`workspace-created`, `workspace-exists`, `review-started`, another rule outcome, or `none`.'),
  workspaceId: z.string().optional(),
  reviewId: z.string().optional(),
});

export const DevTokenAnswer = z.object({ token: z.string(), expiresIn: z.number().int() });

export const Health = z.object({ status: z.literal('ok') });
export const Ready = z.object({ status: z.literal('ready'), checks: z.object({ xecm: z.literal('ok') }) });
