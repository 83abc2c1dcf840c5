// Shared by the portal tests: a stack with the portal on, and small helpers around it.
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from './helpers/stack.js';

export const PORTAL_SECRET = randomBytes(32).toString('base64url');
export const ADMIN_TOKEN = randomBytes(32).toString('base64url');

export async function startPortalStack(env: Record<string, string> = {}): Promise<Stack> {
  const stack = await startStack({
    env: {
      BFF_PORTAL: '1',
      BFF_PORTAL_SECRET: PORTAL_SECRET,
      BFF_ADMIN_TOKEN: ADMIN_TOKEN,
      BFF_PORTAL_RATE_LIMIT: '100000',
      ...env,
    },
  });
  stack.secrets.add(PORTAL_SECRET);
  stack.secrets.add(ADMIN_TOKEN);
  return stack;
}

/** Path + query of an absolute or relative portal link. */
export function pathOf(link: string): string {
  const url = new URL(link, 'http://x');
  return url.pathname + url.search;
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** An xECM ticket for the emulator's Admin, to change things behind the BFF's back. */
export async function adminTicket(emulatorUrl: string): Promise<string> {
  const res = await fetch(`${emulatorUrl}/api/v1/auth`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'Admin', password: 'livelink' }),
  });
  return ((await res.json()) as { ticket: string }).ticket;
}

export async function categoryValues(
  emulatorUrl: string,
  ticket: string,
  id: string,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulatorUrl}/api/v2/nodes/${id}/categories`, {
    headers: { OTCSTicket: ticket },
  });
  const body = (await res.json()) as { results: { data: { categories: Record<string, unknown> } }[] };
  return Object.assign({}, ...body.results.map((r) => r.data.categories)) as Record<string, unknown>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
