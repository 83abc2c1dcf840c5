// startStack (emulator + BFF, leak scan on close) with the events module mounted over an in-memory store
// and started: /v1/events, /hooks/xecm and, with an admin token, /v1/subscriptions.
import {
  createEventsModule,
  type EventsModule,
  type EventsModuleOptions,
} from '../../../src/bff/events/events-module.js';
import { SqliteStore } from '../../../src/bff/store/sqlite-store.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

export interface EventsStackOptions extends Omit<StackOptions, 'deps'> {
  /** Events module options; the store is the stack's, the poll user is Admin, no hook secrets by default. */
  events?: Partial<Omit<EventsModuleOptions, 'store'>>;
}

export interface EventsStack extends Stack {
  store: SqliteStore;
  events: EventsModule;
}

export async function startEventsStack(options: EventsStackOptions = {}): Promise<EventsStack> {
  const { events: eventsOptions, ...stackOptions } = options;
  const store = new SqliteStore({ path: ':memory:' });
  const events = createEventsModule({ store, hookSecrets: [], pollUser: 'Admin', ...eventsOptions });
  const stack = await startStack({
    ...stackOptions,
    deps: { routes: [events.routes], publicRoutes: [events.publicRoutes] },
  });
  events.start();
  return {
    ...stack,
    store,
    events,
    async close() {
      await events.stop();
      try {
        await stack.close();
      } finally {
        store.close();
      }
    },
  };
}
