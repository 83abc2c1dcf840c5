import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client. */
function normalize(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not behind @hono/node-server (app.request in tests)
  }
}

/**
 * The anonymous client's identity: the socket's remote address. `X-Forwarded-For` counts only when the
 * immediate peer is a trusted proxy; then the right-most address that is not itself a trusted proxy wins
 * (left-most entries are whatever the client wrote and prove nothing).
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  const peer = normalize(peerAddress(c) ?? 'unknown');
  if (!trustedProxies.has(peer)) return peer;
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map(normalize)
    .filter((a) => isIP(a) !== 0);
  for (let i = chain.length - 1; i >= 0; i--) if (!trustedProxies.has(chain[i]!)) return chain[i]!;
  return chain[0] ?? peer;
}

export function trustedProxySet(addresses: readonly string[]): ReadonlySet<string> {
  return new Set(addresses.map(normalize));
}
