// A bare /hooks/xecm (no BFF around it) writing to `store`, on a free loopback port: what xECM's callouts
// alone give, for tests that compare them with polling.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { BffEnv } from '../../../src/bff/http/env.js';
import { hooksRoutes } from '../../../src/bff/routes/hooks.js';
import type { Store } from '../../../src/bff/store/store.js';

export interface HooksOnly {
  /** Origin; xECM's callout URL is `${url}/hooks/xecm`. */
  url: string;
  close(): Promise<void>;
}

export async function startHooksOnly(store: Store, secret: string): Promise<HooksOnly> {
  const app = new Hono<BffEnv>();
  app.use(async (c, next) => {
    c.set('requestId', 't');
    await next();
  });
  app.route('/hooks', hooksRoutes({ store, secrets: () => [secret] }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
