// The whole demo (`npm start`'s wiring: emulator, BFF with events, provisioning and rules, LOB backend,
// receiver) on free ports for tests, and BFF tokens from its dev-token route.
import { startDemoStack, type DemoStack, type DemoStackOptions } from '../../../demo/stack.js';

/** The demo stack on free ports, quiet; `options` as startDemoStack's (e.g. `pagesDir`). */
export function startDemoOnFreePorts(options: Omit<DemoStackOptions, 'ports'> = {}): Promise<DemoStack> {
  return startDemoStack({
    ports: { emulator: 0, bff: 0, demo: 0, receiver: 0 },
    logLevel: 'silent',
    ...options,
  });
}

const tokens = new Map<string, string>();

/** A BFF token for `user` from the demo BFF's `POST /dev/token` (one per stack and user). */
export async function devToken(stack: DemoStack, user: string): Promise<string> {
  const key = `${stack.bff.url} ${user}`;
  const known = tokens.get(key);
  if (known) return known;
  const res = await fetch(`${stack.bff.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' },
    body: JSON.stringify({ user }),
  });
  if (!res.ok) throw new Error(`POST /dev/token answered ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  tokens.set(key, token);
  return token;
}
