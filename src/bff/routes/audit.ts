import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod';
import type { BffEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { parseInput } from '../http/validate.js';
import type { AuditRow, Store } from '../store/store.js';

export interface AuditRouteOptions {
  store: Store;
  /** The admin bearer credential (`BFF_ADMIN_TOKEN`). */
  adminToken: string;
}

/** ISO 8601 date-time (or date) or epoch milliseconds. */
const instant = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date-time or epoch milliseconds' });
      return z.NEVER;
    }
    return ms;
  });
const id = z.string().regex(/^[0-9]{1,12}$/, 'must be 1 to 12 digits');

export const AuditExportQuery = z.strictObject({
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
  from: instant.optional(),
  to: instant.optional(),
  workspaceId: id.optional(),
  documentId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

const CSV_COLUMNS = ['at', 'workspaceId', 'documentId', 'version', 'clientHash', 'origin', 'result'] as const;

function exported(row: AuditRow): Record<(typeof CSV_COLUMNS)[number], string | number | null> {
  return {
    at: new Date(row.at).toISOString(),
    workspaceId: row.workspaceId,
    documentId: row.documentId,
    version: row.version,
    clientHash: row.clientHash,
    origin: row.origin,
    result: row.result,
  };
}

/** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `GET /v1/audit`: the portal audit trail as NDJSON or CSV, for holders of the admin credential. */
export function auditRoutes(options: AuditRouteOptions): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  const expected = sha256(options.adminToken);

  app.get('/', (c) => {
    const match = /^Bearer (\S{1,512})$/.exec(c.req.header('authorization') ?? '');
    // Hashing first makes the comparison constant-time whatever the length sent.
    if (!match || !timingSafeEqual(sha256(match[1]!), expected)) {
      throw new ProblemError(
        401,
        'unauthenticated',
        { detail: 'Send Authorization: Bearer <admin token>.' },
        { 'WWW-Authenticate': 'Bearer realm="xecm-bff-admin"' },
      );
    }
    const query = parseInput(AuditExportQuery, c.req.query(), 'query');
    const rows = options.store
      .queryAudit({
        from: query.from,
        to: query.to,
        workspaceId: query.workspaceId,
        documentId: query.documentId,
        limit: query.limit,
      })
      .map(exported);
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (query.format === 'csv') {
      const lines = [
        CSV_COLUMNS.join(','),
        ...rows.map((r) => CSV_COLUMNS.map((k) => csvCell(r[k])).join(',')),
      ];
      headers['Content-Type'] = 'text/csv; charset=utf-8';
      headers['Content-Disposition'] = 'attachment; filename="portal-audit.csv"';
      return new Response(lines.map((l) => `${l}\r\n`).join(''), { headers });
    }
    headers['Content-Type'] = 'application/x-ndjson';
    return new Response(rows.map((r) => `${JSON.stringify(r)}\n`).join(''), { headers });
  });

  return app;
}
