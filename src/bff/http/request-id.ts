import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const INBOUND_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives each request an id (reused from a well-formed inbound `X-Request-Id`, e.g. set by a proxy),
 * echoes it in the response and puts it in problems and log lines.
 */
export function requestId(): MiddlewareHandler {
  return async function requestId(c, next) {
    const inbound = c.req.header('x-request-id');
    const id = inbound && INBOUND_ID.test(inbound) ? inbound : randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
