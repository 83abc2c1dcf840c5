import type { Hono } from 'hono';
import type { BffContext } from '../context.js';
import type { BffEnv } from '../http/env.js';
import { auditRoutes } from '../routes/audit.js';
import { portalRoutes } from '../routes/portal.js';
import { createLimiter } from '../services/limiter.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { PortalAudit } from './portal-audit.js';
import { PortalService } from './portal-service.js';

function isStore(value: unknown): value is Store {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Store).addAudit === 'function' &&
    typeof (value as Store).queryAudit === 'function'
  );
}

/**
 * Mounts `/portal/v1` (anonymous) and, with an admin token configured, `GET /v1/audit`. Call before the
 * `/v1` authentication middleware: both carry their own access control. Audit rows go to the portal's
 * own SQLite file when one is configured (`portal.auditDbPath`), else to the shared store, else to memory.
 */
export function mountPortal(app: Hono<BffEnv>, ctx: BffContext, sharedStore?: unknown): { store: Store } {
  const { config, xecm, logger } = ctx;
  const store =
    config.portal.auditDbPath !== undefined
      ? new SqliteStore({ path: config.portal.auditDbPath })
      : isStore(sharedStore)
        ? sharedStore
        : new SqliteStore({ path: ':memory:' });
  const service = new PortalService(config, xecm, createLimiter(config.xecm.concurrency));
  const audit = new PortalAudit(store, config.portal.secret, logger);
  app.route('/portal/v1', portalRoutes({ config, xecm, service, audit }));
  if (config.adminToken) app.route('/v1/audit', auditRoutes({ store, adminToken: config.adminToken }));
  return { store };
}
