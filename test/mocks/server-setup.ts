// msw in the browser for element and client tests (web-test-runner serves the worker script at
// /mockServiceWorker.js). Importing this module starts the worker (top-level await), so requests made
// by the test file are intercepted from its first line. Not for Storybook: msw-storybook-addon runs its own.
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';

/** Base URL the mocked BFF lives under. */
export const MOCK_BFF_BASE = '/bff';

/**
 * Test pages run concurrently in one browser profile and share the worker. A page that loads while
 * another page's worker is still activating starts uncontrolled; msw would then reload it (which aborts
 * the test run), so wait for the worker's `clients.claim()` to take this page over first.
 */
async function waitForController(): Promise<void> {
  if (navigator.serviceWorker.controller) return;
  const registrations = await navigator.serviceWorker.getRegistrations();
  if (registrations.length === 0) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 5_000);
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
  });
}

await waitForController();
export const worker = setupWorker();
await worker.start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  quiet: true,
  // Anything without a handler (test runner files, modules) goes to the network as usual.
  onUnhandledRequest: 'bypass',
});

/** Replace all handlers with these (call at the start of each test). */
export function useHandlers(...handlers: RequestHandler[]): void {
  worker.resetHandlers(...handlers);
}

/** Add handlers in front of the current ones (they win). */
export function prependHandlers(...handlers: RequestHandler[]): void {
  worker.use(...handlers);
}

export interface RequestLog {
  /** `METHOD path?query` of every request to the mocked BFF since the log started, in order. */
  readonly entries: string[];
  /** Requests whose entry contains `fragment`. */
  count(fragment?: string): number;
  stop(): void;
}

/** Records requests under {@link MOCK_BFF_BASE} (handled or not). */
export function logRequests(): RequestLog {
  const entries: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith(MOCK_BFF_BASE + '/'))
      entries.push(`${request.method} ${url.pathname}${url.search}`);
  };
  worker.events.on('request:start', listener);
  return {
    entries,
    count: (fragment) => entries.filter((e) => !fragment || e.includes(fragment)).length,
    stop: () => worker.events.removeListener('request:start', listener),
  };
}
