import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createBff, type BffDeps } from './app.js';
import type { BffConfig } from './config.js';
import type { BffContext } from './context.js';

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
  // Slow clients may not hold sockets forever (slowloris); long downloads are not affected.
  if ('headersTimeout' in server) {
    server.headersTimeout = 30_000;
    server.requestTimeout = 0;
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
