import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { DestinationStream, Logger } from 'pino';
import type { BffConfig } from './config.js';
import type { BffContext } from './context.js';
import { cors } from './http/cors.js';
import type { BffEnv } from './http/env.js';
import { authenticate, createTokenVerifier } from './http/identity.js';
import { createLogger } from './http/logger.js';
import { ProblemError, problemResponse } from './http/problem.js';
import { rateLimit } from './http/rate-limit.js';
import { requestId } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import type { EventsModule } from './events/events-module.js';
import { devTokenRoutes } from './routes/dev-token.js';
import { documentRoutes } from './routes/documents.js';
import { mountPortal } from './portal/mount-portal.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { reviewsRoutes } from './routes/reviews.js';
import { isReviewStore, MemoryReviewStore } from './services/review-store.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { DocumentService } from './services/document-service.js';
import { createLimiter } from './services/limiter.js';
import { WorkspaceService } from './services/workspace-service.js';
import { XecmClient } from './xecm/xecm-client.js';

/** A route module mounted by another area (events, reviews, provisioning …). */
export type RouteModule = (app: Hono<BffEnv>, ctx: BffContext) => void;

export interface BffDeps {
  /** A ready logger; or `logStream` to get ours writing there (tests capture log lines this way). */
  logger?: Logger;
  logStream?: DestinationStream;
  /** fetch used towards xECM (tests may wrap it). */
  fetch?: typeof fetch;
  /** Assumed OTCSTicket lifetime (re-login happens earlier on a 401 anyway). */
  ticketLifetimeMs?: number;
  /**
   * The shared durable store (src/bff/store): review idempotency records and the portal audit go there;
   * without one, reviews keep idempotency in memory and the portal opens its own SQLite file.
   */
  store?: unknown;
  /**
   * The events module (`createEventsModule`): its routes (`/v1/events`, `/hooks/xecm`, `/v1/subscriptions`)
   * are mounted here; starting and stopping it stays with the host process (see `startBffWithEvents`).
   */
  events?: EventsModule;
  /** Extra route modules, mounted after authentication middleware and before the 404 handler. */
  routes?: RouteModule[];
  /** Route modules with their own access control, mounted before authentication (no BFF token needed). */
  publicRoutes?: RouteModule[];
}

export interface BffApp {
  app: Hono<BffEnv>;
  ctx: BffContext;
}

/**
 * Builds the BFF as a Hono app (no listening) with every route the process serves for this configuration
 * and these deps — the same app `startBff`/`startBffWithEvents` listen with; `createBffApp(config).request(...)`
 * works in tests.
 */
export function createBffApp(config: BffConfig, deps: BffDeps = {}): Hono<BffEnv> {
  return createBff(config, deps).app;
}

/** Like {@link createBffApp}, also returning the services (caches, xECM client) for the host process. */
export function createBff(config: BffConfig, deps: BffDeps = {}): BffApp {
  const logger = deps.logger ?? createLogger(config.logLevel, deps.logStream);
  const xecm = new XecmClient(config, logger, { fetch: deps.fetch, ticketLifetimeMs: deps.ticketLifetimeMs });
  const limit = createLimiter(config.xecm.concurrency * 4);
  const reviewStore = isReviewStore(deps.store) ? deps.store : new MemoryReviewStore();
  const documents = new DocumentService(config, xecm, limit, reviewStore);
  const workspaces = new WorkspaceService(config, xecm, documents, limit);
  const verifier = createTokenVerifier(config.identity);
  const ctx: BffContext = { config, logger, xecm, verifier, workspaces, documents, reviewStore };

  const app = new Hono<BffEnv>();

  app.use(requestId());
  app.use(async function accessLog(c, next) {
    const started = performance.now();
    const log = logger.child({ reqId: c.var.requestId });
    c.set('logger', log);
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('user'),
      },
      'request',
    );
  });
  app.use(securityHeaders());
  app.use(cors(config.allowedOrigins));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(c, 405, 'method-not-allowed', {}, { Allow: methods.join(', ') }),
    }),
  );

  app.route('/', healthRoutes(ctx));
  app.route(
    '/',
    openApiRoutes(() => app.routes),
  );
  if (config.identity.devMode && config.nodeEnv !== 'production') app.route('/dev', devTokenRoutes(ctx));

  // Portal (anonymous, rate-limited per client) and admin audit export: own access control, before `/v1` auth.
  if (config.portal.enabled) mountPortal(app, ctx, deps.store);
  // Without the portal there is no audit trail: say so, rather than ask the admin token to sign in as a user.
  else
    app.all('/v1/audit', (c) =>
      problemResponse(c, 404, 'not-found', {
        detail: 'The audit trail is part of portal mode (BFF_PORTAL), which is off.',
      }),
    );
  deps.events?.publicRoutes(app, ctx);
  for (const mount of deps.publicRoutes ?? []) mount(app, ctx);

  app.use('/v1/*', authenticate(verifier));
  app.use('/v1/*', rateLimit(config.rateLimit.requests, config.rateLimit.windowSeconds));
  app.route('/v1/workspaces', workspaceRoutes(ctx));
  app.route('/v1/documents', documentRoutes(ctx));
  // Reviews are core routes (docs/reviews.md), recorded in ctx.reviewStore.
  reviewsRoutes()(app, ctx);
  deps.events?.routes(app, ctx);
  for (const mount of deps.routes ?? []) mount(app, ctx);

  app.notFound((c) => problemResponse(c, 404, 'not-found', { detail: 'No such route.' }));
  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500)
        c.var.logger?.warn(
          { code: error.code, status: error.status, ...(error.cause ? { cause: error.cause } : {}) },
          'request failed',
        );
      return problemResponse(c, error.status, error.code, error.extras, error.headers);
    }
    if (c.req.raw.signal.aborted) {
      // The client went away mid-request; nobody reads this answer.
      (c.var.logger ?? logger).debug('client aborted');
      return problemResponse(c, 500, 'internal');
    }
    (c.var.logger ?? logger).error({ err: error }, 'unhandled error');
    return problemResponse(c, 500, 'internal');
  });

  return { app, ctx };
}
