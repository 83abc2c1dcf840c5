import * as z from 'zod';
import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from '../../contract/index.js';
import type { Store, StoredEvent } from '../store/store.js';
import { auditEventId } from './xecm-event-id.js';
import { verifyWebhook, WebhookVerificationError } from './webhook-signature.js';

const Id = z.union([z.number().int().nonnegative(), z.string().regex(/^[0-9]{1,12}$/)]).transform(String);

/** A callout as a workflow step or event action in xECM sends it (Standard Webhooks envelope). */
export const XecmCallout = z.object({
  type: z.string().max(64),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.looseObject({
    auditId: z.optional(Id),
    nodeId: Id,
    nodeType: z.optional(z.number().int()),
    workspaceId: z.optional(z.nullable(Id)),
    version: z.optional(z.nullable(z.number().int())),
    approvalStatus: z.optional(z.nullable(z.string().max(64))),
    processId: z.optional(Id),
    workflowId: z.optional(Id),
    workflowName: z.optional(z.string().max(256)),
    status: z.optional(z.string().max(64)),
    stepName: z.optional(z.nullable(z.string().max(256))),
  }),
});
export type XecmCallout = z.infer<typeof XecmCallout>;

const DOCUMENT_NODE_TYPE = 144;
const isDomainType = (t: string): t is DomainEventType =>
  (DOMAIN_EVENT_TYPES as readonly string[]).includes(t);

/** Thin DomainEvent for a callout; null for a type we do not publish (accepted, not forwarded). */
export function calloutToDomainEvent(webhookId: string, callout: XecmCallout): DomainEvent | null {
  if (!isDomainType(callout.type)) return null;
  const d = callout.data;
  const isWorkspaceEvent = callout.type.startsWith('workspace.');
  const isDocument = callout.type.startsWith('document.') || d.nodeType === DOCUMENT_NODE_TYPE;
  const workspaceId = isWorkspaceEvent ? d.nodeId : (d.workspaceId ?? undefined);
  const data: Record<string, unknown> = {};
  for (const key of [
    'approvalStatus',
    'version',
    'processId',
    'workflowId',
    'workflowName',
    'status',
    'stepName',
  ] as const) {
    if (d[key] !== undefined && d[key] !== null) data[key] = d[key];
  }
  return {
    id: d.auditId !== undefined ? auditEventId(d.auditId) : webhookId,
    type: callout.type,
    occurredAt: callout.timestamp,
    ...(workspaceId ? { workspaceId } : {}),
    ...(isDocument && !isWorkspaceEvent ? { documentId: d.nodeId } : {}),
    data,
  };
}

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
