// The HTTP layer on its own (no xECM needed): problems, CORS, CSRF rule, ids, identity, headers.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createBffApp, type RouteModule } from '../../src/bff/app.js';
import { loadConfig } from '../../src/bff/config.js';
import { mintToken } from './helpers/tokens.js';

const SECRET = 'test-secret-for-http-hygiene-0123456789';
const ORIGIN = 'https://crm.example.com';

function setup(env: Record<string, string> = {}, routes: RouteModule[] = []) {
  const upstreamCalls: string[] = [];
  const logLines: string[] = [];
  const config = loadConfig({
    XECM_BASE_URL: 'http://127.0.0.1:9',
    BFF_IDENTITY_SECRET: SECRET,
    BFF_ALLOWED_ORIGINS: ORIGIN,
    BFF_LOG_LEVEL: 'info',
    ...env,
  });
  const app = createBffApp(config, {
    routes,
    fetch: async (input) => {
      upstreamCalls.push(String(input));
      throw new TypeError('fetch failed');
    },
    logStream: new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  return { app, upstreamCalls, logLines };
}

const token = (
  user = 'max.sales',
  extra: Parameters<typeof mintToken>[1] extends infer T ? Partial<T> : never = {},
) => mintToken(user, { secret: SECRET, ...extra });

async function problemOf(res: Response, status: number, code: string) {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(body.type, `https://xecm-elements.dev/problems/${code}`);
  assert.equal(typeof body.requestId, 'string');
  assert.equal(body.requestId, res.headers.get('x-request-id'));
  assert.ok(!/\bat \S+ \(|\.ts:\d+/.test(JSON.stringify(body)), 'no stack trace');
  return body;
}

describe('BFF HTTP hygiene', () => {
  it('answers unknown routes with a 404 problem', async () => {
    const { app } = setup();
    await problemOf(await app.request('/nope'), 404, 'not-found');
    await problemOf(
      await app.request('/v1/workspaces/1/nope', { headers: { Authorization: `Bearer ${await token()}` } }),
      404,
      'not-found',
    );
  });

  it('says the audit trail needs portal mode instead of refusing the admin token as a user', async () => {
    const admin = 'an-admin-token-of-at-least-32-characters';
    const { app, upstreamCalls } = setup({ BFF_ADMIN_TOKEN: admin });
    const body = await problemOf(
      await app.request('/v1/audit', { headers: { Authorization: `Bearer ${admin}` } }),
      404,
      'not-found',
    );
    assert.match(String(body.detail), /portal mode \(BFF_PORTAL\)/);
    assert.deepEqual(upstreamCalls, []);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const { app } = setup();
    const auth = { Authorization: `Bearer ${await token()}` };
    const res = await app.request('/v1/workspaces/10100', { method: 'DELETE', headers: auth });
    await problemOf(res, 405, 'method-not-allowed');
    assert.match(res.headers.get('allow') ?? '', /GET/);
    const put = await app.request('/healthz', { method: 'PUT' });
    await problemOf(put, 405, 'method-not-allowed');
    assert.equal(put.headers.get('allow'), 'GET, HEAD');
  });

  it('requires a valid bearer token on /v1 routes', async () => {
    const { app, upstreamCalls } = setup();
    const cases: (string | undefined)[] = [
      undefined,
      'Basic abc',
      'Bearer not-a-jwt',
      `Bearer ${await mintToken('max.sales', { secret: 'another-secret-another-secret-1234' })}`,
      `Bearer ${await token('max.sales', { audience: 'someone-else' })}`,
      `Bearer ${await token('max.sales', { expiresIn: -120 })}`,
      `Bearer ${await token('max.sales', { expiresIn: 3600 })}`,
      `Bearer ${await token('max.sales', { omitIat: true })}`,
      `Bearer ${await token('../etc/passwd')}`,
    ];
    for (const authorization of cases) {
      const res = await app.request('/v1/workspaces/10100', {
        headers: authorization ? { Authorization: authorization } : {},
      });
      await problemOf(res, 401, 'unauthenticated');
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.equal(upstreamCalls.length, 0);
  });

  it('checks issuer when configured and tolerates small clock skew', async () => {
    const { app } = setup({ BFF_TOKEN_ISSUER: 'https://crm.example.com' });
    const wrongIssuer = await token('max.sales', { issuer: 'https://evil.example.com' });
    await problemOf(
      await app.request('/v1/workspaces/1', { headers: { Authorization: `Bearer ${wrongIssuer}` } }),
      401,
      'unauthenticated',
    );
    // Right issuer, just expired within the 30 s tolerance: accepted, so the request reaches xECM (unreachable here).
    const skewed = await token('max.sales', { issuer: 'https://crm.example.com', expiresIn: -10 });
    const res = await app.request('/v1/workspaces/1', { headers: { Authorization: `Bearer ${skewed}` } });
    await problemOf(res, 503, 'upstream-unavailable');
  });

  it('rejects malformed ids with 400 and never calls xECM', async () => {
    const { app, upstreamCalls } = setup();
    const auth = { Authorization: `Bearer ${await token()}` };
    const bad = ['abc', '1234567890123', '-1', '1.5', '%2e%2e', '12%2F34', '1%00', '12@x', '1e3', ' 1'];
    for (const id of bad) {
      for (const path of [
        `/v1/workspaces/${id}`,
        `/v1/workspaces/${id}/documents`,
        `/v1/documents/${id}`,
        `/v1/documents/${id}/content`,
      ]) {
        const res = await app.request(path, { headers: auth });
        assert.ok([400, 404].includes(res.status), `${path} → ${res.status}`);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
      }
    }
    const body = await problemOf(
      await app.request('/v1/workspaces/abc', { headers: auth }),
      400,
      'bad-request',
    );
    assert.deepEqual((body.errors as { path: string }[])[0]!.path, 'id');
    assert.equal(upstreamCalls.length, 0);
  });

  it('validates query strings against the contract', async () => {
    const { app, upstreamCalls } = setup();
    const auth = { Authorization: `Bearer ${await token()}` };
    for (const qs of [
      'pageSize=0',
      'pageSize=201',
      'page=0',
      'page=x',
      'sort=owner',
      'sort=--name',
      `q=${'x'.repeat(201)}`,
    ]) {
      const body = await problemOf(
        await app.request(`/v1/workspaces/10100/documents?${qs}`, { headers: auth }),
        400,
        'bad-request',
      );
      assert.ok(Array.isArray(body.errors) && body.errors.length > 0);
    }
    await problemOf(
      await app.request('/v1/workspaces/lookup?system=crm&type=account', { headers: auth }),
      400,
      'bad-request',
    );
    assert.equal(upstreamCalls.length, 0);
  });

  it('requires X-Requested-With and a JSON or multipart body on state-changing requests', async () => {
    const { app, upstreamCalls } = setup();
    const auth = { Authorization: `Bearer ${await token()}` };
    const body = JSON.stringify({ items: [{ workspaceId: '10100' }] });
    await problemOf(
      await app.request('/v1/workspaces/lookup:batch', {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body,
      }),
      403,
      'csrf-header-missing',
    );
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ]) {
      const headers: Record<string, string> = { ...auth, 'X-Requested-With': 'xecm-elements' };
      if (type) headers['Content-Type'] = type;
      await problemOf(
        await app.request('/v1/workspaces/lookup:batch', { method: 'POST', headers, body }),
        415,
        'unsupported-media-type',
      );
    }
    await problemOf(
      await app.request('/v1/workspaces/10100/documents', {
        method: 'POST',
        headers: { ...auth, 'X-Requested-With': 'xecm-elements', 'Content-Type': 'application/json' },
        body,
      }),
      415,
      'unsupported-media-type',
    );
    const json = { ...auth, 'X-Requested-With': 'xecm-elements', 'Content-Type': 'application/json' };
    await problemOf(
      await app.request('/v1/workspaces/lookup:batch', { method: 'POST', headers: json, body: '{"items":' }),
      400,
      'bad-request',
    );
    await problemOf(
      await app.request('/v1/workspaces/lookup:batch', {
        method: 'POST',
        headers: json,
        body: '{"items":[]}',
      }),
      400,
      'bad-request',
    );
    const tooMany = JSON.stringify({
      items: Array.from({ length: 101 }, (_, i) => ({ workspaceId: String(i + 1) })),
    });
    await problemOf(
      await app.request('/v1/workspaces/lookup:batch', { method: 'POST', headers: json, body: tooMany }),
      400,
      'bad-request',
    );
    const huge = JSON.stringify({ items: [{ system: 'crm', type: 'account', id: 'x'.repeat(70_000) }] });
    await problemOf(
      await app.request('/v1/workspaces/lookup:batch', { method: 'POST', headers: json, body: huge }),
      413,
      'payload-too-large',
    );
    // A cross-site request from an origin that is not allowed is refused even with the header.
    await problemOf(
      await app.request('/v1/workspaces/lookup:batch', {
        method: 'POST',
        headers: { ...json, Origin: 'https://evil.example.com', 'Sec-Fetch-Site': 'cross-site' },
        body,
      }),
      403,
      'forbidden',
    );
    assert.equal(upstreamCalls.length, 0);
  });

  it('uses an exact CORS allowlist and always varies on Origin', async () => {
    const { app } = setup();
    const preflight = (origin: string) =>
      app.request('/v1/workspaces/lookup:batch', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, x-requested-with',
        },
      });
    const ok = await preflight(ORIGIN);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /X-Requested-With/);
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    for (const evil of [
      'https://crm.example.com.evil.net',
      'https://evilcrm.example.com',
      'http://crm.example.com',
      'null',
      'https://CRM.example.com',
    ]) {
      const res = await preflight(evil);
      assert.equal(res.status, 403, evil);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    }
    const simple = await app.request('/healthz', { headers: { Origin: ORIGIN } });
    assert.equal(simple.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(simple.headers.get('vary') ?? '', /Origin/);
    const other = await app.request('/healthz', { headers: { Origin: 'https://evil.example.com' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.match(other.headers.get('vary') ?? '', /Origin/);
    assert.equal(other.headers.get('access-control-allow-credentials'), null);
  });

  it('sends security headers fit for embedding', async () => {
    const { app } = setup();
    const res = await app.request('/healthz');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(res.headers.get('x-frame-options'), null);
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('reuses a well-formed inbound request id and logs it without secrets', async () => {
    const { app, logLines } = setup();
    const jwt = await token();
    const res = await app.request('/v1/workspaces/abc', {
      headers: { Authorization: `Bearer ${jwt}`, 'X-Request-Id': 'proxy-req-12345' },
    });
    assert.equal(res.headers.get('x-request-id'), 'proxy-req-12345');
    const line = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.reqId === 'proxy-req-12345');
    assert.ok(line, 'a log line carries the request id');
    assert.equal(line.status, 400);
    assert.equal(line.user, 'max.sales');
    assert.ok(!logLines.join('').includes(jwt), 'the token is never logged');
    const spoofed = await app.request('/healthz', { headers: { 'X-Request-Id': 'bad id; with spaces' } });
    assert.notEqual(spoofed.headers.get('x-request-id'), 'bad id; with spaces');
  });

  it('mints dev tokens only when enabled', async () => {
    const off = setup();
    const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'xecm-elements' };
    await problemOf(
      await off.app.request('/dev/token', { method: 'POST', headers, body: '{"user":"max.sales"}' }),
      404,
      'not-found',
    );
    const on = setup({ BFF_DEV_IDENTITY: '1' });
    const res = await on.app.request('/dev/token', { method: 'POST', headers, body: '{"user":"max.sales"}' });
    assert.equal(res.status, 200);
    const { token: minted } = (await res.json()) as { token: string };
    // The minted token is accepted by the same BFF (the request then fails upstream, which is unreachable here).
    const use = await on.app.request('/v1/workspaces/1', { headers: { Authorization: `Bearer ${minted}` } });
    assert.equal(use.status, 503);
    await problemOf(
      await on.app.request('/dev/token', { method: 'POST', headers, body: '{"user":"a b"}' }),
      400,
      'bad-request',
    );
  });

  it('limits requests per user with 429 and Retry-After', async () => {
    const { app } = setup({ BFF_RATE_LIMIT: '3', BFF_RATE_LIMIT_WINDOW_SECONDS: '60' });
    const max = { Authorization: `Bearer ${await token('max.sales')}` };
    for (let i = 0; i < 3; i++)
      assert.equal((await app.request('/v1/workspaces/abc', { headers: max })).status, 400);
    const limited = await app.request('/v1/workspaces/abc', { headers: max });
    await problemOf(limited, 429, 'rate-limited');
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    const lena = { Authorization: `Bearer ${await token('lena.legal')}` };
    assert.equal(
      (await app.request('/v1/workspaces/abc', { headers: lena })).status,
      400,
      'other users are not affected',
    );
  });

  it('turns an unexpected error in a mounted route module into a 500 problem without details', async () => {
    const { app, logLines } = setup({}, [
      (bff) => {
        bff.get('/v1/explode', () => {
          throw new Error('secret internals /var/lib/db password=hunter2');
        });
      },
    ]);
    const res = await app.request('/v1/explode', { headers: { Authorization: `Bearer ${await token()}` } });
    const body = await problemOf(res, 500, 'internal');
    assert.ok(!JSON.stringify(body).includes('hunter2'));
    assert.ok(
      logLines.some((l) => l.includes('unhandled error')),
      'the operator sees it in the log',
    );
  });

  it('serves an OpenAPI document generated from the contract', async () => {
    const { app } = setup();
    const res = await app.request('/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/v1/workspaces/lookup',
      '/v1/workspaces/lookup:batch',
      '/v1/workspaces/{id}',
      '/v1/workspaces/{id}/documents',
      '/v1/documents/{id}',
      '/v1/documents/{id}/content',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.components.schemas.WorkspaceSummary?.properties?.documentCount);
    assert.ok(doc.components.schemas.DocumentItem?.properties?.downloadUrl);
  });
});
