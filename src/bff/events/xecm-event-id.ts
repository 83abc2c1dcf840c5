/**
 * One change in xECM has one audit entry; both the callout (webhook id `msg_<auditId>`, `data.auditId`) and
 * the detector (audit trail polling) derive the event id from it, so the inbox dedupes the two paths.
 */
export function auditEventId(auditId: number | string): string {
  return `xecm-audit-${auditId}`;
}

/**
 * A node is created once and its id is never reused, so a creation (`document.added`, `workspace.created`)
 * is named after the new node: the audit trail poller, the new-node poller (which sees no audit entry) and a
 * callout (which may not carry one) all agree.
 */
export function createdEventId(nodeId: number | string): string {
  return `xecm-created-${nodeId}`;
}
