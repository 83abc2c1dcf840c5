/** Successful master-data reads for a short TTL; concurrent reads of one key share a load; failures are not kept. */
export class RecordCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();
  readonly #inflight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return Promise.resolve(entry.value);
    let pending = this.#inflight.get(key);
    if (!pending) {
      pending = load().then(
        (value) => {
          this.#inflight.delete(key);
          if (this.ttlMs > 0) {
            if (this.#entries.size >= this.maxEntries)
              this.#entries.delete(this.#entries.keys().next().value!);
            this.#entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
          }
          return value;
        },
        (error: unknown) => {
          this.#inflight.delete(key);
          throw error;
        },
      );
      this.#inflight.set(key, pending);
    }
    return pending;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
