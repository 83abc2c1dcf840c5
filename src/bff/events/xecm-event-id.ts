/**
 * One change in xECM has one audit entry; both the callout (webhook id `msg_<auditId>`, `data.auditId`) and
 * the detector (audit trail polling) derive the event id from it, so the inbox dedupes the two paths.
 */
export function auditEventId(auditId: number | string): string {
  return `xecm-audit-${auditId}`;
}
