import type { Context } from 'hono';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem, type ProblemCode } from '../../contract/index.js';

/** Fixed titles: a title never varies by occurrence (RFC 9457); the detail may. */
const TITLES: Record<ProblemCode, string> = {
  'bad-request': 'Bad request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  'csrf-header-missing': 'Missing X-Requested-With header',
  'not-found': 'Not found',
  'workspace-not-found': 'Workspace not found',
  'method-not-allowed': 'Method not allowed',
  conflict: 'Conflict',
  'name-conflict': 'Name already in use',
  'review-running': 'A review is already running',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  'upstream-error': 'Extended ECM answered with an error',
  'upstream-timeout': 'Extended ECM did not answer in time',
  'upstream-unavailable': 'Extended ECM is unavailable',
  'store-unavailable': 'Store unavailable',
  internal: 'Internal error',
};

export type ProblemExtras = Partial<Pick<Problem, 'canCreate' | 'errors' | 'detail'>>;

/** The one error class of the BFF: thrown anywhere, turned into problem+json by `onError`. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly extras: ProblemExtras = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(extras.detail ?? TITLES[code]);
    this.name = 'ProblemError';
  }
}

export function problemBody(
  status: number,
  code: ProblemCode,
  requestId: string,
  extras: ProblemExtras = {},
): Problem {
  return { type: problemType(code), title: TITLES[code], status, code, requestId, ...extras };
}

export function problemResponse(
  c: Context,
  status: number,
  code: ProblemCode,
  extras: ProblemExtras = {},
  headers: Record<string, string> = {},
): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  const body = problemBody(status, code, requestId, extras);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}
