// Optional outbound callouts, signed per Standard Webhooks (HMAC-SHA256 over `id.timestamp.body`), as a
// workflow step or event action would send them in a real deployment. The webhook id derives from the
// audit entry, so a consumer that also polls the audit trail can deduplicate.
import { createHmac } from 'node:crypto';
import type { CalloutOptions } from '../options.js';

export interface CalloutRecord {
  readonly id: string;
  readonly type: string;
  readonly timestamp: string;
  readonly data: Record<string, unknown>;
  status?: number;
  error?: string;
  attempts: number;
}

function signingKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
}

export function signPayload(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', signingKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

const MAX_RECORDS = 1000;

export class CalloutLog {
  records: CalloutRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly config: CalloutOptions | undefined) {}

  get enabled(): boolean {
    return this.config !== undefined;
  }

  /** Queues a callout; delivery runs in the background and never fails the request that caused it. */
  emit(id: string, type: string, eventTime: number, data: Record<string, unknown>): void {
    const config = this.config;
    if (!config) return;
    const record: CalloutRecord = {
      id,
      type,
      timestamp: new Date(eventTime).toISOString(),
      data,
      attempts: 0,
    };
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.shift();
    const delivery = this.deliver(config, record).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  /** Resolves when every queued callout has been delivered or given up. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  clear(): void {
    this.records = [];
  }

  private async deliver(config: CalloutOptions, record: CalloutRecord): Promise<void> {
    const body = JSON.stringify({ type: record.type, timestamp: record.timestamp, data: record.data });
    for (let attempt = 1; attempt <= 3; attempt++) {
      record.attempts = attempt;
      // Receivers check the timestamp against their own clock, so it is real time, not the emulator clock.
      const ts = Math.floor(Date.now() / 1000);
      try {
        const response = await fetch(config.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(5000),
          headers: {
            'content-type': 'application/json',
            'webhook-id': record.id,
            'webhook-timestamp': String(ts),
            'webhook-signature': signPayload(config.secret, record.id, ts, body),
          },
          body,
        });
        await response.body?.cancel();
        record.status = response.status;
        delete record.error;
        if (response.status < 500 && response.status !== 429) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
