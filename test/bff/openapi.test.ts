// /openapi.json against the routes the app really registers: every route documented, nothing documented
// that is not served, and optional modules listed only when mounted.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createBffApp } from '../../src/bff/app.js';
import { loadConfig } from '../../src/bff/config.js';
import { createEventsModule } from '../../src/bff/events/events-module.js';
import type { BffEnv } from '../../src/bff/http/env.js';
import { parseMasterDataConfig } from '../../src/bff/masterdata/masterdata-config.js';
import { lobHookRoutes } from '../../src/bff/routes/lob-hook.js';
import { masterDataRoutes } from '../../src/bff/routes/masterdata.js';
import { buildOpenApi } from '../../src/bff/routes/openapi.js';
import { provisioningRoutes } from '../../src/bff/routes/provisioning.js';
import { parseProvisioningConfig } from '../../src/bff/services/provisioning.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const quiet = new Writable({ write: (_c, _e, done) => done() });
const baseEnv = {
  XECM_BASE_URL: 'http://127.0.0.1:9',
  BFF_IDENTITY_SECRET: 'openapi-test-secret-0123456789-abcdef',
  BFF_LOG_LEVEL: 'silent',
};

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** `GET /v1/workspaces/:id/documents` → `get /v1/workspaces/{id}/documents`; middleware (`use`) is not a route. */
function registered(app: Hono<BffEnv>): Set<string> {
  const out = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const path = r.path.replace(/\/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '/{$1}');
    out.add(`${r.method.toLowerCase()} ${path}`);
  }
  return out;
}

function documented(doc: OpenApi): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of Object.keys(item)) if (METHODS.includes(method)) out.add(`${method} ${path}`);
  return out;
}

async function served(app: Hono<BffEnv>): Promise<OpenApi> {
  const res = await app.request('/openapi.json');
  assert.equal(res.status, 200);
  return (await res.json()) as OpenApi;
}

describe('GET /openapi.json', () => {
  const store = new SqliteStore({ path: ':memory:' });
  after(() => store.close());

  /** Every module mounted, as a fully configured `npm start` process has them. */
  function fullApp(): Hono<BffEnv> {
    const config = loadConfig({
      ...baseEnv,
      BFF_PORTAL: '1',
      BFF_PORTAL_SECRET: 'portal-secret-for-the-openapi-test-0123',
      BFF_ADMIN_TOKEN: 'admin-token-for-the-openapi-test-0123456',
      BFF_DEV_IDENTITY: '1',
    });
    const provisioning = provisioningRoutes(parseProvisioningConfig({}));
    const events = createEventsModule({
      store,
      hookSecrets: [],
      pollUser: 'Admin',
      adminToken: config.adminToken,
    });
    return createBffApp(config, {
      logStream: quiet,
      store,
      events,
      routes: [
        provisioning.mount,
        lobHookRoutes({ secrets: [], provisioning }),
        masterDataRoutes(parseMasterDataConfig({ serviceToken: 'x'.repeat(32), systems: {} })).mount,
      ],
    });
  }

  it('documents every route the fully configured app registers, and nothing it does not serve', async () => {
    const app = fullApp();
    const routes = registered(app);
    const full = documented(buildOpenApi() as unknown as OpenApi);
    const missing = [...routes].filter((r) => !full.has(r));
    assert.deepEqual(missing, [], `routes missing from the OpenAPI document: ${missing.join(', ')}`);
    const phantom = [...full].filter((r) => !routes.has(r));
    assert.deepEqual(phantom, [], `documented but not served: ${phantom.join(', ')}`);
    // The served document is the same set, and each operation says what it answers.
    const doc = await served(app);
    assert.deepEqual([...documented(doc)].sort(), [...routes].sort());
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        if (METHODS.includes(method))
          assert.ok(Object.keys(op.responses ?? {}).length > 0, `${method} ${path} has responses`);
    // Spot checks of routes added by other modules.
    for (const key of [
      'get /portal/v1/workspaces/{id}/documents',
      'get /v1/reviews/options',
      'post /v1/reviews',
      'get /v1/events',
      'post /v1/subscriptions',
      'post /hooks/xecm',
      'post /hooks/lob/{system}',
      'post /v1/workspaces',
      'get /v1/audit',
      'get /masterdata/v1/{system}/{boType}/{boId}',
    ])
      assert.ok(routes.has(key), key);
  });

  it('lists only what a plain instance serves: core and review routes, no optional modules', async () => {
    const app = createBffApp(loadConfig(baseEnv), { logStream: quiet });
    const doc = await served(app);
    const paths = Object.keys(doc.paths);
    assert.deepEqual([...documented(doc)].sort(), [...registered(app)].sort());
    for (const path of ['/v1/workspaces/{id}/documents', '/v1/reviews', '/v1/reviews/{id}', '/healthz'])
      assert.ok(paths.includes(path), path);
    for (const prefix of ['/portal/', '/hooks/', '/masterdata/', '/v1/subscriptions', '/v1/audit', '/dev/'])
      assert.ok(!paths.some((p) => p.startsWith(prefix)), `no ${prefix} routes`);
    assert.ok(!doc.paths['/v1/workspaces']?.post, 'no provisioning without its module');
  });

  it('generates its schemas from the contract', async () => {
    const doc = await served(createBffApp(loadConfig(baseEnv), { logStream: quiet }));
    assert.equal(doc.openapi, '3.1.0');
    const s = doc.components.schemas;
    assert.ok(s.WorkspaceSummary?.properties?.documentCount);
    assert.ok(s.DocumentItem?.properties?.downloadUrl);
    assert.ok(s.ReviewOptions?.properties?.canStart);
    assert.ok(s.DomainEvent?.properties?.type);
    assert.ok(s.CreateWorkspaceRequest?.properties?.businessObject);
    assert.ok(s.Subscription?.properties && !('secret' in s.Subscription.properties), 'no secret in views');
  });
});
