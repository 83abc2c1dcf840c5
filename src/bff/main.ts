// The BFF process: reads env (+ BFF_CONFIG_FILE), listens, stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import type { RouteModule } from './app.js';
import { ConfigError, loadConfig, type BffConfig } from './config.js';
import { provisioningAndMasterDataRoutes } from './masterdata/extension-routes.js';
import { lobHookRoutes } from './routes/lob-hook.js';
import { parseReviewRules } from './services/review-rules.js';
import { startBffWithEvents } from './server.js';

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
const bff = await startBffWithEvents(config, { routes });
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
const stop = (): void => {
  void bff.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
