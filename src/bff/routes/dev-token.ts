import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { BffContext } from '../context.js';
import { limitBody } from '../http/body-limit.js';
import { stateChanging } from '../http/csrf.js';
import type { BffEnv } from '../http/env.js';
import { mintDevToken, USER_NAME } from '../http/identity.js';
import { jsonBody, parseInput } from '../http/validate.js';

export const DevTokenRequest = z.object({ user: z.string().check(z.regex(USER_NAME)) });

/** Demo only (`BFF_DEV_IDENTITY=1`, never in production): mints a BFF token for a named user. */
export function devTokenRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  app.post('/token', stateChanging('json', ctx.config.allowedOrigins), limitBody(1024), async (c) => {
    const { user } = parseInput(DevTokenRequest, await jsonBody(c.req), 'token request');
    const expiresIn = Math.min(600, ctx.config.identity.maxLifetimeSeconds);
    ctx.logger.warn({ user }, 'dev identity minted a token');
    return c.json({ token: await mintDevToken(ctx.config.identity, user, expiresIn), expiresIn });
  });
  return app;
}
