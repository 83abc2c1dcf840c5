import type { MiddlewareHandler } from 'hono';
import { ProblemError } from './problem.js';

export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_VALUE = 'xecm-elements';

export type BodyKind = 'json' | 'multipart';

/**
 * Guard for state-changing routes. A custom header cannot be sent cross-site without a CORS preflight,
 * and requiring a JSON or multipart body rules out the "simple" form posts a hostile page could make.
 */
export function stateChanging(kind: BodyKind, allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async function stateChanging(c, next) {
    if (c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
      throw new ProblemError(403, 'csrf-header-missing', {
        detail: `State-changing requests must carry the header ${CSRF_HEADER}: ${CSRF_VALUE}.`,
      });
    }
    const origin = c.req.header('origin');
    if (c.req.header('sec-fetch-site') === 'cross-site' && (origin === undefined || !allowed.has(origin))) {
      throw new ProblemError(403, 'forbidden', {
        detail: 'Cross-site request from an origin that is not allowed.',
      });
    }
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const expected = kind === 'json' ? 'application/json' : 'multipart/form-data';
    if (type !== expected) {
      throw new ProblemError(415, 'unsupported-media-type', {
        detail: `The request body must be ${expected}.`,
      });
    }
    await next();
  };
}
