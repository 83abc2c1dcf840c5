// The BFF's routes as /openapi.json lists them, each with one valid request (ids of seeded objects, the
// right credential, a valid body) that the boundary tests then break one piece at a time.
import assert from 'node:assert/strict';
import {
  assertNoLeak,
  assertWellFormed,
  readAnswer,
  type Answer,
  type Expectation,
} from './boundary-checks.js';
import type { BoundaryStack } from './boundary-stack.js';

export type Security = 'user' | 'admin' | 'xecm-hook' | 'lob-hook' | 'masterdata' | 'none';

export interface Operation {
  method: string;
  /** OpenAPI template, e.g. `/v1/workspaces/{id}/documents`. */
  template: string;
  documented: Set<number>;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  bodyType?: 'application/json' | 'multipart/form-data';
  security: Security;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
  security?: Record<string, unknown>[];
}

export async function operations(s: BoundaryStack): Promise<Operation[]> {
  const res = await fetch(`${s.bff.url}/openapi.json`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? [];
      const scheme = op.security === undefined ? 'bearer' : Object.keys(op.security[0] ?? {})[0];
      const security: Security =
        scheme === 'bearer'
          ? 'user'
          : scheme === 'adminToken'
            ? 'admin'
            : scheme === 'masterDataToken'
              ? 'masterdata'
              : scheme === 'webhookSignature'
                ? template === '/hooks/xecm'
                  ? 'xecm-hook'
                  : 'lob-hook'
                : 'none';
      const content = Object.keys(op.requestBody?.content ?? {});
      out.push({
        method: method.toUpperCase(),
        template,
        documented: new Set(Object.keys(op.responses).map(Number)),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        headerParams: params.filter((p) => p.in === 'header').map((p) => p.name),
        ...(content.includes('multipart/form-data')
          ? { bodyType: 'multipart/form-data' as const }
          : content.includes('application/json')
            ? { bodyType: 'application/json' as const }
            : {}),
        security,
      });
    }
  }
  return out;
}

/** Valid values for the seeded emulator (WELL_KNOWN ids) and the stack's LOB system. */
export interface ValidValues {
  portalLink: Record<string, string>;
}

/** A signed content link of a public, approved document (what the portal listing hands out). */
export async function loadValidValues(s: BoundaryStack): Promise<ValidValues> {
  const listing = await fetch(`${s.bff.url}/portal/v1/workspaces/10100/documents`);
  const { items } = (await listing.json()) as { items: { openUrl: string }[] };
  return { portalLink: Object.fromEntries(new URL(items[0]!.openUrl, s.bff.url).searchParams) };
}

export function validPath(op: Operation, overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    id: op.template.startsWith('/v1/subscriptions')
      ? 'sub_unknown'
      : op.template.includes('/documents/') || op.template.includes('/content/')
        ? '10110'
        : '10100',
    system: op.template.startsWith('/hooks/lob') ? 'crm' : 'legacy',
    boType: 'widget',
    boId: 'W-1',
    ...overrides,
  };
  return op.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}

