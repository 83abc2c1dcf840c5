import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import { Webhook } from 'standardwebhooks';
import { listen, type Listening } from '../../demo/server/listen.js';
import { startDemoServer, type DemoServer } from '../../demo/server/server.js';
import { DEV_TOKEN_SECRET } from '../../demo/server/demo-app.js';
import { newWebhookSecret } from '../../demo/server/webhook-signature.js';

const SERVICE_TOKEN = 'md-service-token-for-tests';

describe('demo LOB server', () => {
  const secret = newWebhookSecret();
  const hooks: { system: string; headers: Record<string, string>; body: string }[] = [];
  let fakeBff: Listening;
  let demo: DemoServer;
  let cookie = '';

  before(async () => {
    const bff = new Hono();
    bff.post('/hooks/lob/:system', async (c) => {
      hooks.push({ system: c.req.param('system'), headers: c.req.header(), body: await c.req.text() });
      return c.json({ accepted: true }, 202);
    });
    fakeBff = await listen(bff, 0);
    demo = await startDemoServer({
      bffUrl: fakeBff.url,
      lobWebhookSecret: secret,
      masterDataToken: SERVICE_TOKEN,
    });
  });
  after(async () => {
    await demo?.close();
    await fakeBff?.close();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(demo.url + path, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        cookie,
        ...(init.headers as object),
      },
    });

  it('refuses the API and tokens before sign-in, and unknown users at sign-in', async () => {
    assert.equal((await api('/api/accounts')).status, 401);
    assert.equal((await api('/api/bff-token')).status, 401);
    const res = await api('/api/session', { method: 'POST', body: JSON.stringify({ user: 'mallory' }) });
    assert.equal(res.status, 400);
    assert.match((await res.json()).detail, /max\.sales/);
  });

  it('signs a demo user in with an HttpOnly cookie and mints a short-lived BFF token for them', async () => {
    const res = await api('/api/session', { method: 'POST', body: JSON.stringify({ user: 'max.sales' }) });
    assert.equal(res.status, 200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /HttpOnly/i);
    cookie = setCookie.split(';')[0]!;
    const tokenRes = await api('/api/bff-token');
    assert.equal(tokenRes.headers.get('cache-control'), 'no-store');
    const { token, expiresIn } = (await tokenRes.json()) as { token: string; expiresIn: number };
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(DEV_TOKEN_SECRET), {
      audience: 'xecm-bff',
    });
    assert.equal(protectedHeader.alg, 'HS256');
    assert.equal(payload.sub, 'max.sales');
    assert.ok(expiresIn <= 900);
    assert.ok(payload.exp! - payload.iat! <= 900);
  });

  it('creates an account and sends a Standard Webhooks signed account.created to the BFF', async () => {
    const res = await api('/api/accounts', {
      method: 'POST',
      body: JSON.stringify({ name: 'Wayne Enterprises', region: 'North America', owner: 'max.sales' }),
    });
    assert.equal(res.status, 201);
    const { account, event } = await res.json();
    assert.match(account.id, /^A-\d+$/);
    assert.equal(event.status, 202);
    const hook = hooks.at(-1)!;
    assert.equal(hook.system, 'crm');
    const verified = new Webhook(secret).verify(hook.body, hook.headers) as {
      type: string;
      data: Record<string, string>;
    };
    assert.equal(verified.type, 'account.created');
    assert.equal(verified.data.accountId, account.id);
    assert.equal(verified.data.name, 'Wayne Enterprises');
    assert.equal(verified.data.region, 'North America');
    const list = (await (await api('/api/accounts')).json()).items as { id: string }[];
    assert.ok(list.some((a) => a.id === account.id));
  });

  it('rejects invalid account input with a readable problem', async () => {
    const res = await api('/api/accounts', {
      method: 'POST',
      body: JSON.stringify({ name: '', region: 'Mars' }),
    });
    assert.equal(res.status, 400);
    const p = await res.json();
    assert.match(p.detail, /name/);
    assert.match(p.detail, /region/);
    const noJson = await api('/api/accounts', {
      method: 'POST',
      body: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(noJson.status, 415);
  });

  it('emits deal.updated with amount and currency when a deal amount changes, and nothing otherwise', async () => {
    const before = hooks.length;
    const res = await api('/api/deals/D-5002', { method: 'PATCH', body: JSON.stringify({ amount: 600000 }) });
    assert.equal(res.status, 200);
    assert.equal(hooks.length, before + 1);
    const data = (
      new Webhook(secret).verify(hooks.at(-1)!.body, hooks.at(-1)!.headers) as { type: string; data: object }
    ).data;
    assert.deepEqual(
      { ...data, previousAmount: undefined },
      { dealId: 'D-5002', accountId: 'A-1001', amount: 600000, currency: 'EUR', previousAmount: undefined },
    );
    await api('/api/deals/D-5002', { method: 'PATCH', body: JSON.stringify({ stage: 'Won' }) });
    assert.equal(hooks.length, before + 1);
  });

  it('serves master data only to the service token, with updates visible at once', async () => {
    assert.equal((await fetch(`${demo.url}/masterdata/account/A-1001`)).status, 401);
    assert.equal((await fetch(`${demo.url}/masterdata/account/A-1001`, { headers: { cookie } })).status, 401);
    const auth = { authorization: `Bearer ${SERVICE_TOKEN}` };
    await api('/api/accounts/A-1001', { method: 'PATCH', body: JSON.stringify({ region: 'APAC' }) });
    const md = await (await fetch(`${demo.url}/masterdata/account/A-1001`, { headers: auth })).json();
    assert.equal(md.name, 'Acme Corporation');
    assert.equal(md.region, 'APAC');
    const po = await (
      await fetch(`${demo.url}/masterdata/purchase-order/PO-4500010001`, { headers: auth })
    ).json();
    assert.equal(po.supplierName, 'Stark Components GmbH');
    assert.equal((await fetch(`${demo.url}/masterdata/account/A-9999`, { headers: auth })).status, 404);
    assert.equal((await fetch(`${demo.url}/masterdata/spaceship/1`, { headers: auth })).status, 404);
    const search = await (await fetch(`${demo.url}/masterdata/supplier?q=steel`, { headers: auth })).json();
    assert.deepEqual(
      search.results.map((r: { id: string }) => r.id),
      ['S-3002'],
    );
  });
});
