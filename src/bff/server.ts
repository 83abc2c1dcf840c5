import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBff, type BffDeps } from './app.js';
import type { BffConfig } from './config.js';
import type { BffContext } from './context.js';
import { answerClientErrors } from './http/client-error.js';
import { createEventsModule, type EventsModule } from './events/events-module.js';
import { SqliteStore } from './store/sqlite-store.js';
import type { Store } from './store/store.js';

/** The BFF could not start for a reason an operator fixes (port taken, store file locked or unreadable). */
export class StartupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export interface RunningBff {
  url: string;
  port: number;
  ctx: BffContext;
  close(): Promise<void>;
}

/** Starts the BFF on `config.host:config.port` (port 0 = a free port). */
export async function startBff(config: BffConfig, deps: BffDeps = {}): Promise<RunningBff> {
  const { app, ctx } = createBff(config, deps);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => {
      s.off('error', refused);
      resolve(s);
    });
    // Unhandled, a taken port is an 'error' event that ends the process with a stack trace.
    function refused(error: NodeJS.ErrnoException): void {
      const where = `${config.host}:${config.port}`;
      const why =
        error.code === 'EADDRINUSE'
          ? `${where} is already in use`
          : error.code === 'EACCES'
            ? `no permission to listen on ${where}`
            : error.code === 'EADDRNOTAVAIL'
              ? `${config.host} is not an address of this machine`
              : `cannot listen on ${where} (${error.code ?? error.message})`;
      reject(new StartupError(`BFF_HOST/BFF_PORT: ${why}`, { cause: error }));
    }
    s.once('error', refused);
  });
  if ('headersTimeout' in server) {
    // Slow clients may not hold sockets forever (slowloris); long downloads are not affected.
    server.headersTimeout = 30_000;
    server.requestTimeout = 0;
    answerClientErrors(server);
  }
  const { port } = server.address() as AddressInfo;
  // Answers being written: a stop lets them finish (a review started or an upload under way is not cut off
  // mid-answer by a rolling restart), but live streams never finish on their own and are ended at once.
  const open = new Map<ServerResponse, boolean>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    open.set(res, (req.url ?? '').startsWith('/v1/events'));
    res.once('close', () => {
      open.delete(res);
      // Its keep-alive connection is idle now; server.close() alone closes only those idle when it is called.
      if (closing && 'closeIdleConnections' in server) setImmediate(() => server.closeIdleConnections());
    });
  });
  let closing = false;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        const deadline = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, STOP_REQUESTS_MS);
        deadline.unref();
        closing = true;
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        if (!('closeIdleConnections' in server)) return;
        server.closeIdleConnections();
        for (const [res, stream] of open) if (stream) res.destroy();
      }),
  };
}

/** How long a stop waits for answers in flight before cutting their connections (docs/bff.md, "Stopping"). */
const STOP_REQUESTS_MS = 5_000;

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
  const lock = given ? undefined : lockStoreFile(config.storePath);
  let store: Store;
  try {
    store = given ?? new SqliteStore({ path: config.storePath });
  } catch (error) {
    lock?.close();
    throw new StartupError(
      `BFF_STORE_PATH: cannot open the store ${config.storePath} (${describeCause(error)})`,
      { cause: error },
    );
  }
  const closeStore = () => {
    if (!given) store.close();
    lock?.close();
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
      // Both wait at most 5 s (attempts in flight, answers in flight); the store outlives both.
      await Promise.all([events.stop(), bff.close()]);
      closeStore();
    },
  };
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}

/**
 * Holds an exclusive SQLite lock on `<storePath>.lock` while this process runs: two BFFs on one store would
 * both deliver its webhooks and race each other's cursors. The OS drops the lock when the process dies, so a
 * killed BFF never leaves a stale lock behind. Nothing to lock for a store in memory.
 */
function lockStoreFile(storePath: string): Database.Database | undefined {
  if (storePath === ':memory:' || storePath === '') return undefined;
  let db: Database.Database;
  try {
    db = new Database(`${storePath}.lock`);
  } catch (error) {
    throw new StartupError(
      `BFF_STORE_PATH: cannot create the lock file ${storePath}.lock (${describeCause(error)})`,
      { cause: error },
    );
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    throw new StartupError(
      `BFF_STORE_PATH: ${storePath} is in use by another BFF process (run one BFF per store file)`,
      { cause: error },
    );
  }
}