export function validQuery(op: Operation, v: ValidValues): Record<string, string> {
  const byRoute: Record<string, Record<string, string>> = {
    '/v1/workspaces/lookup': { system: 'crm', type: 'account', id: 'A-1001' },
    '/v1/reviews/options': { kind: 'workspace', id: '10100' },
    '/v1/events': { topics: 'workspace:10100' },
    '/portal/v1/content/{id}': v.portalLink,
    '/v1/audit': { format: 'ndjson', limit: '5', from: '2026-01-01', workspaceId: '10100' },
    '/v1/subscriptions/{id}/deliveries': { state: 'pending' },
    '/masterdata/v1/{system}/{boType}': { q: 'W' },
  };
  const generic: Record<string, string> = {
    page: '1',
    pageSize: '5',
    sort: 'name',
    q: 'a',
    type: 'application/',
    download: '1',
  };
  const out: Record<string, string> = {};
  for (const name of op.queryParams) {
    const value = byRoute[op.template]?.[name] ?? generic[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

let fresh = 0;

/**
 * A valid JSON body per route (the emulator's seed and the stack's configuration). Provisioning gets a new
 * business object each time, so every hostile name reaches xECM's create call instead of "already exists".
 */
export function validBody(op: Operation): unknown {
  switch (`${op.method} ${op.template}`) {
    case 'POST /dev/token':
      return { user: 'max.sales' };
    case 'POST /v1/workspaces/lookup:batch':
      return { items: [{ system: 'crm', type: 'account', id: 'A-1001' }, { workspaceId: '10100' }] };
    case 'POST /v1/workspaces':
      return {
        businessObject: { system: 'crm', type: 'account', id: `A-F${++fresh}` },
        name: 'Hooli',
        metadata: { region: 'EMEA' },
      };
    case 'POST /v1/reviews':
      return { target: { kind: 'document', id: '10113' }, workflow: 'compliance-review', comment: 'fuzz' };
    // Never a routable public address: registering one would make the relay send traffic off the loopback.
    case 'POST /v1/subscriptions':
      return { url: 'http://127.0.0.1:9/hook', eventTypes: ['document.approved'] };
    case 'POST /hooks/xecm':
      return {
        type: 'document.approved',
        timestamp: new Date().toISOString(),
        data: { nodeId: 10110, workspaceId: 10100, approvalStatus: 'Approved' },
      };
    case 'POST /hooks/lob/{system}':
      return { type: 'deal.updated', data: { dealId: 'D-1', accountId: 'A-1001', amount: 10 } };
    default:
      return undefined;
  }
}

export interface Request {
  path: string;
  query?: Record<string, string> | [string, string][];
  headers?: Record<string, string>;
  body?: BodyInit;
  /** Skip the credential the route's security scheme needs. */
  anonymous?: boolean;
}

/**
 * The valid request of `op` (path, query, CSRF header, JSON body) with `change` applied; headers merge.
 * The route's credential is added by {@link send}.
 */
export function validRequest(op: Operation, values: ValidValues, change: Partial<Request> = {}): Request {
  const body = op.bodyType === 'application/json' ? JSON.stringify(validBody(op)) : undefined;
  return {
    path: validPath(op),
    query: validQuery(op, values),
    ...(body === undefined ? {} : { body }),
    ...change,
    headers: {
      'x-requested-with': 'xecm-elements',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...change.headers,
    },
  };
}

/** The credential headers for a route; signed hooks sign the exact body sent. */
export async function credentials(
  s: BoundaryStack,
  op: Operation,
  body: BodyInit | undefined,
): Promise<Record<string, string>> {
  switch (op.security) {
    case 'user':
      return { authorization: `Bearer ${await s.tokenFor('max.sales')}` };
    case 'admin':
      return { authorization: `Bearer ${s.secrets.adminToken}` };
    case 'masterdata':
      return { authorization: `Bearer ${s.secrets.masterData}` };
    case 'xecm-hook':
      return s.signed(s.secrets.xecmHook, typeof body === 'string' ? body : '');
    case 'lob-hook':
      return s.signed(s.secrets.lobHook, typeof body === 'string' ? body : '');
    case 'none':
      return {};
  }
}

/** Sends one request to the BFF with a foreign Origin, reads the answer and checks what must always hold. */
export async function send(
  s: BoundaryStack,
  op: Operation,
  req: Request,
  expect: Partial<Expectation> & { label: string },
): Promise<Answer> {
  const query = new URLSearchParams(req.query ?? []).toString();
  const url = `${s.bff.url}${req.path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = {
    origin: 'https://evil.example',
    ...(req.anonymous ? {} : await credentials(s, op, req.body)),
    ...req.headers,
  };
  const res = await fetch(url, {
    method: op.method,
    headers,
    redirect: 'manual',
    ...(req.body === undefined ? {} : { body: req.body }),
  });
  const answer = await readAnswer(`${op.method} ${op.template} ${JSON.stringify(expect.label)}`, res);
  assertWellFormed(answer, { documented: op.documented, ...expect });
  assertNoLeak(answer, s.leakNeedles(), {
    origins: [s.emulator.url, s.lob.url],
    deepLinkBase: `${s.emulator.url}/app/nodes/`,
  });
  // Only the portal is readable by any page (public data, never credentials); nothing else answers a foreign origin.
  const allowOrigin = res.headers.get('access-control-allow-origin');
  if (op.template.startsWith('/portal/')) assert.ok(allowOrigin === null || allowOrigin === '*');
  else assert.equal(allowOrigin, null, `${answer.label}: CORS allowed a foreign origin`);
  assert.equal(res.headers.get('access-control-allow-credentials'), null, `${answer.label}: credentials`);
  return answer;
}

/**
 * Runs `tasks` a few at a time (the machine is small) and fails once with every failure listed, so one run
 * shows all broken boundaries instead of the first.
 */
export async function pool(tasks: (() => Promise<unknown>)[], width = 6): Promise<void> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        await task().catch((error: unknown) =>
          failures.push(error instanceof Error ? error.message.split('\n')[0]! : String(error)),
        );
      }
    }),
  );
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${tasks.length} cases failed`);
}
