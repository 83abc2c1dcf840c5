// Waits for observable state (a receiver's deliveries, a store cursor) instead of sleeping a fixed time.

export interface WaitUntilOptions {
  /** Give up after this long (generous: the test machine is slow and shared). */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `probe` until it returns something other than undefined/false and returns that. On timeout it
 * throws with `what` and, when given, `explain()` (what was seen instead), so a failure says why.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitUntilOptions & { explain?: () => string | Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const seen = options.explain ? `; ${await options.explain()}` : '';
      throw new Error(`Timed out waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
