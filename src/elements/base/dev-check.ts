import { isDevMode } from './dev-mode.js';

/**
 * Runs an element's attribute checks from a module that only development builds load (see isDevMode):
 * production pages never download the warning texts. The values are taken now; the warnings follow a
 * moment later (at once after the first time).
 */
export function devCheck<V>(load: () => Promise<(values: V) => void>, values: () => V): void {
  if (!isDevMode()) return;
  const snapshot = values();
  load().then(
    (check) => check(snapshot),
    () => undefined,
  );
}
