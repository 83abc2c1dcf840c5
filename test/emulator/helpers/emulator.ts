// Starts the emulator on a free loopback port and talks to it the way Content Server clients do.
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import type { EmulatorOptions } from '../../../src/emulator/options.js';
import { WELL_KNOWN } from '../../../src/emulator/seed/well-known.js';

export type UserKey = keyof typeof WELL_KNOWN.users;

export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class TestEmulator {
  private readonly tickets = new Map<string, string>();

  constructor(readonly emulator: RunningEmulator) {}

  get url(): string {
    return this.emulator.url;
  }

  async close(): Promise<void> {
    await this.emulator.close();
  }

  async reset(): Promise<void> {
    await this.control('POST', '/emulator/reset');
  }

  async control(method: string, path: string, body?: unknown): Promise<Answer<Json>> {
    const res = await fetch(this.url + path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
  }

  /** A ticket for the user (cached per test emulator). */
  async ticket(user: UserKey): Promise<string> {
    const cached = this.tickets.get(user);
    if (cached) return cached;
    const { name, password } = WELL_KNOWN.users[user];
    const res = await this.form('POST', '/api/v1/auth', { username: name, password });
    if (res.status !== 200) throw new Error(`login of ${name} failed: ${res.status}`);
    const ticket = String(res.json['ticket']);
    this.tickets.set(user, ticket);
    return ticket;
  }

  forget(user: UserKey): void {
    this.tickets.delete(user);
  }

  /** Drops cached tickets, e.g. after advancing the clock past their lifetime. */
  forgetAll(): void {
    this.tickets.clear();
  }

  async get(path: string, user?: UserKey): Promise<Answer<Json>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (user) headers['OTCSTicket'] = await this.ticket(user);
    const res = await fetch(this.url + path, { headers });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
  }

  async raw(path: string, user?: UserKey): Promise<Response> {
    return fetch(this.url + path, user ? { headers: { OTCSTicket: await this.ticket(user) } } : {});
  }

  /** Form-urlencoded request (values that are objects go into the `body` JSON field if `asBody`). */
  async form(
    method: string,
    path: string,
    fields: Record<string, string>,
    user?: UserKey,
  ): Promise<Answer<Json>> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (user) headers['OTCSTicket'] = await this.ticket(user);
    const res = await fetch(this.url + path, {
      method,
      headers,
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
  }

  /** `body` JSON field, form-urlencoded, as pyxecm sends most v2 writes. */
  async bodyJson(method: string, path: string, body: unknown, user?: UserKey): Promise<Answer<Json>> {
    return this.form(method, path, { body: JSON.stringify(body) }, user);
  }

  async multipart(method: string, path: string, form: FormData, user?: UserKey): Promise<Answer<Json>> {
    const headers: Record<string, string> = {};
    if (user) headers['OTCSTicket'] = await this.ticket(user);
    const res = await fetch(this.url + path, { method, headers, body: form });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
  }
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  return new TestEmulator(await startEmulator({ port: 0, ...options }));
}

/** Names of the items a list answer (`results[].data.properties`) holds. */
export function names(answer: Answer<Json>): string[] {
  return (answer.json['results'] as Json[]).map((r) => String(r['data']['properties']['name']));
}

export function ids(answer: Answer<Json>): number[] {
  return (answer.json['results'] as Json[]).map((r) => Number(r['data']['properties']['id']));
}
