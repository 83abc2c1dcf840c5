// Browser tests (elements and client) in Debian's Chromium. See scripts/ensure-chromium.ts.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

// The build ships src/ with its Lit templates shrunk (bench/minify-lit-templates.ts, see vite.config.ts); the
// tests run the same transform so they test what ships. tsImport loads the TypeScript module under plain
// `wtr` too, without `node --import tsx`.
const { minifyLitTemplates } = await tsImport('./bench/minify-lit-templates.ts', import.meta.url);

/** Like vite.config.ts's `litTemplateMinifier()`: our own sources, as TypeScript, before esbuild strips types. */
function litTemplatesAsBuilt() {
  return {
    name: 'xecm:minify-lit-templates',
    transform(context) {
      if (!/^\/src\/.*\.ts$/.test(context.path) || typeof context.body !== 'string') return undefined;
      const body = minifyLitTemplates(context.body, context.path);
      return body === context.body ? undefined : { body };
    },
  };
}

export default {
  files: ['test/elements/**/*.test.ts', 'test/client/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page at a time: a background page gets no animation frames or focus, which the virtualized list and
  // keyboard tests need.
  concurrency: 1,
  middleware: [
    // msw's service worker must be served from / to control the whole test page.
    function mswWorkerAtRoot(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  plugins: [
    litTemplatesAsBuilt(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  // A file with 10,000-row lists takes ~25 s alone; on a loaded 2-core runner the default 120 s was seen to run out.
  testsFinishTimeout: 300_000,
};
