import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` until it returns true or the deadline passes; then throws with `explain()` so a failure says
 * what was still missing (waiting on observable state, never asserting on elapsed time).
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; explain: () => string | Promise<string> },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${options.timeoutMs} ms: ${await options.explain()}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}
