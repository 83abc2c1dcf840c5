// A BFF with every module mounted (portal, audit, dev identity, events + subscriptions, /hooks/xecm,
// provisioning, master data, the LOB hook with review rules) over a real emulator and a tiny LOB system,
// all on the loopback. Records every secret the BFF holds or is handed (tickets, OTDS tokens) and every
// log line, so boundary tests can check nothing leaks.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { demoProvisioningConfig, demoReviewRules } from '../../../demo/stack.js';
import { listen, type Listening } from '../../../demo/server/listen.js';
import { newWebhookSecret } from '../../../demo/server/webhook-signature.js';
import { loadConfig, type BffConfig } from '../../../src/bff/config.js';
import { parseMasterDataConfig } from '../../../src/bff/masterdata/masterdata-config.js';
import { lobHookRoutes } from '../../../src/bff/routes/lob-hook.js';
import { masterDataRoutes } from '../../../src/bff/routes/masterdata.js';
import { provisioningRoutes } from '../../../src/bff/routes/provisioning.js';
import { startBffWithEvents, type RunningBffWithEvents } from '../../../src/bff/server.js';
import { SqliteStore } from '../../../src/bff/store/sqlite-store.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import { logLines, secretWatchingFetch } from './capture.js';
import { signedHeaders } from './signed.js';
import { mintToken } from './tokens.js';

export const ALLOWED_ORIGIN = 'https://crm.example.com';

export interface BoundaryStack {
  emulator: RunningEmulator;
  bff: RunningBffWithEvents;
  lob: Listening;
  config: BffConfig;
  secrets: {
    identity: string;
    adminToken: string;
    portal: string;
    xecmHook: string;
    lobHook: string;
    masterData: string;
    lobService: string;
  };
  /** Configured secrets, every token `tokenFor` minted, every OTDS token and OTCSTicket xECM handed the BFF. */
  leakNeedles(): string[];
  logs: string[];
  tokenFor(user: string): Promise<string>;
  /** Standard Webhooks headers for `body` signed with `secret`. */
  signed(secret: string, body: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startBoundaryStack(): Promise<BoundaryStack> {
  const emulator = await startEmulator({ port: 0 });
  const lobApp = new Hono();
  lobApp.get('/widget/:id', (c) => c.json({ title: `Widget ${c.req.param('id')}`, owner: 'max.sales' }));
  lobApp.get('/widget', (c) => c.json([{ id: 'W-1', title: 'Widget W-1', owner: 'max.sales' }]));
  const lob = await listen(lobApp, 0);

  const secrets = {
    identity: randomBytes(24).toString('base64url'),
    adminToken: randomBytes(24).toString('base64url'),
    portal: randomBytes(32).toString('base64url'),
    xecmHook: newWebhookSecret(),
    lobHook: newWebhookSecret(),
    masterData: randomBytes(24).toString('base64url'),
    lobService: randomBytes(24).toString('base64url'),
  };
  const config = loadConfig({
    NODE_ENV: 'development',
    BFF_PORT: '0',
    XECM_BASE_URL: emulator.url,
    BFF_IDENTITY_SECRET: secrets.identity,
    BFF_ALLOWED_ORIGINS: ALLOWED_ORIGIN,
    BFF_LOG_LEVEL: 'trace',
    BFF_DEV_IDENTITY: '1',
    BFF_PORTAL: '1',
    BFF_PORTAL_SECRET: secrets.portal,
    BFF_ADMIN_TOKEN: secrets.adminToken,
    BFF_HOOK_SECRETS: secrets.xecmHook,
    // The fuzz sends a few hundred requests as one user and one anonymous client.
    BFF_RATE_LIMIT: '100000',
    BFF_PORTAL_RATE_LIMIT: '100000',
    BFF_STORE_PATH: ':memory:',
    // Small enough that a test can stream past it.
    BFF_MAX_UPLOAD_BYTES: String(1024 * 1024),
  });

  const observed = new Set<string>();
  // One token per user for the whole file (they live 5 minutes): every minted token is a leak needle.
  const minted = new Map<string, string>();

  const logs: string[] = [];
  const store = new SqliteStore({ path: ':memory:' });
  const provisioning = provisioningRoutes(demoProvisioningConfig());
  const masterData = masterDataRoutes(
    parseMasterDataConfig({
      serviceToken: secrets.masterData,
      cacheTtlSeconds: 0,
      systems: {
        legacy: {
          adapter: 'http',
          baseUrl: lob.url,
          token: secrets.lobService,
          types: { widget: { path: '/widget/{boId}', fields: { name: 'title', owner: 'owner' } } },
        },
        // Nothing listens on port 9 of the loopback: the one place a 5xx is the right answer.
        offline: {
          adapter: 'http',
          baseUrl: 'http://127.0.0.1:9',
          types: { thing: { fields: { name: 'n' } } },
        },
      },
    }),
  );
  const bff = await startBffWithEvents(config, {
    fetch: secretWatchingFetch(observed),
    store,
    logStream: logLines(logs),
    routes: [
      provisioning.mount,
      masterData.mount,
      lobHookRoutes({
        secrets: [secrets.lobHook],
        provisioning,
        rules: demoReviewRules(config.reviews.workflows.map((w) => w.key)),
      }),
    ],
  });

  return {
    emulator,
    bff,
    lob,
    config,
    secrets,
    logs,
    leakNeedles: () => [...Object.values(secrets), config.otds.clientSecret, ...observed, ...minted.values()],
    async tokenFor(user) {
      const token = minted.get(user) ?? (await mintToken(user, { secret: secrets.identity }));
      minted.set(user, token);
      return token;
    },
    signed: (secret, body) => signedHeaders(secret, body),
    async close() {
      await bff.close();
      store.close();
      await lob.close();
      await emulator.close();
    },
  };
}
