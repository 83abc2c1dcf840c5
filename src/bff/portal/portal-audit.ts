import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { ProblemError } from '../http/problem.js';
import type { Store } from '../store/store.js';

/** What happened, as `<action>:<outcome>` in the audit row's `result`. */
export const AUDIT_RESULTS = [
  'list:ok',
  'list:not-found',
  'list:invalid',
  'document:ok',
  'document:not-found',
  'document:invalid',
  'download:ok',
  'download:not-modified',
  'download:not-found',
  'download:expired',
  'download:invalid',
] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  result: AuditResult;
  workspaceId?: string | null;
  documentId?: string | null;
  version?: number | null;
}

/** The origin a request came from: `Origin`, else the origin of `Referer`; only http(s) origins count. */
export function referringOrigin(origin: string | undefined, referer: string | undefined): string | null {
  for (const candidate of [origin, referer]) {
    if (!candidate || candidate === 'null') continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin.slice(0, 200);
    } catch {
      // not a URL: try the next header
    }
  }
  return null;
}

/**
 * Writes the portal's audit trail. Clients are stored as an HMAC of their address (keyed with a secret
 * derived from the portal secret): rows of one client correlate, but the address cannot be read back or
 * brute-forced from the table alone.
 */
export class PortalAudit {
  readonly #key: Buffer;

  constructor(
    private readonly store: Store,
    secret: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.#key = createHmac('sha256', secret).update('portal-audit-client/v1').digest();
  }

  clientHash(address: string): string {
    return createHmac('sha256', this.#key).update(address).digest('hex').slice(0, 32);
  }

  record(client: string, origin: string | null, entry: AuditEntry): void {
    try {
      this.store.addAudit({
        at: this.now(),
        clientHash: this.clientHash(client),
        origin,
        result: entry.result,
        workspaceId: entry.workspaceId ?? null,
        documentId: entry.documentId ?? null,
        version: entry.version ?? null,
      });
    } catch (error) {
      // Fail closed: nothing leaves the portal unrecorded.
      this.logger.error({ err: error, result: entry.result }, 'portal audit row could not be written');
      throw new ProblemError(503, 'store-unavailable', {}, { 'Retry-After': '5' });
    }
  }
}
