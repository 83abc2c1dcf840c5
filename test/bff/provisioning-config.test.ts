import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBffApp } from '../../src/bff/app.js';
import { loadConfig } from '../../src/bff/config.js';
import { provisioningAndMasterDataRoutes } from '../../src/bff/masterdata/extension-routes.js';
import { listen } from '../../demo/server/listen.js';

const TOKEN = 'connector-token-from-the-environment-1234';

function configFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'xecm-prov-')), 'bff.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('provisioning and master data from the BFF config file', () => {
  it('mounts POST /v1/workspaces, the LOB hook and /masterdata/v1 from the file and environment', async () => {
    const file = configFile({
      provisioning: {
        eventUser: 'Admin',
        types: [{ system: 'crm', boType: 'account', attributes: { region: '9101_4' } }],
        events: [{ event: 'account.created', boType: 'account', idField: 'accountId' }],
      },
      masterData: {
        systems: {
          crm: {
            adapter: 'http',
            baseUrl: 'http://127.0.0.1:9/md',
            types: { account: { fields: { name: 'name' } } },
          },
        },
      },
    });
    const ext = provisioningAndMasterDataRoutes(
      { BFF_MASTERDATA_TOKEN: TOKEN, BFF_LOB_HOOK_SECRETS: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' },
      file,
    );
    assert.equal(ext.routes.length, 3);
    const config = loadConfig({
      BFF_PORT: '0',
      BFF_LOG_LEVEL: 'silent',
      XECM_BASE_URL: 'http://127.0.0.1:9',
    });
    const bff = await listen(createBffApp(config, { routes: ext.routes }), 0);
    try {
      const md = await fetch(`${bff.url}/masterdata/v1/crm/account/A-1`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(
        md.status,
        502,
        'authenticated with the token from the environment; the LOB system is down',
      );
      const hook = await fetch(`${bff.url}/hooks/lob/crm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(hook.status, 401);
      const create = await fetch(`${bff.url}/v1/workspaces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(create.status, 401, 'the route exists behind the BFF identity');
    } finally {
      await bff.close();
    }
  });

  it('mounts nothing when neither section is configured', () => {
    assert.deepEqual(provisioningAndMasterDataRoutes({}, configFile({ port: 4000 })).routes, []);
  });

  it('names each wrong setting', () => {
    const file = configFile({
      provisioning: { types: [{ system: 'crm', boType: 'account', attributes: { region: 'Region' } }] },
    });
    assert.throws(
      () => provisioningAndMasterDataRoutes({}, file),
      /provisioning\.types\.0\.attributes\.region/,
    );
    assert.throws(
      () => provisioningAndMasterDataRoutes({ BFF_MASTERDATA_TOKEN: 'short' }, configFile({})),
      /masterData\.serviceToken/,
    );
  });
});
