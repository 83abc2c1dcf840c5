interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * A small TTL cache with in-flight coalescing: concurrent `get`s of the same key share one load,
 * and failures are never cached. Keys must include the user: what one user sees is not another's.
 */
export class TtlCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #inflight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        this.#inflight.delete(key);
        if (this.ttlMs > 0) this.#set(key, value);
        return value;
      },
      (error: unknown) => {
        this.#inflight.delete(key);
        throw error;
      },
    );
    this.#inflight.set(key, promise);
    return promise;
  }

  /** Drops every entry whose key ends with `\u0000<suffix>` (e.g. `workspace:123`), for every user. */
  invalidate(suffix: string): void {
    const tail = `\u0000${suffix}`;
    for (const key of this.#entries.keys()) if (key.endsWith(tail)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  #set(key: string, value: T): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }
}
