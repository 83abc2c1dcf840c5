// One LOB system must not be able to send events as another: a secret bound to a system
// (`BFF_LOB_HOOK_SECRETS=crm=whsec_…,erp=whsec_…`) signs for that system only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedHeaders } from './helpers/signed.js';
import { loadConfig } from '../../src/bff/config.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import { lobHookRoutes } from '../../src/bff/routes/lob-hook.js';
import { startBff, type RunningBff } from '../../src/bff/server.js';

describe('authorization: LOB hook secrets per system', () => {
  const crm = generateWebhookSecret();
  const erp = generateWebhookSecret();
  const shared = generateWebhookSecret();
  let bff: RunningBff;

  before(async () => {
    const config = loadConfig({
      BFF_PORT: '0',
      BFF_LOG_LEVEL: 'silent',
      XECM_BASE_URL: 'http://127.0.0.1:9',
    });
    bff = await startBff(config, {
      routes: [lobHookRoutes({ secrets: [`crm=${crm}`, `erp=${erp}`, shared] })],
    });
  });
  after(() => bff.close());

  let n = 0;
  const send = async (system: string, secret: string) => {
    const body = JSON.stringify({
      type: 'deal.updated',
      timestamp: new Date().toISOString(),
      data: { dealId: `D-${++n}`, amount: 1 },
    });
    const res = await fetch(`${bff.url}/hooks/lob/${system}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(secret, body, `msg_${n}`) },
      body,
    });
    await res.body?.cancel();
    return res.status;
  };

  it('accepts each system only with its own secret', async () => {
    assert.equal(await send('crm', crm), 202);
    assert.equal(await send('erp', erp), 202);
    assert.equal(await send('crm', erp), 401, 'the ERP cannot speak for the CRM');
    assert.equal(await send('erp', crm), 401, 'nor the CRM for the ERP');
    assert.equal(await send('crm', shared), 401, 'a bound system ignores the shared secret');
  });

  it('keeps an unbound secret valid for systems without one of their own', async () => {
    assert.equal(await send('cases', shared), 202);
    assert.equal(await send('cases', crm), 401);
  });
});
