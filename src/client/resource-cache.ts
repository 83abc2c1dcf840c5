import { abortable, abortError } from './abort.js';

export interface ResourceCacheOptions {
  /** How long a value counts as fresh. Older values are still served, then revalidated in the background. */
  ttlMs?: number;
  /** After this age a value is dropped instead of served stale. */
  maxStaleMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface CacheGetOptions {
  signal?: AbortSignal;
  /** Skip the cached value and wait for the network (a "retry" button). In-flight loads are still shared. */
  fresh?: boolean;
  /** Keep the value after loading (default true). `false` only shares the in-flight load. */
  store?: boolean;
}

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  value: unknown;
  loadedAt: number;
  /** Invalidated explicitly: serve once more while revalidating. */
  stale: boolean;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export const DEFAULT_TTL_MS = 30_000;
export const DEFAULT_MAX_STALE_MS = 10 * 60_000;

/**
 * In-memory cache shared by every element on a client: one request per key at a time, fresh values
 * served from memory, stale ones served at once and revalidated in the background, and subscribers
 * told when a key is invalidated (`invalidate('workspace:1')` also covers `workspace:1/…` keys).
 */
export class ResourceCache {
  readonly ttlMs: number;
  readonly maxStaleMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #flights = new Map<string, Flight>();
  readonly #listeners = new Map<string, Set<() => void>>();
  /** Bumped by `clear()` so loads started before it never write into the cleared cache. */
  #generation = 0;

  constructor(options: ResourceCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxStaleMs = options.maxStaleMs ?? DEFAULT_MAX_STALE_MS;
    this.#now = options.now ?? (() => Date.now());
  }

  /** The cached value (fresh or stale) without loading anything. */
  peek<T>(key: string): T | undefined {
    return this.#entries.get(key)?.value as T | undefined;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Whether `key` holds a value that is neither expired nor invalidated. */
  isFresh(key: string): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && !entry.stale && this.#now() - entry.loadedAt < this.ttlMs;
  }

  get<T>(key: string, loader: Loader<T>, options: CacheGetOptions = {}): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const entry = this.#entries.get(key);
    if (entry && !options.fresh) {
      const age = this.#now() - entry.loadedAt;
      if (!entry.stale && age < this.ttlMs) return Promise.resolve(entry.value as T);
      if (age < this.maxStaleMs) {
        // Stale-while-revalidate: answer now, refresh once, tell subscribers when the new value lands.
        this.#revalidate(key, loader as Loader<unknown>);
        return Promise.resolve(entry.value as T);
      }
      this.#entries.delete(key);
    }
    return this.#join<T>(key, loader, options.store ?? true, signal);
  }

  /** Store a value someone else loaded (e.g. a batch answer or a write's response). */
  set<T>(key: string, value: T): void {
    this.#entries.set(key, { value, loadedAt: this.#now(), stale: false });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /**
   * Mark `key` and every `key/…` entry stale and notify their subscribers, who reload (and get the
   * stale value at once while the fresh one is fetched).
   */
  invalidate(key: string): void {
    const affected = new Set<string>([key]);
    const prefix = key + '/';
    for (const [k, entry] of this.#entries) {
      if (k === key || k.startsWith(prefix)) {
        entry.stale = true;
        affected.add(k);
      }
    }
    for (const k of this.#listeners.keys()) if (k.startsWith(prefix)) affected.add(k);
    for (const k of affected) this.#notify(k);
  }

  /** Call `listener` whenever `key` (or a parent key such as `workspace:1` for `workspace:1/documents`) changes. */
  subscribe(key: string, listener: () => void): () => void {
    let set = this.#listeners.get(key);
    if (!set) this.#listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(key) === set) this.#listeners.delete(key);
    };
  }

  /** Drop everything (sign-out): values, in-flight loads; subscribers are told so they reload. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
    for (const flight of this.#flights.values()) flight.controller.abort();
    this.#flights.clear();
    for (const key of [...this.#listeners.keys()]) this.#notify(key);
  }

  #notify(key: string): void {
    for (const listener of [...(this.#listeners.get(key) ?? [])]) {
      try {
        listener();
      } catch (error) {
        // One broken subscriber must not stop the others from refreshing.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #start(key: string, loader: Loader<unknown>, store: boolean, onStored?: () => void): Flight {
    const controller = new AbortController();
    const generation = this.#generation;
    const flight: Flight = { controller, waiters: 0, promise: Promise.resolve() };
    flight.promise = loader(controller.signal).then(
      (value) => {
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
        if (store && generation === this.#generation) {
          this.set(key, value);
          onStored?.();
        }
        return value;
      },
      (error: unknown) => {
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
        throw error;
      },
    );
    // Waiters see the rejection through their own promises; this only stops an unhandled-rejection report
    // when every waiter has left.
    flight.promise.catch(() => undefined);
    this.#flights.set(key, flight);
    return flight;
  }

  #join<T>(key: string, loader: Loader<T>, store: boolean, signal?: AbortSignal): Promise<T> {
    const flight = this.#flights.get(key) ?? this.#start(key, loader as Loader<unknown>, store);
    flight.waiters++;
    const release = () => {
      flight.waiters--;
      // The shared request is cancelled only when nobody waits for it any more.
      if (flight.waiters === 0 && this.#flights.get(key) === flight) {
        this.#flights.delete(key);
        flight.controller.abort();
      }
    };
    return abortable(flight.promise as Promise<T>, signal, release);
  }

  #revalidate(key: string, loader: Loader<unknown>): void {
    if (this.#flights.has(key)) return;
    // Nobody awaits a background refresh; a failure keeps the stale value.
    this.#start(key, loader, true, () => this.#notify(key));
  }
}
