import { Hono } from 'hono';
import type { BffContext } from '../context.js';
import type { BffEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';

export function healthRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  /** Liveness: the process serves requests. */
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  /** Readiness: xECM answers its unauthenticated ping. */
  app.get('/readyz', async (c) => {
    if (!(await ctx.xecm.ping())) {
      // The probe's own 503 says nothing about where the BFF looked; the operator's log line does.
      (c.var.logger ?? ctx.logger).warn(
        { upstream: `${ctx.config.xecm.baseUrl}/api/v1/ping` },
        'not ready: xECM does not answer GET /api/v1/ping; check XECM_BASE_URL and that Content Server is up',
      );
      throw new ProblemError(
        503,
        'upstream-unavailable',
        { detail: 'Extended ECM does not answer.' },
        { 'Retry-After': '5' },
      );
    }
    return c.json({ status: 'ready', checks: { xecm: 'ok' } });
  });
  return app;
}
