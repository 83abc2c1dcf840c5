import { createDemoApp, type DemoServerOptions } from './demo-app.js';
import { listen, type Listening } from './listen.js';
import type { LobEvents } from './lob-events.js';
import type { LobStore } from './lob-store.js';

export interface DemoServer extends Listening {
  store: LobStore;
  events: LobEvents;
}

/** Starts the demo LOB backend (port 4100 in `npm start`, 0 = free port in tests). */
export async function startDemoServer(options: DemoServerOptions & { port?: number }): Promise<DemoServer> {
  const { app, store, events } = createDemoApp(options);
  const listening = await listen(app, options.port ?? 0);
  return { ...listening, store, events };
}
