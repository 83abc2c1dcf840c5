// Builds test/e2e/live/pages exactly as the demo pages are built (demo/build-pages.ts): the page imports the
// package's public entry `xecm-elements`, aliased to the source. The demo server serves the result
// (`pagesDir`), so the page runs on the origin the BFF allows and signs in with the demo's sessions.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoPages } from '../../../demo/build-pages.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Builds the live pages into test-results/live-pages (skipped when sources did not change); returns the folder. */
export function buildLivePages(): Promise<string> {
  return buildDemoPages({
    pagesSrc: join(ROOT, 'test/e2e/live/pages'),
    pages: ['live-badge'],
    outDir: join(ROOT, 'test-results/live-pages'),
    quiet: true,
  });
}
