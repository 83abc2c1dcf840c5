import { newMessageId, signedHeaders } from './webhook-signature.js';

export interface LobEventRecord {
  id: string;
  system: string;
  type: string;
  data: Record<string, unknown>;
  sentAt: string;
  /** HTTP status from the BFF, or undefined when it could not be reached. */
  status?: number;
  error?: string;
}

export interface LobEventsOptions {
  /** BFF origin; events go to `{bffUrl}/hooks/lob/{system}`. Unset: events are recorded, not sent. */
  bffUrl?: string;
  /** `whsec_…` secret shared with the BFF's `/hooks/lob` verification. */
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Sends the LOB's business events to the BFF as Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), payload `{type, timestamp, data}`. Keeps the last 50 for the demo's event log.
 */
export class LobEvents {
  readonly recent: LobEventRecord[] = [];

  constructor(private readonly options: LobEventsOptions) {}

  async emit(system: string, type: string, data: Record<string, unknown>): Promise<LobEventRecord> {
    const record: LobEventRecord = {
      id: newMessageId(),
      system,
      type,
      data,
      sentAt: new Date().toISOString(),
    };
    this.recent.unshift(record);
    this.recent.length = Math.min(this.recent.length, 50);
    if (!this.options.bffUrl) {
      record.error = 'no BFF configured';
      return record;
    }
    const body = JSON.stringify({ type, timestamp: record.sentAt, data });
    try {
      const res = await (this.options.fetch ?? fetch)(
        `${this.options.bffUrl}/hooks/lob/${encodeURIComponent(system)}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signedHeaders(this.options.secret, body, record.id),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        },
      );
      record.status = res.status;
      await res.body?.cancel();
      if (!res.ok) record.error = `BFF answered ${res.status}`;
    } catch (err) {
      record.error = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'BFF unreachable';
    }
    return record;
  }
}
