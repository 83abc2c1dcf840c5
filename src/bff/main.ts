// The BFF process: reads env (+ BFF_CONFIG_FILE), listens, stops on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config.js';
import { startBff } from './server.js';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
const bff = await startBff(config);
bff.ctx.logger.info(
  { url: bff.url, xecm: config.xecm.baseUrl, devIdentity: config.identity.devMode },
  'BFF listening',
);
const stop = (): void => {
  void bff.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
