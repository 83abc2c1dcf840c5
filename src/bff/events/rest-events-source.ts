import * as z from 'zod';
import type { ApprovalState } from '../../contract/index.js';
import { DEFAULT_APPROVAL_VALUES } from '../config.js';
import { approvalState } from '../xecm/map.js';
import { toProblem } from '../xecm/upstream-error.js';
import type {
  XecmAuditEntry,
  XecmCreatedNode,
  XecmEventsSource,
  XecmNodeState,
} from './xecm-events-source.js';

const DOCUMENT_NODE_TYPE = 144;
const WORKSPACE_NODE_TYPE = 848;
/** Search page size and the most pages read per call: at most 500 new nodes per workspace per round. */
const NEW_NODES_PAGE = 100;
const NEW_NODES_MAX_PAGES = 5;

/** Where xECM keeps the approval and how its values read (the BFF config's `approval` section). */
export interface ApprovalAttribute {
  categoryId: number;
  /** `<categoryId>_<attributeId>`. */
  attributeKey: string;
  values: Record<string, ApprovalState>;
}

/** The defaults of the BFF config (the emulator's "Document Control" category 9001). */
export const DEFAULT_APPROVAL_ATTRIBUTE: ApprovalAttribute = {
  categoryId: 9001,
  attributeKey: '9001_2',
  values: DEFAULT_APPROVAL_VALUES,
};

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
const WorkspaceOfAnswer = z.object({ id: z.number().int() });
const SearchAnswer = z.object({
  results: z.array(
    z.object({
      data: z.object({ properties: z.object({ id: z.number().int(), create_date: z.string() }) }),
    }),
  ),
});

/** Content Server dates may come without an offset (server local time, UTC in practice). */
const withOffset = (date: string): string => (/[zZ]|[+-]\d\d:\d\d$/.test(date) ? date : `${date}Z`);

/** GET of a path under `<xecm>/api` (e.g. `/v2/nodes/1/audit`): parsed JSON, or null for a missing node. */
export type XecmGet = (path: string, query: Record<string, string>) => Promise<unknown>;

const UpstreamErrorBody = z.object({ error: z.string() });

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
    if (!res.ok) {
      // Content Server says "Could not get a node" with 400 (or 500) rather than 404: gone all the same.
      const body = UpstreamErrorBody.safeParse(await res.json().catch(() => undefined));
      const error = body.success ? body.data.error : '';
      if (toProblem({ kind: 'status', status: res.status, error }).status === 404) return null;
      throw new Error(`xECM answered ${res.status} for an event read`);
    }
    return res.json();
  };
}

/** XecmEventsSource over Content Server REST (audit trail, node properties, the approval category). */
export class RestEventsSource implements XecmEventsSource {
  constructor(
    private readonly get: XecmGet,
    private readonly approval: ApprovalAttribute = DEFAULT_APPROVAL_ATTRIBUTE,
  ) {}

  async audit(nodeId: string, since: string | null): Promise<XecmAuditEntry[]> {
    const q: Record<string, string> =
      since === null ? { sort: 'desc_audit_date', limit: '1' } : { sort: 'asc_audit_date', limit: '200' };
    if (since !== null) q['where_audit_date_start'] = since;
    const body = AuditAnswer.parse(await this.get(`/v2/nodes/${encodeURIComponent(nodeId)}/audit`, q));
    return body.results.data.audit.map((e) => ({
      id: e.id,
      eventType: e.event_type,
      date: withOffset(e.audit_date),
    }));
  }

  async nodeState(nodeId: string): Promise<XecmNodeState> {
    const id = encodeURIComponent(nodeId);
    const node = NodeAnswer.parse(await this.get(`/v2/nodes/${id}`, {}));
    const cat = await this.get(`/v2/nodes/${id}/categories/${this.approval.categoryId}`, {});
    const value =
      cat === null
        ? undefined
        : CategoryAnswer.parse(cat).results.data.categories[this.approval.attributeKey];
    const approvalStatus = typeof value === 'string' && value !== '' ? value : null;
    const type = node.results.data.properties.type;
    let workspaceId: string | null = type === WORKSPACE_NODE_TYPE ? nodeId : null;
    if (type === DOCUMENT_NODE_TYPE) {
      const ws = await this.get(`/v1/nodes/${id}/businessworkspace`, {});
      workspaceId = ws === null ? null : String(WorkspaceOfAnswer.parse(ws).id);
    }
    return {
      isDocument: type === DOCUMENT_NODE_TYPE,
      approvalStatus,
      approval: approvalState(approvalStatus, this.approval.values),
      workspaceId,
    };
  }

  newDocuments(workspaceId: string, since: string | null): Promise<XecmCreatedNode[]> {
    return this.#created({ location_id1: workspaceId, where: `OTSubType:${DOCUMENT_NODE_TYPE}` }, since);
  }

  newWorkspaces(since: string | null): Promise<XecmCreatedNode[]> {
    return this.#created({ where: `OTSubType:${WORKSPACE_NODE_TYPE}` }, since);
  }

  /** Newest first through search, until a node older than `since`; answered oldest first. */
  async #created(filter: Record<string, string>, since: string | null): Promise<XecmCreatedNode[]> {
    const sinceMs = since === null ? null : Date.parse(since);
    const found: XecmCreatedNode[] = [];
    for (let page = 1; page <= NEW_NODES_MAX_PAGES; page++) {
      const raw = await this.get('/v2/search', {
        ...filter,
        sort: 'desc_OTCreateDate',
        limit: String(sinceMs === null ? 1 : NEW_NODES_PAGE),
        page: String(page),
      });
      if (raw === null) break;
      const rows = SearchAnswer.parse(raw).results.map((r) => ({
        id: String(r.data.properties.id),
        date: withOffset(r.data.properties.create_date),
      }));
      const fresh = sinceMs === null ? rows : rows.filter((r) => Date.parse(r.date) >= sinceMs);
      found.push(...fresh);
      if (sinceMs === null || fresh.length < rows.length || rows.length < NEW_NODES_PAGE) break;
    }
    // Equal dates come newest id first from a descending sort; ids grow with creation, so sort both keys.
    return found.sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || Number(a.id) - Number(b.id));
  }
}
