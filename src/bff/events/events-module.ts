import * as z from 'zod';
import type { Topic } from '../../contract/index.js';
import type { RouteModule } from '../app.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { eventsRoutes } from '../routes/events.js';
import { hooksRoutes } from '../routes/hooks.js';
import { subscriptionsRoutes } from '../routes/subscriptions.js';
import { INBOX_RETENTION_MS, type Store, type StoredEvent } from '../store/store.js';
import { ChangeDetector } from './detector.js';
import { EventHub } from './hub.js';
import { WebhookRelay } from './relay.js';
import { RestEventsSource, type XecmGet } from './rest-events-source.js';

/** How long a stop waits for webhook attempts in flight (docs/bff.md, "Stopping"). */
const STOP_DRAIN_MS = 5_000;

export interface EventsModuleOptions {
  store: Store;
  /** Secrets xECM signs callouts with; empty = `/hooks/xecm` refuses everything (401). */
  hookSecrets: readonly string[];
  /** Hosts allowed plain http and private addresses for webhook URLs (development only). */
  devAllowedHosts?: readonly string[];
  /** xECM user whose ticket reads audit trails (needs read access to every watched node). */
  pollUser: string;
  heartbeatMs?: number;
  maxStreamsPerUser?: number;
  detectorIntervalMs?: number;
  /** Bearer credential of `/v1/subscriptions`; unset = no admin API. */
  adminToken?: string;
}

export interface EventsModule {
  /** Pass in `createBff(config, { routes: [module.routes], publicRoutes: [module.publicRoutes] })`. */
  routes: RouteModule;
  /** `/hooks/xecm` and the `/v1/subscriptions` admin API: own credentials, mounted before `/v1` auth. */
  publicRoutes: RouteModule;
  hub: EventHub;
  relay: WebhookRelay;
  /** Starts relay, detector and the daily purge; call after the app is mounted. */
  start(): void;
  stop(): Promise<void>;
}

/** Everything of issue 5 that runs in the BFF process, ready to mount on the core app. */
export function createEventsModule(options: EventsModuleOptions): EventsModule {
  const { store } = options;
  const hub = new EventHub({
    store,
    maxStreamsPerUser: options.maxStreamsPerUser,
    onSubscribe: () => detector?.wake(),
  });
  let detector: ChangeDetector | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  let ctxRef: BffContext | undefined;
  const relay = new WebhookRelay({
    store,
    urlGuard: { devAllowedHosts: options.devAllowedHosts ?? [] },
    onAlert: (alert) => ctxRef?.logger.warn(alert, 'webhook delivery alert'),
    onError: (error) =>
      ctxRef?.logger.warn(
        { err: error instanceof Error ? error.message : 'unknown' },
        'webhook relay: store unavailable, the delivery stays pending',
      ),
  });
  // An element refetches as soon as it hears of a change; the BFF's short-lived summary and list caches
  // must not answer that refetch with the state from before the change.
  const forgetCached = (events: StoredEvent[]) => {
    for (const { event } of events) {
      if (!event.workspaceId) continue;
      ctxRef?.workspaces.invalidate(event.workspaceId);
      ctxRef?.documents.invalidate(event.workspaceId);
    }
  };
  const committed = (events: StoredEvent[]) => {
    forgetCached(events);
    hub.publish(events);
    relay.tick();
  };

  const routes: RouteModule = (app, ctx) => {
    ctxRef = ctx;
    const canSee = async (user: string, topic: Topic): Promise<boolean> => {
      const id = topic.slice(topic.indexOf(':') + 1);
      try {
        if (topic.startsWith('workspace:')) await ctx.workspaces.summary(user, id);
        else await ctx.documents.item(user, id);
        return true;
      } catch (error) {
        // Missing, forbidden or not that kind of node: not visible. xECM down: cannot tell (503, retried).
        if (error instanceof ProblemError && error.status < 500) return false;
        throw error;
      }
    };
    app.route('/v1/events', eventsRoutes({ hub, canSee, heartbeatMs: options.heartbeatMs }));
    const get: XecmGet = async (path, query) => {
      try {
        return await ctx.xecm.json(options.pollUser, { method: 'GET', path, query }, z.unknown());
      } catch (error) {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    };
    detector = new ChangeDetector({
      store,
      source: new RestEventsSource(get, ctx.config.approval),
      watched: () => hub.watchedTopics(),
      watchedSince: (topic) => hub.watchedSince(topic),
      wantsNewWorkspaces: () =>
        store
          .listSubscriptions()
          .some(
            (s) => s.enabled && (s.eventTypes.length === 0 || s.eventTypes.includes('workspace.created')),
          ),
      onEvents: committed,
      onError: (error) =>
        ctx.logger.warn(
          { err: error instanceof Error ? error.message : 'unknown' },
          'change detection failed',
        ),
      activeIntervalMs: options.detectorIntervalMs,
    });
  };

  const urlGuard = { devAllowedHosts: options.devAllowedHosts ?? [] };
  const publicRoutes: RouteModule = (app) => {
    app.route(
      '/hooks',
      hooksRoutes({
        store,
        hub,
        secrets: () => options.hookSecrets,
        onCommitted: (stored) => {
          forgetCached(stored);
          relay.tick();
        },
      }),
    );
    if (options.adminToken) {
      app.route(
        '/v1/subscriptions',
        subscriptionsRoutes({ store, relay, adminToken: options.adminToken, urlGuard }),
      );
    }
  };

  return {
    routes,
    publicRoutes,
    hub,
    relay,
    start() {
      relay.start();
      detector?.start();
      const purge = () => {
        try {
          store.purge(Date.now() - INBOX_RETENTION_MS);
        } catch {
          // store down: the next round tries again
        }
      };
      purge();
      purgeTimer = setInterval(purge, 60 * 60 * 1000);
      purgeTimer.unref();
    },
    async stop() {
      clearInterval(purgeTimer);
      detector?.stop();
      // A delivery to a slow endpoint may take its whole attempt timeout; a stop must not. An attempt cut
      // short here stays pending in the store and is sent again after the restart (same webhook-id).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        relay.stop(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, STOP_DRAIN_MS);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
