import type { MiddlewareHandler } from 'hono';
import type { BffEnv } from './env.js';
import { ProblemError } from './problem.js';

/**
 * Fixed-window limit per verified user (never per `X-Forwarded-For`, which callers can forge).
 * Behind several instances each counts alone; move the counters to Redis when that matters.
 */
export function rateLimit(
  requests: number,
  windowSeconds: number,
  now: () => number = Date.now,
): MiddlewareHandler<BffEnv> {
  const windowMs = windowSeconds * 1000;
  let windowStart = now();
  let counts = new Map<string, number>();
  return async function rateLimit(c, next) {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      counts = new Map();
    }
    const key = c.var.user;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > requests) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - t) / 1000));
      throw new ProblemError(
        429,
        'rate-limited',
        { detail: 'Too many requests; slow down.' },
        { 'Retry-After': String(retryAfter) },
      );
    }
    await next();
  };
}
