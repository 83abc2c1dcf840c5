import { Hono } from 'hono';
import type { Broadcaster } from '../events/hub.js';
import { handleInboundHook, type InboundHookOptions } from '../events/inbound-hook.js';
import { limitBody } from '../http/body-limit.js';
import type { BffEnv } from '../http/env.js';
import { problemResponse } from '../http/problem.js';
import { StoreUnavailableError, type StoredEvent } from '../store/store.js';

export const MAX_HOOK_BODY_BYTES = 256 * 1024;

export interface HooksRouteOptions extends InboundHookOptions {
  hub?: Broadcaster;
  /**
   * Told after new events are committed and before they are published, so caches that hold the old state
   * are dropped before an element refetches on the live update (and the webhook relay can wake up).
   */
  onCommitted?: (stored: StoredEvent[]) => void;
}

/** `POST /hooks/xecm`: signed callouts from xECM. Mount outside `/v1` (no user token; the signature is the credential). */
export function hooksRoutes(options: HooksRouteOptions): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  // Declared or chunked, the body is refused once it passes the limit, not after it was all buffered.
  app.post('/xecm', limitBody(MAX_HOOK_BODY_BYTES), async (c) => {
    const bytes = await c.req.arrayBuffer();
    const raw = new TextDecoder().decode(bytes);
    try {
      const result = handleInboundHook(options, (name) => c.req.header(name), raw);
      switch (result.outcome) {
        case 'unauthorized':
          return problemResponse(c, 401, 'unauthenticated', {
            detail: 'Webhook signature missing or invalid.',
          });
        case 'invalid':
          return problemResponse(c, 400, 'bad-request', { detail: 'Body is not an xECM callout.' });
        case 'stored':
          options.onCommitted?.(result.stored);
          options.hub?.publish(result.stored);
          return c.body(null, 204);
        default:
          c.get('logger')?.info({ outcome: result.outcome }, 'callout not forwarded');
          return c.body(null, 204);
      }
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        return problemResponse(c, 503, 'store-unavailable', {}, { 'Retry-After': '5' });
      }
      throw error;
    }
  });
  return app;
}
