import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBff } from '../../src/bff/app.js';
import { loadConfig } from '../../src/bff/config.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { StoreUnavailableError } from '../../src/bff/store/store.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

const LIST = `/portal/v1/workspaces/${WELL_KNOWN.acme.workspaceId}/documents`;

describe('portal audit store', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(() => emulator.close());

  const config = () =>
    loadConfig({
      XECM_BASE_URL: emulator.url,
      BFF_PORTAL: '1',
      BFF_LOG_LEVEL: 'silent',
      BFF_ADMIN_TOKEN: 'a'.repeat(32),
    });

  it('writes to the store the host passes in (shared with events)', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const { app } = createBff(config(), { store });
    assert.equal((await app.request(LIST)).status, 200);
    assert.deepEqual(
      store.queryAudit({}).map((r) => [r.result, r.workspaceId]),
      [['list:ok', String(WELL_KNOWN.acme.workspaceId)]],
    );
    store.close();
  });

  it('fails closed with 503 when the audit row cannot be written', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    store.addAudit = () => {
      throw new StoreUnavailableError();
    };
    const { app } = createBff(config(), { store });
    const res = await app.request(LIST);
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as { code: string }).code, 'store-unavailable');
    store.close();
  });
});
