import * as z from 'zod/mini';
import { Timestamp } from './ids.js';

export const DOMAIN_EVENT_TYPES = [
  'review.started',
  'review.step-changed',
  'review.completed',
  'document.added',
  'document.revised',
  'document.approved',
  'document.rejected',
  'workspace.created',
  'workspace.updated',
] as const;
export const DomainEventType = z.enum(DOMAIN_EVENT_TYPES);
export type DomainEventType = z.infer<typeof DomainEventType>;

/** A change in xECM, detected by polling or received as a signed callout. Ids are stable across both paths. */
export const DomainEvent = z.object({
  id: z.string(),
  type: DomainEventType,
  occurredAt: Timestamp,
  workspaceId: z.optional(z.string()),
  documentId: z.optional(z.string()),
  /** Thin payload: ids and states only, never document content or secrets. */
  data: z.record(z.string(), z.unknown()),
});
export type DomainEvent = z.infer<typeof DomainEvent>;

/** Live-update topics: `workspace:<id>` or `document:<id>`. */
export const TOPIC_PATTERN = /^(workspace|document):[0-9]{1,12}$/;
export type Topic = `workspace:${string}` | `document:${string}`;
