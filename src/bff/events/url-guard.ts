import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';

export const UNSAFE_URL_REASONS = [
  'invalid-url',
  'scheme-not-allowed',
  'credentials-in-url',
  'host-not-public',
  'dns-failed',
] as const;
export type UnsafeUrlReason = (typeof UNSAFE_URL_REASONS)[number];

/** A webhook URL that would let a subscriber reach internal networks (SSRF) or is otherwise unusable. */
export class UnsafeUrlError extends Error {
  constructor(
    readonly reason: UnsafeUrlReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

export interface UrlGuardOptions {
  /**
   * Host names (lower-case, as in the URL) allowed for development: plain http and private addresses are
   * accepted for them. Empty in production.
   */
  devAllowedHosts?: readonly string[];
  /** All addresses of a host name; defaults to dns.lookup({all:true}). */
  resolve?: (hostname: string) => Promise<string[]>;
}

// Separate lists: one BlockList would match IPv4 addresses against the IPv6 ::/96 rule as well.
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", includes the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24], // former 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped: would smuggle any IPv4 address
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT, RFC 6145): an IPv4 address behind a translator
  ['64:ff9b::', 96], // NAT64 embeds IPv4 too
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23], // IETF protocol assignments: Teredo (embeds IPv4), benchmarking, ORCHID …
  ['2001:db8::', 32],
  ['3fff::', 20], // documentation (RFC 9637)
  ['2002::', 16], // 6to4 embeds IPv4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

/** True when an IP literal is a public unicast address. Anything unparseable counts as not public. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  return family === 4 ? !blockedV4.check(bare, 'ipv4') : !blockedV6.check(bare, 'ipv6');
}

function normalisedHost(url: URL): string {
  // WHATWG URL already turns 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 into 127.0.0.1; a trailing dot is not.
  return url.hostname.toLowerCase().replace(/\.+$/, '');
}

function isDevAllowed(host: string, options: UrlGuardOptions): boolean {
  return (options.devAllowedHosts ?? []).some((h) => h.toLowerCase().replace(/\.+$/, '') === host);
}

/** Checks everything that can be checked without DNS. Returns the parsed URL. */
export function checkUrlSyntax(raw: string, options: UrlGuardOptions = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('invalid-url', 'not a valid absolute URL');
  }
  if (url.username || url.password)
    throw new UnsafeUrlError('credentials-in-url', 'URL must not carry credentials');
  const host = normalisedHost(url);
  const dev = isDevAllowed(host, options);
  if (url.protocol !== 'https:' && !(dev && url.protocol === 'http:')) {
    throw new UnsafeUrlError('scheme-not-allowed', 'only https URLs are accepted');
  }
  if (dev) return url;
  if (host === 'localhost' || host.endsWith('.localhost') || host === '') {
    throw new UnsafeUrlError('host-not-public', 'host is not a public address');
  }
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0 && !isPublicAddress(host)) {
    throw new UnsafeUrlError('host-not-public', 'host is not a public address');
  }
  return url;
}

const defaultResolve = async (hostname: string): Promise<string[]> =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Addresses to connect to for a host, every one of them public (or the host is dev-allowed). Used at
 * registration and again at connect time, so a DNS answer that changes to an internal address is refused.
 */
export async function resolvePublicAddresses(
  hostname: string,
  options: UrlGuardOptions = {},
): Promise<string[]> {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
  if (isIP(host) !== 0) {
    if (!isDevAllowed(host, options) && !isPublicAddress(host)) {
      throw new UnsafeUrlError('host-not-public', 'host is not a public address');
    }
    return [host];
  }
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? defaultResolve)(host);
  } catch {
    throw new UnsafeUrlError('dns-failed', 'host name does not resolve');
  }
  if (addresses.length === 0) throw new UnsafeUrlError('dns-failed', 'host name does not resolve');
  if (!isDevAllowed(host, options) && !addresses.every(isPublicAddress)) {
    throw new UnsafeUrlError('host-not-public', 'host resolves to a non-public address');
  }
  return addresses;
}

/** Full check at registration: syntax, scheme, literal addresses and every DNS answer. */
export async function assertSafeWebhookUrl(raw: string, options: UrlGuardOptions = {}): Promise<URL> {
  const url = checkUrlSyntax(raw, options);
  await resolvePublicAddresses(url.hostname, options);
  return url;
}
