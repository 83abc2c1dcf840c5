import { ProblemError } from '../http/problem.js';
import { AdapterError, HttpAdapter, type MasterDataRecord } from './http-adapter.js';
import type { MasterDataConfig } from './masterdata-config.js';
import { RecordCache } from './record-cache.js';

/** The BFF's answer to xECM's connector for one business object. */
export interface MasterDataAnswer {
  system: string;
  boType: string;
  boId: string;
  properties: Record<string, string>;
}

/** Routes master-data reads to the adapter of each LOB system, caching successful reads briefly. */
export class MasterDataGateway {
  readonly #adapters = new Map<string, HttpAdapter>();
  readonly #cache: RecordCache<MasterDataRecord>;

  constructor(config: MasterDataConfig, fetchImpl?: typeof fetch) {
    for (const [name, system] of Object.entries(config.systems))
      this.#adapters.set(name, new HttpAdapter(system, fetchImpl));
    this.#cache = new RecordCache(config.cacheTtlSeconds * 1000);
  }

  async get(system: string, boType: string, boId: string, signal?: AbortSignal): Promise<MasterDataAnswer> {
    const adapter = this.#adapter(system, boType);
    const record = await this.#cache.get(`${system}\u0000${boType}\u0000${boId}`, () =>
      translate(adapter.get(boType, boId, signal), system),
    );
    return { system, boType, boId, properties: record.properties };
  }

  async search(system: string, boType: string, q: string, signal?: AbortSignal): Promise<MasterDataAnswer[]> {
    const adapter = this.#adapter(system, boType);
    const rows = await translate(adapter.search(boType, q, signal), system);
    return rows.map((r) => ({ system, boType, boId: r.boId, properties: r.properties }));
  }

  /** Forget a cached record (e.g. when the LOB system reports a change). */
  invalidate(system: string, boType: string, boId: string): void {
    this.#cache.delete(`${system}\u0000${boType}\u0000${boId}`);
  }

  #adapter(system: string, boType: string): HttpAdapter {
    const adapter = this.#adapters.get(system);
    if (!adapter || !adapter.hasType(boType)) {
      throw new ProblemError(404, 'not-found', {
        detail: `No master-data source is configured for ${system}/${boType}.`,
      });
    }
    return adapter;
  }
}

async function translate<T>(work: Promise<T>, system: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    switch (error.kind) {
      case 'not-found':
        throw new ProblemError(404, 'not-found', {
          detail: `The LOB system ${system} has no such business object.`,
        });
      case 'timeout':
        throw new ProblemError(504, 'upstream-timeout', {
          detail: `The LOB system ${system} did not answer in time.`,
        });
      default:
        throw new ProblemError(502, 'upstream-error', {
          detail: `The LOB system ${system} could not be read.`,
        });
    }
  }
}
