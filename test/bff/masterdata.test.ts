import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { createBffApp } from '../../src/bff/app.js';
import { loadConfig } from '../../src/bff/config.js';
import { demoLobSystems, parseMasterDataConfig } from '../../src/bff/masterdata/masterdata-config.js';
import { masterDataRoutes, type MasterDataModule } from '../../src/bff/routes/masterdata.js';
import { listen, type Listening } from '../../demo/server/listen.js';
import { startDemoServer, type DemoServer } from '../../demo/server/server.js';
import { newWebhookSecret } from '../../demo/server/webhook-signature.js';

const SERVICE_TOKEN = 'xecm-connector-service-token-0123456789';
const LOB_TOKEN = 'bff-to-lob-token-for-tests';

describe('master-data gateway /masterdata/v1', () => {
  let demo: DemoServer;
  let slowLob: Listening;
  let bff: Listening;
  let md: MasterDataModule;
  const lobCalls: string[] = [];

  before(async () => {
    demo = await startDemoServer({ lobWebhookSecret: newWebhookSecret(), masterDataToken: LOB_TOKEN });
    const slow = new Hono();
    slow.get('/*', async (c) => {
      lobCalls.push(c.req.path);
      if (c.req.path.includes('hang')) await new Promise((r) => setTimeout(r, 2000));
      if (c.req.path.includes('broken')) return c.text('<html>oops</html>', 200);
      if (c.req.path.includes('fail')) return c.json({ error: 'down' }, 503);
      return c.json({ id: 'X-1', title: 'Slow thing', owner: 'someone' });
    });
    slowLob = await listen(slow, 0);
    const systems = {
      ...demoLobSystems(demo.url, LOB_TOKEN),
      legacy: {
        adapter: 'http',
        baseUrl: slowLob.url,
        timeoutMs: 300,
        types: { widget: { path: '/api/widgets/{boId}', fields: { name: 'title', owner: 'owner' } } },
      },
      // Nothing listens on port 9 of the loopback (discard): connection refused.
      offline: {
        adapter: 'http',
        baseUrl: 'http://127.0.0.1:9',
        types: { thing: { fields: { name: 'name' } } },
      },
    };
    md = masterDataRoutes(
      parseMasterDataConfig({ serviceToken: SERVICE_TOKEN, cacheTtlSeconds: 60, systems }),
    );
    const config = loadConfig({
      BFF_PORT: '0',
      BFF_LOG_LEVEL: 'silent',
      XECM_BASE_URL: 'http://127.0.0.1:9',
    });
    bff = await listen(createBffApp(config, { routes: [md.mount] }), 0);
  });
  after(async () => {
    await bff?.close();
    await slowLob?.close();
    await demo?.close();
  });

  const get = async (path: string, token = SERVICE_TOKEN) => {
    const res = await fetch(
      `${bff.url}/masterdata/v1${path}`,
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: (await res.json()) as Record<string, unknown>,
    };
  };

  it('answers xECM with the mapped properties of a CRM account', async () => {
    const { status, body } = await get('/crm/account/A-1001');
    assert.equal(status, 200);
    assert.deepEqual(body, {
      system: 'crm',
      boType: 'account',
      boId: 'A-1001',
      properties: {
        name: 'Acme Corporation',
        accountNumber: 'A-1001',
        owner: 'max.sales',
        region: 'EMEA',
        status: 'Active',
        industry: 'Manufacturing',
      },
    });
  });

  it('maps fields per type by configuration (an ERP purchase order becomes a project)', async () => {
    const { body } = await get('/erp/purchase-order/PO-4500010001');
    assert.deepEqual(body.properties, {
      name: 'Gearboxes for line 3',
      projectId: 'PO-4500010001',
      owner: 'max.sales',
      region: 'EMEA',
      status: 'Planned',
      budget: '74000',
    });
  });

  it('searches a LOB system', async () => {
    const { status, body } = await get('/erp/supplier?q=steel');
    assert.equal(status, 200);
    const results = body.results as { boId: string; properties: Record<string, string> }[];
    assert.deepEqual(
      results.map((r) => [r.boId, r.properties.supplierNumber]),
      [['S-3002', 'S-3002']],
    );
  });

  it('lets only the service caller in: no token, a wrong token or a browser BFF token get 401', async () => {
    assert.equal((await get('/crm/account/A-1001', '')).status, 401);
    assert.equal((await get('/crm/account/A-1001', 'not-the-token')).status, 401);
    const browserJwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXguc2FsZXMiLCJhdWQiOiJ4ZWNtLWJmZiJ9.c2lnbmF0dXJl';
    const res = await get('/crm/account/A-1001', browserJwt);
    assert.equal(res.status, 401);
    assert.match(res.type, /application\/problem\+json/);
    assert.equal(res.body.code, 'unauthenticated');
  });

  it('answers 404 problems for unknown objects, systems and types, 400 for malformed ids', async () => {
    for (const path of ['/crm/account/A-0000', '/hr/employee/1', '/crm/lead/L-1']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.code, 'not-found');
      assert.match(res.type, /application\/problem\+json/);
    }
    assert.equal((await get('/crm/account/..%2F..%2Fetc')).status, 400);
    assert.equal((await get('/CRM/account/A-1001')).status, 400);
  });

  it('answers 502 when the LOB system is unreachable, failing or malformed, 504 when it hangs', async () => {
    const offline = await get('/offline/thing/1');
    assert.equal(offline.status, 502);
    assert.equal(offline.body.code, 'upstream-error');
    assert.match(String(offline.body.detail), /offline/);
    assert.equal((await get('/legacy/widget/fail-1')).status, 502);
    assert.equal((await get('/legacy/widget/broken-1')).status, 502);
    const hang = await get('/legacy/widget/hang-1');
    assert.equal(hang.status, 504);
    assert.equal(hang.body.code, 'upstream-timeout');
  });

  it('calls the LOB system with its own path template and caches successful reads until invalidated', async () => {
    lobCalls.length = 0;
    assert.deepEqual((await get('/legacy/widget/W-7')).body.properties, {
      name: 'Slow thing',
      owner: 'someone',
    });
    await get('/legacy/widget/W-7');
    assert.deepEqual(lobCalls, ['/api/widgets/W-7']);
    const region = async () =>
      ((await get('/crm/account/A-1002')).body.properties as Record<string, string>).region;
    demo.store.updateAccount('A-1002', { region: 'APAC' });
    assert.equal(await region(), 'APAC');
    demo.store.updateAccount('A-1002', { region: 'LATAM' });
    assert.equal(await region(), 'APAC', 'served from the cache');
    md.gateway.invalidate('crm', 'account', 'A-1002');
    assert.equal(await region(), 'LATAM');
  });

  it('refuses bad configuration at boot with the setting named', () => {
    assert.throws(
      () => parseMasterDataConfig({ serviceToken: 'short', systems: {} }),
      /masterData\.serviceToken: must be at least 24 characters/,
    );
    assert.throws(
      () =>
        parseMasterDataConfig({
          serviceToken: SERVICE_TOKEN,
          systems: { crm: { adapter: 'http', baseUrl: 'ftp://x', types: { a: { fields: {} } } } },
        }),
      /masterData\.systems\.crm\.baseUrl/,
    );
  });
});
