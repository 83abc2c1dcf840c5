import * as z from 'zod';
import type { XecmAuditEntry, XecmEventsSource, XecmNodeState } from './xecm-events-source.js';

const DOCUMENT_NODE_TYPE = 144;
const DOCUMENT_CONTROL = { id: 9001, approvalStatus: '9001_2' } as const;

const AuditAnswer = z.object({
  results: z.object({
    data: z.object({
      audit: z.array(
        z.object({ id: z.number().int(), event_type: z.number().int(), audit_date: z.string() }),
      ),
    }),
  }),
});
const NodeAnswer = z.object({
  results: z.object({ data: z.object({ properties: z.object({ type: z.number().int() }) }) }),
});
const CategoryAnswer = z.object({
  results: z.object({ data: z.object({ categories: z.record(z.string(), z.unknown()) }) }),
});

/** GET of a path under `<xecm>/api` (e.g. `/v2/nodes/1/audit`): parsed JSON, or null for a 404. */
export type XecmGet = (path: string, query: Record<string, string>) => Promise<unknown>;

export interface TicketGetOptions {
  baseUrl: string;
  /** OTCSTicket of a user allowed to read the audit trail of watched nodes. */
  ticket: () => Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** An XecmGet with a ticket of its own (tests against the emulator, or deployments without the core client). */
export function ticketGet(options: TicketGetOptions): XecmGet {
  return async (path, query) => {
    const url = new URL(`/api${path}`, options.baseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await (options.fetch ?? fetch)(url, {
      headers: { OTCSTicket: await options.ticket() },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`xECM answered ${res.status} for an event read`);
    }
    return res.json();
  };
}

/** XecmEventsSource over Content Server REST (audit trail, node properties, Document Control category). */
export class RestEventsSource implements XecmEventsSource {
  constructor(private readonly get: XecmGet) {}

  async audit(nodeId: string, since: string | null): Promise<XecmAuditEntry[]> {
    const q: Record<string, string> =
      since === null ? { sort: 'desc_audit_date', limit: '1' } : { sort: 'asc_audit_date', limit: '200' };
    if (since !== null) q['where_audit_date_start'] = since;
    const body = AuditAnswer.parse(await this.get(`/v2/nodes/${encodeURIComponent(nodeId)}/audit`, q));
    return body.results.data.audit.map((e) => ({
      id: e.id,
      eventType: e.event_type,
      date: /[zZ]|[+-]\d\d:\d\d$/.test(e.audit_date) ? e.audit_date : `${e.audit_date}Z`,
    }));
  }

  async nodeState(nodeId: string): Promise<XecmNodeState> {
    const id = encodeURIComponent(nodeId);
    const node = NodeAnswer.parse(await this.get(`/v2/nodes/${id}`, {}));
    const cat = await this.get(`/v2/nodes/${id}/categories/${DOCUMENT_CONTROL.id}`, {});
    const value =
      cat === null
        ? undefined
        : CategoryAnswer.parse(cat).results.data.categories[DOCUMENT_CONTROL.approvalStatus];
    return {
      isDocument: node.results.data.properties.type === DOCUMENT_NODE_TYPE,
      approvalStatus: typeof value === 'string' && value !== '' ? value : null,
    };
  }
}
