// One place that records a change: audit entry (what pollers see) and, when configured, the signed
// callout carrying the same id (what push consumers see), so both can be deduplicated against each other.
import type { Runtime } from '../runtime.js';
import { CATEGORIES } from '../seed/well-known.js';
import { DOCUMENT_TYPE } from '../state/emulator-state.js';
import type { AuditEntry, NodeRecord } from '../state/types.js';
import { latestVersion } from './documents.js';

export interface ChangeSpec {
  readonly eventType: number;
  readonly userId: number;
  readonly detail?: string;
  /** Callout type, e.g. `document.added`; none when the change is not announced. */
  readonly callout?: string;
  readonly data?: Record<string, unknown>;
}

export function approvalOf(node: NodeRecord): string | null {
  const value = node.categories.get(CATEGORIES.documentControl.id)?.[
    CATEGORIES.documentControl.approvalStatus
  ];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function recordChange(rt: Runtime, node: NodeRecord, spec: ChangeSpec): AuditEntry {
  const now = rt.clock.now();
  const audit = rt.state.addAudit(node.id, spec.eventType, spec.userId, now, spec.detail ?? '');
  if (spec.callout) {
    const ws = rt.state.workspaceOf(node);
    const user = rt.state.userById(spec.userId);
    rt.callouts.emit(`msg_${audit.id}`, spec.callout, now, {
      auditId: audit.id,
      nodeId: node.id,
      nodeType: node.type,
      name: node.name,
      parentId: node.parentId,
      workspaceId: ws?.id ?? null,
      ...(node.type === DOCUMENT_TYPE ? { version: latestVersion(node)?.number ?? null } : {}),
      approvalStatus: approvalOf(node),
      user: user?.name ?? null,
      ...spec.data,
    });
  }
  return audit;
}

/** Callout type for an approval value written on a node, if that value is announced. */
export function approvalCallout(node: NodeRecord, approval: string | null): string | undefined {
  const kind = node.type === DOCUMENT_TYPE ? 'document' : 'workspace';
  if (approval === 'Approved') return `${kind}.approved`;
  if (approval === 'Rejected') return `${kind}.rejected`;
  return undefined;
}
