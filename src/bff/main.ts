// The BFF process: reads env (+ BFF_CONFIG_FILE), listens, stops on SIGINT/SIGTERM.
import type { RouteModule } from './app.js';
import { ConfigError, loadConfig, type BffConfig } from './config.js';
import { provisioningAndMasterDataRoutes } from './masterdata/extension-routes.js';
import { startBffWithEvents } from './server.js';

let config: BffConfig;
let routes: RouteModule[];
try {
  config = loadConfig(process.env);
  // Optional modules configured in the same file (`provisioning`, `masterData` sections).
  routes = provisioningAndMasterDataRoutes(process.env).routes;
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
