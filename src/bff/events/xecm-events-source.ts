import type { ApprovalState } from '../../contract/index.js';

/** One entry of a node's audit trail (`GET /api/v2/nodes/{id}/audit`). */
export interface XecmAuditEntry {
  id: number;
  eventType: number;
  /** ISO 8601 with offset. */
  date: string;
}

/** What the detector needs to know about a node to name its change. */
export interface XecmNodeState {
  isDocument: boolean;
  /** The approval attribute's value as xECM stores it (e.g. `Approved`), passed on in event data. */
  approvalStatus: string | null;
  /** That value read through the configured mapping (`approval.values`). */
  approval: ApprovalState;
  /** The business workspace the node is in (itself for a workspace); null when none. */
  workspaceId: string | null;
}

/** A node found by its creation date. */
export interface XecmCreatedNode {
  id: string;
  /** Creation date, ISO 8601 with offset. */
  date: string;
}

/** The few xECM reads the change detector depends on; the BFF core's client can implement it. */
export interface XecmEventsSource {
  /** Entries at or after `since` (ISO), oldest first; `since` null = only the newest one. */
  audit(nodeId: string, since: string | null): Promise<XecmAuditEntry[]>;
  nodeState(nodeId: string): Promise<XecmNodeState>;
  /**
   * Documents anywhere inside a workspace created at or after `since`, oldest first (at most a few hundred
   * per call: the newest ones); `since` null = only the newest one. Empty when the workspace is gone.
   */
  newDocuments(workspaceId: string, since: string | null): Promise<XecmCreatedNode[]>;
  /** Business workspaces created at or after `since`, same rules as `newDocuments`. */
  newWorkspaces(since: string | null): Promise<XecmCreatedNode[]>;
}

/** Content Server audit event types (as listed in `audit_event_types`). */
export const XECM_AUDIT_TYPES = {
  create: 1,
  update: 2,
  addVersion: 3,
  categoryChange: 4,
  workflowInitiated: 5,
  workflowStep: 6,
  workflowCompleted: 7,
} as const;
