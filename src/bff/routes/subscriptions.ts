import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { DELIVERY_STATES, type Store, type Subscription } from '../store/store.js';
import type { WebhookRelay } from '../events/relay.js';
import { registerSubscription, SubscriptionRequest } from '../events/subscriptions.js';
import { UnsafeUrlError, type UrlGuardOptions } from '../events/url-guard.js';
import { limitBody } from '../http/body-limit.js';
import type { BffEnv } from '../http/env.js';
import { problemResponse } from '../http/problem.js';

export interface SubscriptionsRouteOptions {
  store: Store;
  relay: WebhookRelay;
  adminToken: string;
  urlGuard?: UrlGuardOptions;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();
const SUB_ID = /^sub_[0-9a-f-]{36}$|^[A-Za-z0-9_-]{1,64}$/;

/** Everything but the secret, which is shown once, on creation. */
const view = ({ secret: _secret, ...rest }: Subscription) => rest;

/** `/v1/subscriptions` admin API; mount before the `/v1` user authentication (own bearer credential). */
export function subscriptionsRoutes(options: SubscriptionsRouteOptions): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  const expected = sha256(options.adminToken);
  app.use(async (c, next) => {
    const match = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '');
    if (!match || !timingSafeEqual(sha256(match[1]!), expected)) {
      return problemResponse(c, 401, 'unauthenticated', {
        detail: 'Send Authorization: Bearer <admin token>.',
      });
    }
    await next();
  });
  const found = (c: Context<BffEnv>): Subscription | null => {
    const id = c.req.param('id') ?? '';
    return SUB_ID.test(id) ? options.store.getSubscription(id) : null;
  };
  const missing = (c: Context<BffEnv>) =>
    problemResponse(c, 404, 'not-found', { detail: 'No such subscription.' });

  app.get('/', (c) => c.json({ subscriptions: options.store.listSubscriptions().map(view) }));
  app.post('/', limitBody(16 * 1024), async (c) => {
    const body = SubscriptionRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success)
      return problemResponse(c, 400, 'bad-request', { detail: 'Expected {url, eventTypes?}.' });
    try {
      const sub = await registerSubscription(options.store, body.data, options.urlGuard);
      return c.json(sub, 201);
    } catch (error) {
      if (error instanceof UnsafeUrlError)
        return problemResponse(c, 400, 'bad-request', { detail: error.message });
      throw error;
    }
  });
  app.get('/:id', (c) => {
    const sub = found(c);
    return sub ? c.json(view(sub)) : missing(c);
  });
  app.delete('/:id', (c) =>
    found(c) && options.store.deleteSubscription(c.req.param('id')) ? c.body(null, 204) : missing(c),
  );
  app.post('/:id/enable', (c) => {
    if (!found(c)) return missing(c);
    options.store.setSubscriptionEnabled(c.req.param('id'), true, null);
    options.relay.tick();
    return c.body(null, 204);
  });
  app.get('/:id/deliveries', (c) => {
    if (!found(c)) return missing(c);
    const state = z.enum(DELIVERY_STATES).optional().safeParse(c.req.query('state'));
    if (!state.success)
      return problemResponse(c, 400, 'bad-request', { detail: 'state: pending, delivered or dead' });
    return c.json({ deliveries: options.store.listDeliveries(c.req.param('id'), state.data) });
  });
  app.post('/:id/replay', (c) => {
    if (!found(c)) return missing(c);
    return c.json({ replayed: options.relay.replayDeadLetters(c.req.param('id')) });
  });
  return app;
}
