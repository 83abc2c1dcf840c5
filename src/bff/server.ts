import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createBff, type BffDeps } from './app.js';
import type { BffConfig } from './config.js';
import type { BffContext } from './context.js';
import { answerClientErrors } from './http/client-error.js';
import { createEventsModule, type EventsModule } from './events/events-module.js';
import { SqliteStore } from './store/sqlite-store.js';
import type { Store } from './store/store.js';

export interface RunningBff {
  url: string;
  port: number;
  ctx: BffContext;
  close(): Promise<void>;
}

/** Starts the BFF on `config.host:config.port` (port 0 = a free port). */
export async function startBff(config: BffConfig, deps: BffDeps = {}): Promise<RunningBff> {
  const { app, ctx } = createBff(config, deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  if ('headersTimeout' in server) {
    // Slow clients may not hold sockets forever (slowloris); long downloads are not affected.
    server.headersTimeout = 30_000;
    server.requestTimeout = 0;
    answerClientErrors(server);
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- Process wiring: one shared durable store and the events module (issue 5) ---

export interface RunningBffWithEvents extends RunningBff {
  store: Store;
  events: EventsModule;
}

/**
 * Starts the BFF as a real process runs it: opens the SQLite store at `config.storePath` unless `deps.store`
 * holds one (shared by events,
 * deliveries, idempotency and the portal audit), mounts `/v1/events`, `/hooks/xecm` and (with an admin token)
 * `/v1/subscriptions`, starts change detection and the webhook relay once listening, and on close stops them
 * and closes the store.
 */
export async function startBffWithEvents(
  config: BffConfig,
  deps: BffDeps = {},
  options: { detectorIntervalMs?: number } = {},
): Promise<RunningBffWithEvents> {
  // A store passed in (the demo shares it with route modules built before the app) stays the caller's to close.
  const given = deps.store as Store | undefined;
  const store = given ?? new SqliteStore({ path: config.storePath });
  const closeStore = () => {
    if (!given) store.close();
  };
  const events = createEventsModule({
    store,
    hookSecrets: config.events.hookSecrets,
    pollUser: config.events.pollUser,
    devAllowedHosts: config.nodeEnv === 'production' ? [] : config.events.webhookDevHosts,
    ...(config.adminToken ? { adminToken: config.adminToken } : {}),
    ...(options.detectorIntervalMs !== undefined ? { detectorIntervalMs: options.detectorIntervalMs } : {}),
  });
  let bff: RunningBff;
  try {
    bff = await startBff(config, { ...deps, store, events });
  } catch (error) {
    closeStore();
    throw error;
  }
  events.start();
  return {
    ...bff,
    store,
    events,
    async close() {
      await events.stop();
      await bff.close();
      closeStore();
    },
  };
}
