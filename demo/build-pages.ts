import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const PAGES_SRC = join(ROOT, 'demo/pages');
export const PAGES_OUT = join(ROOT, 'dist-demo');
const SRC = join(ROOT, 'src') + '/';
const PAGES = ['index', 'crm', 'erp', 'portal', 'plain', 'react'] as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

/**
 * Builds the demo pages with Vite into `dist-demo/` (skipped when nothing changed since the last build).
 * A static build keeps `npm start` and the end-to-end test deterministic: no dev-server dependency
 * optimisation or reloads mid-test. The pages import `xecm-elements`, aliased to the package source.
 */
export async function buildDemoPages(
  options: {
    outDir?: string;
    force?: boolean;
    quiet?: boolean;
    /** Another folder of pages built the same way (test pages); default the demo's. */
    pagesSrc?: string;
    /** Page names (`<name>.html` in pagesSrc). */
    pages?: readonly string[];
  } = {},
): Promise<string> {
  const outDir = options.outDir ?? PAGES_OUT;
  const pagesSrc = options.pagesSrc ?? PAGES_SRC;
  const pages = options.pages ?? PAGES;
  const stampFile = join(outDir, '.build-stamp');
  // Changes to the package source or the pages require a rebuild.
  const stamp = String(Math.max(newestMtime(join(ROOT, 'src')), newestMtime(pagesSrc)));
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return outDir;
  await build({
    configFile: false,
    root: pagesSrc,
    base: '/',
    logLevel: options.quiet ? 'error' : 'warn',
    publicDir: false,
    resolve: {
      // The package's public entry points (package.json `exports`), served from source for the demo.
      alias: [
        { find: /^xecm-elements$/, replacement: join(ROOT, 'src/index.ts') },
        { find: /^xecm-elements\/(client|contract|elements)$/, replacement: join(ROOT, 'src/$1/index.ts') },
        { find: /^xecm-elements\/react$/, replacement: join(ROOT, 'src/react.ts') },
      ],
    },
    plugins: [
      {
        // package.json `sideEffects` names the built dist files; served from source, the modules that
        // register the tags must keep their side effects too.
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
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: { input: Object.fromEntries(pages.map((p) => [p, join(pagesSrc, `${p}.html`)])) },
    },
  });
  writeFileSync(stampFile, stamp);
  return outDir;
}
