import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  /** Origin such as `http://127.0.0.1:4100`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on the loopback (port 0 = a free port) and resolves once the socket is bound. */
export function listen(app: Pick<Hono, 'fetch'>, port: number, hostname = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive sockets (SSE, browsers) would hold close() open forever.
            const s = server as unknown as { closeAllConnections?: () => void };
            server.close(() => done());
            s.closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
