import type { DomainEvent, Topic } from '../../contract/index.js';
import { auditEventId, createdEventId } from './xecm-event-id.js';
import { XECM_AUDIT_TYPES, type XecmAuditEntry, type XecmNodeState } from './xecm-events-source.js';

/**
 * The DomainEvent for one audit entry of the topic's node, named from the node's state; null for changes we
 * do not publish. Ids, types and topics match what a callout of the same change gives (callout-mapping.ts).
 */
export function auditToDomainEvent(
  topic: Topic,
  entry: XecmAuditEntry,
  state: XecmNodeState,
): DomainEvent | null {
  const nodeId = topic.slice(topic.indexOf(':') + 1);
  const workspaceId = state.isDocument ? state.workspaceId : nodeId;
  const base = {
    id: auditEventId(entry.id),
    occurredAt: entry.date,
    ...(workspaceId ? { workspaceId } : {}),
    ...(state.isDocument ? { documentId: nodeId } : {}),
  };
  const approval = state.approvalStatus;
  switch (entry.eventType) {
    case XECM_AUDIT_TYPES.create:
      return state.isDocument
        ? { ...base, id: createdEventId(nodeId), type: 'document.added', data: {} }
        : { ...base, id: createdEventId(nodeId), type: 'workspace.created', data: {} };
    case XECM_AUDIT_TYPES.addVersion:
      return state.isDocument ? { ...base, type: 'document.revised', data: {} } : null;
    case XECM_AUDIT_TYPES.categoryChange:
      // Only a decision is announced (the callout does the same): the current value names it.
      if (state.isDocument && (approval === 'Approved' || approval === 'Rejected')) {
        return {
          ...base,
          type: approval === 'Approved' ? 'document.approved' : 'document.rejected',
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
