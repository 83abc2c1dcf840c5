/** Above this many distinct clients in one window, the window restarts early (bounded memory under a flood). */
const MAX_CLIENTS = 100_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window request counter per anonymous client (one BFF instance; see docs/portal.md). */
export class ClientRateLimiter {
  #windowStart: number;
  #counts = new Map<string, number>();

  constructor(
    private readonly requests: number,
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#windowStart = now();
  }

  hit(client: string): RateDecision {
    const t = this.now();
    const windowMs = this.windowSeconds * 1000;
    if (t - this.#windowStart >= windowMs || this.#counts.size >= MAX_CLIENTS) {
      this.#windowStart = t;
      this.#counts = new Map();
    }
    const count = (this.#counts.get(client) ?? 0) + 1;
    this.#counts.set(client, count);
    if (count <= this.requests) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((this.#windowStart + windowMs - t) / 1000)),
    };
  }
}
