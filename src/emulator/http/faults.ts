// Fault injection for /api and /otdsws: the next N matching calls fail with a status, hang first, or
// return a malformed JSON body. Rules are set through the control API.
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { EmulatorEnv, Runtime } from '../runtime.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export function injectFaults(rt: Runtime): MiddlewareHandler<EmulatorEnv> {
  return async function faultInjection(c, next) {
    const index = rt.faults.findIndex(
      (rule) =>
        rule.remaining > 0 &&
        c.req.path.startsWith(rule.path) &&
        (!rule.method || rule.method.toUpperCase() === c.req.method),
    );
    const rule = index >= 0 ? rt.faults[index] : undefined;
    if (!rule) return next();
    rule.remaining -= 1;
    if (rule.remaining <= 0) rt.faults.splice(index, 1);
    if (rule.delayMs) await sleep(rule.delayMs, c.req.raw.signal);
    if (rule.status) {
      return c.json({ error: `Injected fault (HTTP ${rule.status})` }, rule.status as ContentfulStatusCode);
    }
    if (rule.malformed) {
      return c.body('{"results": {"data": [', 200, { 'Content-Type': 'application/json; charset=utf-8' });
    }
    return next();
  };
}
