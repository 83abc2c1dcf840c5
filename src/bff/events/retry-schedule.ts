const S = 1000;
const M = 60 * S;
const H = 60 * M;

/** Delay before retry n (after failed attempt n), per the Standard Webhooks example; ≈ 3 days in all. */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  5 * S,
  5 * M,
  30 * M,
  2 * H,
  5 * H,
  10 * H,
  14 * H,
  20 * H,
  24 * H,
];
/** Longest `Retry-After` honoured; a receiver cannot park a delivery for longer. */
export const MAX_RETRY_AFTER_MS = 24 * H;

/**
 * When to try again after `attempts` failed attempts, or null when the delivery is dead. Jitter of ±20 %
 * spreads retries after an outage; a `Retry-After` is a floor, never shortened.
 */
export function nextRetryDelay(
  attempts: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const base = RETRY_SCHEDULE_MS[attempts - 1];
  if (base === undefined) return null;
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  if (retryAfterMs === null) return jittered;
  return Math.max(Math.min(retryAfterMs, MAX_RETRY_AFTER_MS), 0) + Math.round(1000 * random());
}

/** `Retry-After` as milliseconds: delta seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^[0-9]{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(at - now, 0);
}
