import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.js';

const ALLOW_HEADERS =
  'Authorization, Content-Type, X-Requested-With, Idempotency-Key, Last-Event-ID, X-Request-Id';
const EXPOSE_HEADERS = 'X-Request-Id, Retry-After, Content-Disposition, Content-Length';
const ALLOW_METHODS = 'GET, HEAD, POST, OPTIONS';

/**
 * CORS with an exact allowlist of host origins (scheme + host + port compared as strings, no patterns).
 * No credentials mode: callers authenticate with a bearer token, never a cookie.
 */
export function cors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async function cors(c, next) {
    const origin = c.req.header('origin');
    const permitted = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      if (!permitted) {
        const res = problemResponse(c, 403, 'forbidden', {
          detail: 'This origin is not allowed to call the BFF.',
        });
        res.headers.set('Vary', 'Origin');
        return res;
      }
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (permitted) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
