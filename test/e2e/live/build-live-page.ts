// Builds test/e2e/live/pages with Vite the way demo/build-pages.ts builds the demo: the page imports the
// package's public entry `xecm-elements`, aliased to the source. The demo server serves the result
// (`pagesDir`), so the page runs on the origin the BFF allows and signs in with the demo's sessions.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const PAGES_SRC = join(ROOT, 'test/e2e/live/pages');
const OUT = join(ROOT, 'test-results/live-pages');
const SRC = join(ROOT, 'src') + '/';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

/** Builds the live pages into test-results/live-pages (skipped when sources did not change); returns the folder. */
export async function buildLivePages(): Promise<string> {
  const stampFile = join(OUT, '.build-stamp');
  const stamp = String(Math.max(newestMtime(join(ROOT, 'src')), newestMtime(PAGES_SRC)));
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return OUT;
  await build({
    configFile: false,
    root: PAGES_SRC,
    base: '/',
    logLevel: 'error',
    publicDir: false,
    resolve: {
      alias: [{ find: /^xecm-elements$/, replacement: join(ROOT, 'src/index.ts') }],
    },
    plugins: [
      {
        // Served from source, the modules that register the tags must keep their side effects.
        name: 'xecm-source-side-effects',
        enforce: 'pre',
        async resolveId(source, importer, opts) {
          const resolved = await this.resolve(source, importer, { ...opts, skipSelf: true });
          if (resolved && resolved.id.startsWith(SRC)) return { ...resolved, moduleSideEffects: true };
          return resolved;
        },
      },
    ],
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { 'live-badge': join(PAGES_SRC, 'live-badge.html') } },
    },
  });
  writeFileSync(stampFile, stamp);
  return OUT;
}
