import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';

describe('emulator: authentication', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ ticketTtlSeconds: 60 });
  });
  after(() => emu.close());

  it('answers GET /api/v1/ping without credentials', async () => {
    const res = await emu.get('/api/v1/ping');
    assert.equal(res.status, 200);
    assert.ok(Array.isArray(res.json['rest_api']));
  });

  it('logs in with form-urlencoded and with multipart fields', async () => {
    const urlencoded = await emu.form('POST', '/api/v1/auth', { username: 'Admin', password: 'livelink' });
    assert.equal(urlencoded.status, 200);
    assert.match(urlencoded.json['ticket'], /^[\w-]{32,}$/);
    const form = new FormData();
    form.set('username', 'lena.legal');
    form.set('password', 'demo');
    const multipart = await emu.multipart('POST', '/api/v1/auth', form);
    assert.equal(multipart.status, 200);
    assert.notEqual(multipart.json['ticket'], urlencoded.json['ticket']);
  });

  it('answers bad credentials with 401 and missing arguments with 500, CS-style', async () => {
    const bad = await emu.form('POST', '/api/v1/auth', { username: 'Admin', password: 'nope' });
    assert.equal(bad.status, 401);
    assert.equal(typeof bad.json['error'], 'string');
    const missing = await emu.form('POST', '/api/v1/auth', { username: 'Admin' });
    assert.equal(missing.status, 500);
    assert.equal(typeof missing.json['error'], 'string');
    const json = await fetch(`${emu.url}/api/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'Admin', password: 'livelink' }),
    });
    assert.equal(json.status, 500, 'Content Server does not read JSON request bodies');
  });

  it('returns the user for a ticket and renews the ticket in the OTCSTicket response header', async () => {
    const ticket = await emu.ticket('regular');
    const res = await fetch(`${emu.url}/api/v1/auth`, { headers: { OTCSTicket: ticket } });
    const body = (await res.json()) as { data: { id: number; name: string } };
    assert.equal(res.status, 200);
    assert.equal(body.data.name, 'max.sales');
    assert.equal(body.data.id, WELL_KNOWN.users.regular.id);
    const renewed = res.headers.get('otcsticket');
    assert.ok(renewed && renewed !== ticket);
    const again = await fetch(`${emu.url}/api/v1/auth`, { headers: { OTCSTicket: renewed } });
    assert.equal(again.status, 200);
  });

  it('accepts the ticket as the LLCookie cookie', async () => {
    const ticket = await emu.ticket('reviewer');
    const res = await fetch(`${emu.url}/api/v1/auth`, { headers: { cookie: `LLCookie=${ticket}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { data: { name: string } }).data.name, 'lena.legal');
  });

  it('answers 401 "Authentication Required" without credentials or with an unknown ticket', async () => {
    const variants: Record<string, string>[] = [
      {},
      { OTCSTicket: 'not-a-ticket' },
      { Authorization: 'Bearer nope' },
    ];
    for (const headers of variants) {
      const res = await fetch(`${emu.url}/api/v2/nodes/${WELL_KNOWN.acme.workspaceId}`, { headers });
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: 'Authentication Required' });
      assert.equal(res.headers.get('otcsticket'), null);
    }
  });

  it('expires tickets when the emulator clock passes their lifetime', async () => {
    const login = await emu.form('POST', '/api/v1/auth', { username: 'max.sales', password: 'demo' });
    const ticket = String(login.json['ticket']);
    const ok = await fetch(`${emu.url}/api/v1/auth`, { headers: { OTCSTicket: ticket } });
    assert.equal(ok.status, 200);
    const advanced = await emu.control('POST', '/emulator/clock/advance', { seconds: 61 });
    assert.equal(advanced.status, 200);
    const expired = await fetch(`${emu.url}/api/v1/auth`, { headers: { OTCSTicket: ticket } });
    assert.equal(expired.status, 401);
    assert.equal(((await expired.json()) as { error: string }).error, 'Authentication Required');
    emu.forget('regular');
    emu.forget('reviewer');
  });

  it('ends the session on DELETE /api/v1/auth', async () => {
    const login = await emu.form('POST', '/api/v1/auth', { username: 'max.sales', password: 'demo' });
    const ticket = String(login.json['ticket']);
    const del = await fetch(`${emu.url}/api/v1/auth`, { method: 'DELETE', headers: { OTCSTicket: ticket } });
    assert.equal(del.status, 200);
    assert.equal(del.headers.get('otcsticket'), null);
    const after = await fetch(`${emu.url}/api/v1/auth`, { headers: { OTCSTicket: ticket } });
    assert.equal(after.status, 401);
  });

  describe('OTDS', () => {
    async function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
      const res = await fetch(`${emu.url}/otdsws/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    }

    it('issues a client_credentials token (form fields or HTTP Basic) that alone cannot use Content Server', async () => {
      const viaForm = await token({
        grant_type: 'client_credentials',
        client_id: 'xecm-bff',
        client_secret: 'bff-secret',
      });
      assert.equal(viaForm.status, 200);
      assert.equal(viaForm.json['token_type'], 'Bearer');
      assert.equal(viaForm.json['issued_token_type'], ACCESS_TOKEN);
      assert.equal(viaForm.json['expires_in'], 3600);
      const basic = Buffer.from('xecm-bff:bff-secret').toString('base64');
      const viaBasic = await token({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
      assert.equal(viaBasic.status, 200);
      const res = await fetch(`${emu.url}/api/v1/auth`, {
        headers: { authorization: `Bearer ${String(viaForm.json['access_token'])}` },
      });
      assert.equal(res.status, 401, 'a service token acts as nobody until exchanged');
    });

    it('rejects unknown clients and wrong secrets', async () => {
      const res = await token({
        grant_type: 'client_credentials',
        client_id: 'xecm-bff',
        client_secret: 'wrong',
      });
      assert.equal(res.status, 401);
      assert.equal(res.json['error'], 'invalid_client');
    });

    it('exchanges the service token for a user token (RFC 8693) that GET /api/v1/auth turns into a ticket', async () => {
      const service = await token({
        grant_type: 'client_credentials',
        client_id: 'xecm-bff',
        client_secret: 'bff-secret',
      });
      const exchanged = await token({
        grant_type: TOKEN_EXCHANGE,
        client_id: 'xecm-bff',
        client_secret: 'bff-secret',
        subject_token: String(service.json['access_token']),
        subject_token_type: ACCESS_TOKEN,
        requested_subject: 'rex.restricted',
      });
      assert.equal(exchanged.status, 200);
      const res = await fetch(`${emu.url}/api/v1/auth`, {
        headers: { authorization: `Bearer ${String(exchanged.json['access_token'])}` },
      });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { data: { name: string } }).data.name, 'rex.restricted');
      const ticket = res.headers.get('otcsticket');
      assert.ok(ticket);
      const withTicket = await fetch(`${emu.url}/api/v2/nodes/${WELL_KNOWN.acme.confidentialFolderId}`, {
        headers: { OTCSTicket: ticket },
      });
      assert.equal(withTicket.status, 400, 'the ticket acts as the exchanged user, with their permissions');
    });

    it('refuses token exchange for an unknown user or a forged subject token', async () => {
      const service = await token({
        grant_type: 'client_credentials',
        client_id: 'xecm-bff',
        client_secret: 'bff-secret',
      });
      const base = {
        grant_type: TOKEN_EXCHANGE,
        client_id: 'xecm-bff',
        client_secret: 'bff-secret',
        subject_token_type: ACCESS_TOKEN,
      };
      const unknown = await token({
        ...base,
        subject_token: String(service.json['access_token']),
        requested_subject: 'mallory',
      });
      assert.equal(unknown.status, 400);
      const forged = await token({ ...base, subject_token: 'forged', requested_subject: 'Admin' });
      assert.equal(forged.status, 400);
      assert.equal(forged.json['error'], 'invalid_grant');
    });

    it('issues an OTDS ticket from /otdsws/v1/authentication/credentials that the OTDSTicket header accepts', async () => {
      const res = await fetch(`${emu.url}/otdsws/v1/authentication/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName: 'lena.legal', password: 'demo' }),
      });
      assert.equal(res.status, 200);
      const { ticket } = (await res.json()) as { ticket: string };
      const me = await fetch(`${emu.url}/api/v1/auth`, { headers: { OTDSTicket: ticket } });
      assert.equal(me.status, 200);
      assert.ok(me.headers.get('otcsticket'));
      const wrong = await fetch(`${emu.url}/otdsws/v1/authentication/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_name: 'lena.legal', password: 'nope' }),
      });
      assert.equal(wrong.status, 401);
    });
  });
});
