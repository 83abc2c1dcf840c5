// Starts the emulator and the BFF on free loopback ports, records every BFF response and log line,
// and on close() fails if any xECM ticket, OTDS token or configured secret leaked into them.
import { randomBytes } from 'node:crypto';
import type { BffDeps } from '../../../src/bff/app.js';
import { loadConfig, type BffConfig } from '../../../src/bff/config.js';
import { startBff, type RunningBff } from '../../../src/bff/server.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/server.js';
import { logLines, secretWatchingFetch } from './capture.js';
import { mintToken } from './tokens.js';

export interface StackOptions {
  emulator?: EmulatorOptions;
  /** Extra BFF environment variables (see docs/bff.md). */
  env?: Record<string, string>;
  ticketLifetimeMs?: number;
  /** More BFF deps (route modules, a store); the stack's own fetch and log capture stay. */
  deps?: Omit<BffDeps, 'fetch' | 'logStream' | 'logger'>;
}

export interface CapturedResponse {
  method: string;
  path: string;
  status: number;
  headers: [string, string][];
  body: string;
}

export interface Stack {
  emulator: RunningEmulator;
  bff: RunningBff;
  config: BffConfig;
  /** A valid BFF token for `user` (claims override the defaults: aud, iat, exp). */
  tokenFor(user: string, claims?: { expiresIn?: number; audience?: string }): Promise<string>;
  /** fetch against the BFF (path relative to its origin) that records the response for the leak scan. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** GET with a token for `user`; returns status, headers and parsed JSON. */
  get<T = unknown>(
    user: string,
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: T }>;
  /** Calls the emulator's control API. */
  control(path: string, body?: unknown, method?: string): Promise<Response>;
  /** Upstream requests the BFF made (method + path), for "no upstream call" assertions. */
  upstream: { method: string; path: string }[];
  logs: string[];
  responses: CapturedResponse[];
  /** Every secret seen so far: configured secrets, OTDS tokens and tickets xECM handed out. */
  secrets: Set<string>;
  /** Captured responses and log lines that contain a secret. */
  leaks(): string[];
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const identitySecret = randomBytes(24).toString('base64url');
  const config = loadConfig({
    BFF_PORT: '0',
    XECM_BASE_URL: emulator.url,
    BFF_IDENTITY_SECRET: identitySecret,
    BFF_ALLOWED_ORIGINS: 'https://crm.example.com',
    BFF_LOG_LEVEL: 'debug',
    ...options.env,
  });
  const secrets = new Set<string>([identitySecret, config.otds.clientSecret]);
  const upstream: { method: string; path: string }[] = [];
  const logs: string[] = [];
  const responses: CapturedResponse[] = [];

  // Watches what xECM hands the BFF, so the scan knows exactly which strings must never come out.
  const watchingFetch = secretWatchingFetch(secrets, (input, init) => {
    upstream.push({ method: init?.method ?? 'GET', path: new URL(String(input)).pathname });
    return fetch(input, init);
  });

  const bff = await startBff(config, {
    ...options.deps,
    fetch: watchingFetch,
    ...(options.ticketLifetimeMs !== undefined ? { ticketLifetimeMs: options.ticketLifetimeMs } : {}),
    logStream: logLines(logs),
  });

  const stackFetch = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(new URL(path, bff.url), { redirect: 'manual', ...init });
    const body = Buffer.from(await res.arrayBuffer());
    responses.push({
      method: init.method ?? 'GET',
      path,
      status: res.status,
      headers: [...res.headers.entries()],
      body: body.toString('latin1'),
    });
    return new Response(res.status === 204 || res.status === 304 ? null : body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };

  const tokenFor: Stack['tokenFor'] = async (user, claims = {}) => {
    const token = await mintToken(user, { secret: identitySecret, ...claims });
    return token;
  };

  const leaks = (): string[] => {
    const found: string[] = [];
    const needles = [...secrets].filter((s) => s.length >= 8);
    for (const r of responses) {
      const text = `${r.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${r.body}`;
      for (const n of needles)
        if (text.includes(n)) found.push(`response ${r.method} ${r.path} contains a secret`);
    }
    for (const line of logs)
      for (const n of needles)
        if (line.includes(n)) found.push(`log line contains a secret: ${line.slice(0, 120)}`);
    return found;
  };

  return {
    emulator,
    bff,
    config,
    tokenFor,
    fetch: stackFetch,
    async get(user, path, headers = {}) {
      const res = await stackFetch(path, {
        headers: { Authorization: `Bearer ${await tokenFor(user)}`, ...headers },
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (content downloads)
      }
      return { status: res.status, headers: res.headers, body: body as never };
    },
    control: (path, body, method = 'POST') =>
      fetch(new URL(path, emulator.url), {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    upstream,
    logs,
    responses,
    secrets,
    leaks,
    async close() {
      await bff.close();
      await emulator.close();
      const found = leaks();
      if (found.length > 0) throw new Error(`Secrets leaked:\n${found.slice(0, 10).join('\n')}`);
    },
  };
}
