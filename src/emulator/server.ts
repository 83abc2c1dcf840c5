import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createEmulatorApp } from './app.js';
import type { EmulatorOptions } from './options.js';
import type { Runtime } from './runtime.js';

export { createEmulatorApp } from './app.js';
export type { EmulatorOptions } from './options.js';

export interface RunningEmulator {
  /** Origin such as `http://127.0.0.1:54321`. */
  readonly url: string;
  readonly port: number;
  /** The live state, for tests that need to look behind the API. */
  readonly runtime: Runtime;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 (port 0, the default, picks a free port). */
export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { app, runtime } = createEmulatorApp(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' },
      (info: AddressInfo) => {
        const host = info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          runtime,
          close: async () => {
            await runtime.callouts.settle();
            await new Promise<void>((done) => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close(() => done());
            });
          },
        });
      },
    );
    server.once('error', reject);
  });
}
