// The BFF process: reads env (+ BFF_CONFIG_FILE), listens, stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import type { RouteModule } from './app.js';
import { ConfigError, loadConfig, type BffConfig } from './config.js';
import { provisioningAndMasterDataRoutes } from './masterdata/extension-routes.js';
import { lobHookRoutes } from './routes/lob-hook.js';
import { parseReviewRules } from './services/review-rules.js';
import { startBffWithEvents, StartupError, type RunningBffWithEvents } from './server.js';

let config: BffConfig;
let routes: RouteModule[];
try {
  config = loadConfig(process.env);
  const file = process.env.BFF_CONFIG_FILE;
  const sections: Record<string, unknown> = file
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  if (sections.reviewRules !== undefined) {
    // Review rules own /hooks/lob/:system and run provisioning there too (docs/reviews.md).
    const rules = parseReviewRules(
      sections.reviewRules,
      config.reviews.workflows.map((w) => w.key),
    );
    const secrets = (process.env.BFF_LOB_HOOK_SECRETS ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const ext = provisioningAndMasterDataRoutes({ ...process.env, BFF_LOB_HOOK_SECRETS: '' });
    routes = [
      ...ext.routes,
      lobHookRoutes({
        secrets,
        rules,
        ...(ext.provisioning ? { provisioning: ext.provisioning } : {}),
      }),
    ];
  } else {
    // Optional modules configured in the same file (`provisioning`, `masterData` sections).
    routes = provisioningAndMasterDataRoutes(process.env).routes;
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(78);
}
// Events, subscriptions and the durable store run in every BFF process (BFF_STORE_PATH, BFF_HOOK_SECRETS).
let bff: RunningBffWithEvents;
try {
  bff = await startBffWithEvents(config, { routes });
} catch (error) {
  // A taken port or a store another BFF holds is the operator's to fix: one line, no stack trace.
  console.error(error instanceof StartupError ? error.message : `BFF failed to start: ${String(error)}`);
  process.exit(1);
}
bff.ctx.logger.info(
  {
    url: bff.url,
    xecm: config.xecm.baseUrl,
    devIdentity: config.identity.devMode,
    modules: routes.length,
    store: config.storePath === ':memory:' ? 'memory' : 'file',
  },
  'BFF listening',
);
/** Longest a stop may take (docs/bff.md, "Stopping"); what is still in flight then is retried after a restart. */
const STOP_DEADLINE_MS = 10_000;
let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  bff.ctx.logger.info({ signal }, 'BFF stopping');
  const deadline = setTimeout(() => {
    bff.ctx.logger.error({ signal }, 'BFF did not stop in time; exiting anyway');
    process.exit(1);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  bff.close().then(
    () => {
      bff.ctx.logger.info('BFF stopped');
      process.exit(0);
    },
    (error: unknown) => {
      bff.ctx.logger.error({ err: error }, 'BFF stopped with an error');
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
