import type { ApprovalState, DomainEvent, Topic } from '../../contract/index.js';
import { auditEventId, createdEventId } from './xecm-event-id.js';
import { XECM_AUDIT_TYPES, type XecmAuditEntry, type XecmNodeState } from './xecm-events-source.js';

/**
 * The DomainEvents for new audit entries of the topic's node (oldest first), named from the node's state now.
 *
 * The audit trail says only that *some* category attribute changed. A decision (`document.approved` /
 * `rejected`) is announced when the approval state differs from `previous` (what the last look saw), once per
 * batch, on the batch's last category change (the one a callout of the decision carries). With `previous`
 * unknown (first look at a topic opened at a known time) a current decision is announced: a repeat costs a
 * refetch, a miss a stale page.
 */
export function auditToDomainEvents(
  topic: Topic,
  entries: readonly XecmAuditEntry[],
  state: XecmNodeState,
  previous: ApprovalState | undefined,
): DomainEvent[] {
  const decided =
    (state.approval === 'approved' || state.approval === 'rejected') && state.approval !== previous;
  const lastCategoryChange = [...entries]
    .reverse()
    .find((e) => e.eventType === XECM_AUDIT_TYPES.categoryChange);
  return entries.flatMap((entry) => {
    if (entry.eventType === XECM_AUDIT_TYPES.categoryChange && (entry !== lastCategoryChange || !decided))
      return [];
    return auditToDomainEvent(topic, entry, state) ?? [];
  });
}

/**
 * The DomainEvent for one audit entry of the topic's node, named from the node's state; null for changes we
 * do not publish. Ids, types and topics match what a callout of the same change gives (callout-mapping.ts).
 * A category change is named from the current approval: callers decide whether it was the decision.
 */
function auditToDomainEvent(topic: Topic, entry: XecmAuditEntry, state: XecmNodeState): DomainEvent | null {
  const nodeId = topic.slice(topic.indexOf(':') + 1);
  const workspaceId = state.isDocument ? state.workspaceId : nodeId;
  const base = {
    id: auditEventId(entry.id),
    occurredAt: entry.date,
    ...(workspaceId ? { workspaceId } : {}),
    ...(state.isDocument ? { documentId: nodeId } : {}),
  };
  const approval = state.approvalStatus;
  const decision = state.approval === 'approved' || state.approval === 'rejected' ? state.approval : null;
  switch (entry.eventType) {
    case XECM_AUDIT_TYPES.create:
      return state.isDocument
        ? { ...base, id: createdEventId(nodeId), type: 'document.added', data: {} }
        : { ...base, id: createdEventId(nodeId), type: 'workspace.created', data: {} };
    case XECM_AUDIT_TYPES.addVersion:
      return state.isDocument ? { ...base, type: 'document.revised', data: {} } : null;
    case XECM_AUDIT_TYPES.categoryChange:
      // Only a decision is announced (the callout does the same): the current value names it.
      if (state.isDocument && decision) {
        return {
          ...base,
          type: decision === 'approved' ? 'document.approved' : 'document.rejected',
          data: { approvalStatus: approval },
        };
      }
      return null;
    case XECM_AUDIT_TYPES.update:
      return state.isDocument ? null : { ...base, type: 'workspace.updated', data: {} };
    case XECM_AUDIT_TYPES.workflowInitiated:
      return { ...base, type: 'review.started', data: {} };
    case XECM_AUDIT_TYPES.workflowStep:
      return { ...base, type: 'review.step-changed', data: {} };
    case XECM_AUDIT_TYPES.workflowCompleted:
      return { ...base, type: 'review.completed', data: approval ? { approvalStatus: approval } : {} };
    default:
      return null;
  }
}
