// Audit trail per node (notes N14): seeded history is derived from the seed, later changes are recorded.
import { Hono } from 'hono';
import { invalidParameter } from '../http/cs-error.js';
import { pageRequest, paginate } from '../http/paging.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { AUDIT_EVENTS, AUDIT_EVENT_LIST } from '../state/audit-events.js';
import type { AuditEntry, NodeRecord } from '../state/types.js';
import { SEED_EPOCH } from '../seed/seed.js';
import { visibleNode } from '../services/node-access.js';
import { csDate } from '../present/format.js';

/** Seeded nodes carry a history without storing 30,000 entries: derived here with stable ids. */
function seededHistory(node: NodeRecord): AuditEntry[] {
  const out: AuditEntry[] = [];
  if (node.createDate <= SEED_EPOCH) {
    out.push({
      id: node.id * 10,
      nodeId: node.id,
      eventType: AUDIT_EVENTS.create.id,
      date: node.createDate,
      userId: node.createUserId,
      detail: '',
    });
  }
  for (const v of node.versions) {
    if (v.number > 1 && v.createDate <= SEED_EPOCH && v.number < 10) {
      out.push({
        id: node.id * 10 + v.number,
        nodeId: node.id,
        eventType: AUDIT_EVENTS.addVersion.id,
        date: v.createDate,
        userId: v.ownerId,
        detail: `version ${v.number}`,
      });
    }
  }
  return out;
}

function dateParam(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw invalidParameter(name);
  return ms;
}

export function auditRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.get('/api/v2/nodes/:id/audit', (c) => {
    const node = visibleNode(rt, c);
    const q = (name: string) => c.req.query(name);
    const start = dateParam(q('where_audit_date_start'), 'where_audit_date_start');
    const end = dateParam(q('where_audit_date_end'), 'where_audit_date_end');
    const type = q('where_type');
    const userId = q('where_user_id');
    const sort = q('sort') ?? 'desc_audit_date';
    if (sort !== 'desc_audit_date' && sort !== 'asc_audit_date') throw invalidParameter('sort');
    const entries = [...seededHistory(node), ...rt.state.audit.filter((e) => e.nodeId === node.id)]
      .filter(
        (e) =>
          (start === undefined || e.date >= start) &&
          (end === undefined || e.date <= end) &&
          (type === undefined || String(e.eventType) === type) &&
          (userId === undefined || String(e.userId) === userId),
      )
      .sort((a, b) => (sort === 'asc_audit_date' ? 1 : -1) * (a.date - b.date || a.id - b.id));
    const { items, paging } = paginate(entries, pageRequest(q, 25));
    return c.json({
      links: {},
      collection: { paging },
      results: {
        data: {
          audit: items.map((e) => ({
            id: e.id,
            event_type: e.eventType,
            audit_name: AUDIT_EVENT_LIST.find((t) => t.id === e.eventType)?.name ?? '',
            audit_date: csDate(e.date),
            user_id: e.userId,
            node_id: e.nodeId,
            value: e.detail,
          })),
          audit_event_types: AUDIT_EVENT_LIST.map((t) => ({ id: t.id, name: t.name })),
        },
      },
    });
  });
  return app;
}
