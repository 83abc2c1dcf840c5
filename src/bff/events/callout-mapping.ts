import * as z from 'zod';
import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from '../../contract/index.js';
import { auditEventId, createdEventId } from './xecm-event-id.js';

const Id = z.union([z.number().int().nonnegative(), z.string().regex(/^[0-9]{1,12}$/)]).transform(String);

/** A callout as a workflow step or event action in xECM sends it (Standard Webhooks envelope). */
export const XecmCallout = z.object({
  type: z.string().max(64),
  timestamp: z.iso.datetime({ offset: true }),
  data: z
    .looseObject({
      auditId: z.optional(Id),
      /** The changed node; a `workspace.created` callout may name only `workspaceId`. */
      nodeId: z.optional(Id),
      nodeType: z.optional(z.number().int()),
      workspaceId: z.optional(z.nullable(Id)),
      version: z.optional(z.nullable(z.number().int())),
      approvalStatus: z.optional(z.nullable(z.string().max(64))),
      processId: z.optional(Id),
      workflowId: z.optional(Id),
      workflowName: z.optional(z.string().max(256)),
      status: z.optional(z.string().max(64)),
      stepName: z.optional(z.nullable(z.string().max(256))),
    })
    .refine((d) => d.nodeId !== undefined || (d.workspaceId !== undefined && d.workspaceId !== null), {
      message: 'nodeId or workspaceId is required',
    }),
});
export type XecmCallout = z.infer<typeof XecmCallout>;

/**
 * Workflow callouts name the workflow's own milestones; they are the review events of the item the
 * workflow runs on (its first attachment, the node the audit entry is written on).
 */
export const WORKFLOW_CALLOUT_TYPES = {
  'workflow.initiated': 'review.started',
  'workflow.step-changed': 'review.step-changed',
  'workflow.completed': 'review.completed',
} as const satisfies Record<string, DomainEventType>;

const DOCUMENT_NODE_TYPE = 144;
const CREATIONS: readonly DomainEventType[] = ['document.added', 'workspace.created'];

function domainType(type: string): DomainEventType | null {
  if (type in WORKFLOW_CALLOUT_TYPES)
    return WORKFLOW_CALLOUT_TYPES[type as keyof typeof WORKFLOW_CALLOUT_TYPES];
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(type) ? (type as DomainEventType) : null;
}

/**
 * Thin DomainEvent for a callout; null for a type we do not publish (accepted, not forwarded). Id, type and
 * topics are what polling gives for the same change (audit-mapping.ts, detector.ts): a creation is named
 * after the new node, any other change after its audit entry.
 */
export function calloutToDomainEvent(webhookId: string, callout: XecmCallout): DomainEvent | null {
  const type = domainType(callout.type);
  if (!type) return null;
  const d = callout.data;
  const isWorkspaceEvent = type.startsWith('workspace.');
  const nodeId = d.nodeId ?? (isWorkspaceEvent ? (d.workspaceId ?? undefined) : undefined);
  if (nodeId === undefined) return null;
  const insideWorkspace = !isWorkspaceEvent && d.workspaceId != null && d.workspaceId !== nodeId;
  // Live streams check a document's visibility per user; an item inside a workspace must therefore never be
  // published as the workspace's own event. An item of unknown type is taken for a document (its event then
  // reaches only users who can see that id as a document); a folder or other node has no topic: dropped.
  if (
    insideWorkspace &&
    d.nodeType !== undefined &&
    d.nodeType !== DOCUMENT_NODE_TYPE &&
    !type.startsWith('document.')
  )
    return null;
  const isDocument =
    !isWorkspaceEvent &&
    (type.startsWith('document.') || d.nodeType === DOCUMENT_NODE_TYPE || insideWorkspace);
  const workspaceId = isWorkspaceEvent ? nodeId : (d.workspaceId ?? undefined);
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
  const id = CREATIONS.includes(type)
    ? createdEventId(nodeId)
    : d.auditId !== undefined
      ? auditEventId(d.auditId)
      : webhookId;
  return {
    id,
    type,
    occurredAt: callout.timestamp,
    ...(workspaceId ? { workspaceId } : {}),
    ...(isDocument ? { documentId: nodeId } : {}),
    data,
  };
}
