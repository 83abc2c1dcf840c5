import { Webhook } from 'standardwebhooks';

const TYPES = ['document.revised', 'document.approved', 'workspace.updated', 'document.added'] as const;
/** Node ids of the synthetic events: one per logical event, so a delivery names its event by its node. */
const NODE_BASE = 600_000;
const AUDIT_BASE = 900_000_000;

/** One logical xECM change, sent as a signed callout (possibly several times). */
export interface LogicalEvent {
  n: number;
  nodeId: string;
  /** `webhook-id` of the callout; every resend reuses it, as a sender's retry does. */
  calloutId: string;
  body: string;
  sends: number;
  /** The BFF answered 2xx to at least one send: it promised to deliver the event. */
  acknowledged: boolean;
}

export type SendOutcome = { status: number } | { error: string };

/** Builds, signs and sends xECM callouts to `POST /hooks/xecm`, keeping a ledger of what was acknowledged. */
export class CalloutProducer {
  readonly events: LogicalEvent[] = [];
  /** Every HTTP answer that was not 204 (a reachable BFF must never refuse a well-signed callout). */
  readonly unexpected: { n: number; status: number }[] = [];
  readonly #signer: Webhook;

  constructor(hookSecret: string) {
    this.#signer = new Webhook(hookSecret);
  }

  /**
   * A new logical event on its own node. Half carry an xECM audit id, half do not, so every way the BFF names
   * an event (audit id, created node, callout webhook id) is exercised; the test does not assume which.
   */
  create(): LogicalEvent {
    const n = this.events.length;
    const type = TYPES[n % TYPES.length]!;
    const nodeId = NODE_BASE + n;
    const withAudit = n % 2 === 0;
    const data: Record<string, unknown> = type.startsWith('workspace.')
      ? { nodeId }
      : { nodeId, nodeType: 144, workspaceId: 10100, version: 2 };
    if (withAudit) data.auditId = AUDIT_BASE + n;
    const calloutId = `msg_crash_${n}`;
    const event: LogicalEvent = {
      n,
      nodeId: String(nodeId),
      calloutId,
      body: JSON.stringify({ type, timestamp: new Date().toISOString(), data }),
      sends: 0,
      acknowledged: false,
    };
    this.events.push(event);
    return event;
  }

  /** Sends (or re-sends) one callout with a fresh timestamp and signature over the same body. */
  async send(baseUrl: string, event: LogicalEvent): Promise<SendOutcome> {
    event.sends++;
    const now = new Date();
    try {
      const res = await fetch(`${baseUrl}/hooks/xecm`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': event.calloutId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': this.#signer.sign(event.calloutId, now, event.body),
        },
        body: event.body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      if (res.status >= 200 && res.status < 300) event.acknowledged = true;
      if (res.status !== 204) this.unexpected.push({ n: event.n, status: res.status });
      return { status: res.status };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The logical event a delivery belongs to, from the node id inside its body. */
  byNodeId(nodeId: string | undefined): LogicalEvent | undefined {
    const n = Number(nodeId) - NODE_BASE;
    return Number.isInteger(n) ? this.events[n] : undefined;
  }
}
