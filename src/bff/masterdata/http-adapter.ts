import * as z from 'zod';
import type { HttpSystemConfig } from './masterdata-config.js';

export type MasterDataRecord = { boId: string; properties: Record<string, string> };

/** Why a LOB system gave no record: mapped to 404, 502 or 504 by the route. */
export class AdapterError extends Error {
  constructor(
    readonly kind: 'not-found' | 'unreachable' | 'timeout' | 'bad-response',
    message: string,
  ) {
    super(message);
    this.name = 'AdapterError';
  }
}

const Row = z.record(z.string(), z.unknown());
const SearchBody = z.union([
  z.array(Row),
  z.object({ results: z.array(Row) }),
  z.object({ items: z.array(Row) }),
]);

/** Reads business objects from a LOB system over HTTP and maps their fields by configuration. */
export class HttpAdapter {
  constructor(
    private readonly system: HttpSystemConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  hasType(boType: string): boolean {
    return Object.hasOwn(this.system.types, boType);
  }

  async get(boType: string, boId: string, signal?: AbortSignal): Promise<MasterDataRecord> {
    const type = this.system.types[boType]!;
    const path = type.path
      .replaceAll('{boType}', encodeURIComponent(boType))
      .replaceAll('{boId}', encodeURIComponent(boId));
    const body = await this.#getJson(path, signal);
    const row = Row.safeParse(body);
    if (!row.success)
      throw new AdapterError('bad-response', 'the LOB system answered with something other than an object');
    return { boId, properties: this.#map(type.fields, row.data) };
  }

  async search(boType: string, q: string, signal?: AbortSignal): Promise<MasterDataRecord[]> {
    const type = this.system.types[boType]!;
    const path = (type.searchPath ?? '/{boType}').replaceAll('{boType}', encodeURIComponent(boType));
    const body = SearchBody.safeParse(await this.#getJson(`${path}?${new URLSearchParams({ q })}`, signal));
    if (!body.success)
      throw new AdapterError('bad-response', 'the LOB system answered with something other than a list');
    const data = body.data;
    const rows: Record<string, unknown>[] = Array.isArray(data)
      ? data
      : 'results' in data
        ? data.results
        : data.items;
    return rows
      .slice(0, 100)
      .map((r) => ({ boId: String(r['id'] ?? ''), properties: this.#map(type.fields, r) }));
  }

  #map(fields: Record<string, string>, row: Record<string, unknown>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [property, field] of Object.entries(fields)) {
      const value = row[field];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        out[property] = String(value);
    }
    return out;
  }

  async #getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.system.timeoutMs);
    let res: Response;
    try {
      res = await this.fetchImpl(this.system.baseUrl + path, {
        headers: {
          accept: 'application/json',
          ...(this.system.token ? { authorization: `Bearer ${this.system.token}` } : {}),
        },
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted) throw new AdapterError('timeout', 'the LOB system did not answer in time');
      throw new AdapterError('unreachable', error instanceof Error ? error.message : 'fetch failed');
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new AdapterError('not-found', 'no such business object');
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new AdapterError('unreachable', `the LOB system answered HTTP ${res.status}`);
    }
    try {
      return await res.json();
    } catch {
      if (timeout.aborted) throw new AdapterError('timeout', 'the LOB system did not answer in time');
      throw new AdapterError('bad-response', 'the LOB system answered with invalid JSON');
    }
  }
}
