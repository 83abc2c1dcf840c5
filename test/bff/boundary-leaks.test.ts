// The BFF's trust boundaries over the loopback (every module mounted, real emulator): credentials and the
// CSRF rule on every route /openapi.json lists, CORS for foreign origins, bodies too large to read, and
// the log output never holding tickets, passwords, client secrets or bearer tokens.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { ALLOWED_ORIGIN, startBoundaryStack, type BoundaryStack } from './helpers/boundary-stack.js';
import {
  loadValidValues,
  operations,
  pool,
  send,
  validBody,
  validPath,
  validQuery,
  validRequest,
  type Operation,
  type ValidValues,
} from './helpers/boundary-routes.js';
import { assertNoLeak, assertWellFormed, logLeaks, readAnswer } from './helpers/boundary-checks.js';
import { mintToken } from './helpers/tokens.js';
import { unfinishedBody } from './helpers/unfinished-body.js';

const FOREIGN_ORIGINS = [
  'https://evil.example',
  'null',
  'https://crm.example.com.evil.example',
  'http://crm.example.com',
  'https://crm.example.com/',
  'https://crm.example.com:8443',
];

describe('BFF boundaries: credentials, CSRF, CORS, body limits and logs', () => {
  let s: BoundaryStack;
  let ops: Operation[];
  let values: ValidValues;

  before(async () => {
    s = await startBoundaryStack();
    ops = await operations(s);
    values = await loadValidValues(s);
  });
  after(async () => {
    await s?.close();
  });

  /** The valid request of `op` with its credential replaced by `auth` (undefined = none at all). */
  const withAuth = (op: Operation, auth: Record<string, string>, label: string) => () =>
    send(s, op, validRequest(op, values, { anonymous: true, headers: auth }), {
      label,
      mustFail: true,
      documented: new Set([401]),
    });

  it('refuses missing and garbled credentials on every protected route with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const claims = { sub: 'Admin', aud: 'xecm-bff', iat: now, exp: now + 300 };
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    // The OTDS client secret is not the identity secret: a token signed with it is worthless.
    const signedWithClientSecret = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(s.config.otds.clientSecret));
    const user = await s.tokenFor('max.sales');
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const common: [string, Record<string, string>][] = [
      ['none', {}],
      ['empty bearer', { authorization: 'Bearer ' }],
      ['basic', { authorization: `Basic ${Buffer.from('Admin:livelink').toString('base64')}` }],
      ['garbage', bearer('not.a.jwt')],
      ['alg none', bearer(unsigned)],
      ['client secret', bearer(s.config.otds.clientSecret)],
      ['huge', bearer('x'.repeat(8000))],
      ['two tokens', { authorization: `Bearer ${user}, Bearer ${user}` }],
    ];
    const perScheme: Record<Operation['security'], [string, Record<string, string>][]> = {
      user: [
        ...common,
        ['signed with the client secret', bearer(signedWithClientSecret)],
        ['traversal subject', bearer(await mintToken('../Admin', { secret: s.secrets.identity }))],
        ['other audience', bearer(await mintToken('Admin', { secret: s.secrets.identity, audience: 'x' }))],
        ['admin token', bearer(s.secrets.adminToken)],
        ['master-data token', bearer(s.secrets.masterData)],
      ],
      admin: [
        ...common,
        ['user token', bearer(user)],
        ['admin token + 1', bearer(`${s.secrets.adminToken}1`)],
      ],
      masterdata: [...common, ['user token', bearer(user)], ['admin token', bearer(s.secrets.adminToken)]],
      'xecm-hook': [
        ['unsigned', {}],
        ['other secret', s.signed(s.secrets.lobHook, '{}')],
        ['signature of another body', s.signed(s.secrets.xecmHook, '{}')],
        [
          'garbage signature',
          { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': 'v1,AAAA' },
        ],
      ],
      'lob-hook': [
        ['unsigned', {}],
        ['other secret', s.signed(s.secrets.xecmHook, '{}')],
        ['signature of another body', s.signed(s.secrets.lobHook, '{}')],
        [
          'stale',
          { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now - 3600), 'webhook-signature': 'v1,AAAA' },
        ],
      ],
      none: [],
    };
    const tasks = ops.flatMap((op) =>
      perScheme[op.security].map(([label, auth]) => withAuth(op, auth, label)),
    );
    assert.ok(tasks.length > 100, `${tasks.length} credential cases`);
    await pool(tasks);
  });

  it('ignores credentials on anonymous routes instead of failing on them', async () => {
    const anonymous = ops.filter((o) => o.security === 'none' && o.method === 'GET');
    assert.ok(anonymous.some((o) => o.template.startsWith('/portal/')));
    await pool(
      anonymous.map((op) => async () => {
        const plain = await send(s, op, validRequest(op, values), { label: 'plain' });
        const garbled = await send(
          s,
          op,
          validRequest(op, values, {
            headers: { authorization: 'Bearer x'.repeat(500), cookie: 'OTCSTicket=stolen' },
          }),
          { label: 'garbled credentials' },
        );
        assert.equal(garbled.status, plain.status, op.template);
      }),
    );
  });

  it('refuses state-changing browser requests without the CSRF header or from a foreign site', async () => {
    const guarded = ops.filter((o) => o.headerParams.includes('X-Requested-With'));
    assert.ok(guarded.length >= 5, `${guarded.length} guarded routes`);
    const cases: [string, Record<string, string>, string][] = [
      ['missing', {}, 'csrf-header-missing'],
      ['wrong value', { 'x-requested-with': 'XMLHttpRequest' }, 'csrf-header-missing'],
      ['upper case value', { 'x-requested-with': 'XECM-ELEMENTS' }, 'csrf-header-missing'],
      ['cross-site', { 'x-requested-with': 'xecm-elements', 'sec-fetch-site': 'cross-site' }, 'forbidden'],
    ];
    await pool(
      guarded.flatMap((op) =>
        cases.map(([label, headers, code]) => async () => {
          const multipart = op.bodyType === 'multipart/form-data';
          const body = multipart ? new FormData() : JSON.stringify(validBody(op));
          if (body instanceof FormData) body.append('file', new Blob(['x']), 'csrf.txt');
          const answer = await send(
            s,
            op,
            {
              path: validPath(op),
              headers: { ...(multipart ? {} : { 'content-type': 'application/json' }), ...headers },
              body,
            },
            { label, mustFail: true },
          );
          assert.equal(answer.status, 403, answer.label);
          assert.equal((JSON.parse(answer.body) as { code: string }).code, code, answer.label);
        }),
      ),
    );
  });

  it('answers CORS only for the allow-listed origin, and never with credentials', async () => {
    const tasks: (() => Promise<void>)[] = [];
    for (const op of ops) {
      const url = `${s.bff.url}${validPath(op)}`;
      const portal = op.template.startsWith('/portal/');
      tasks.push(async () => {
        const res = await fetch(url, {
          method: 'OPTIONS',
          headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': op.method },
        });
        await res.arrayBuffer();
        assert.equal(res.status, 204, `${op.template} preflight`);
        assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.equal(res.headers.get('access-control-allow-credentials'), null);
      });
      for (const origin of FOREIGN_ORIGINS) {
        tasks.push(async () => {
          const res = await fetch(url, {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': op.method },
          });
          await res.arrayBuffer();
          assert.equal(res.status, 403, `${op.template} preflight from ${origin}`);
          assert.equal(res.headers.get('access-control-allow-origin'), null, `${op.template} ${origin}`);
        });
      }
      if (op.method !== 'GET') continue;
      tasks.push(async () => {
        const res = await fetch(`${url}?${new URLSearchParams(validQuery(op, values))}`, {
          headers: { origin: ALLOWED_ORIGIN },
        });
        await res.body?.cancel();
        assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN, op.template);
        assert.match(res.headers.get('vary') ?? '', /Origin/, op.template);
      });
      // Full reads cost upstream calls: two foreign origins here, all of them in the preflights above.
      for (const origin of FOREIGN_ORIGINS.slice(0, 2)) {
        tasks.push(async () => {
          const res = await fetch(`${url}?${new URLSearchParams(validQuery(op, values))}`, {
            headers: { origin },
          });
          await res.body?.cancel();
          // The portal serves public documents to anonymous pages anywhere: `*`, which browsers never
          // combine with credentials. Every other route stays closed to foreign origins.
          assert.equal(
            res.headers.get('access-control-allow-origin'),
            portal ? '*' : null,
            `${op.template} ${origin}`,
          );
          assert.equal(res.headers.get('access-control-allow-credentials'), null);
        });
      }
    }
    await pool(tasks);
  });

  it('refuses a body that declares too many bytes at once, without waiting for it', async () => {
    const bodyOps = ops.filter((o) => o.bodyType !== undefined);
    await pool(
      bodyOps.map((op) => async () => {
        const headers = {
          'x-requested-with': 'xecm-elements',
          'content-type':
            op.bodyType === 'multipart/form-data' ? 'multipart/form-data; boundary=b' : 'application/json',
          ...(op.security === 'admin' ? { authorization: `Bearer ${s.secrets.adminToken}` } : {}),
          ...(op.security === 'user' ? { authorization: `Bearer ${await s.tokenFor('max.sales')}` } : {}),
        };
        const answer = await unfinishedBody(`${s.bff.url}${validPath(op)}`, headers, {
          declared: 64 * 1024 * 1024,
          chunk: Buffer.from(`{"x":"${'a'.repeat(1000)}`),
          max: 1,
        });
        assert.equal(answer.status, 413, `${op.method} ${op.template}: ${answer.body.slice(0, 200)}`);
        assert.equal((JSON.parse(answer.body) as { code: string }).code, 'payload-too-large');
      }),
    );
  });

  it('stops reading an endless chunked body soon after the route limit', async () => {
    const bodyOps = ops.filter((o) => o.bodyType !== undefined);
    await pool(
      bodyOps.map((op) => async () => {
        const multipart = op.bodyType === 'multipart/form-data';
        const headers = {
          'x-requested-with': 'xecm-elements',
          'content-type': multipart ? 'multipart/form-data; boundary=b' : 'application/json',
          ...(op.security === 'admin' ? { authorization: `Bearer ${s.secrets.adminToken}` } : {}),
          ...(op.security === 'user' ? { authorization: `Bearer ${await s.tokenFor('max.sales')}` } : {}),
        };
        const answer = await unfinishedBody(`${s.bff.url}${validPath(op)}`, headers, {
          prefix: multipart
            ? '--b\r\nContent-Disposition: form-data; name="file"; filename="endless.bin"\r\n\r\n'
            : '{"x":"',
          chunk: Buffer.alloc(64 * 1024, 'a'),
          max: 16 * 1024 * 1024,
        });
        assert.equal(answer.status, 413, `${op.method} ${op.template}: ${answer.body.slice(0, 200)}`);
        // The largest limit is the upload's (1 MiB in this stack); a little more is in flight.
        assert.ok(answer.sent < 4 * 1024 * 1024, `${op.template}: read ${answer.sent} bytes`);
      }),
    );
  });

  it('answers requests Node refuses before routing (huge header block, broken HTTP) with a problem too', async () => {
    const huge = await fetch(`${s.bff.url}/v1/workspaces/10100/documents?q=${'a'.repeat(20_000)}`);
    const answer = await readAnswer('20 kB query', huge);
    assertWellFormed(answer, { documented: new Set([431]) });
    assertNoLeak(answer, s.leakNeedles(), {
      origins: [s.emulator.url],
      deepLinkBase: `${s.emulator.url}/app/nodes/`,
    });

    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(s.bff.port, '127.0.0.1', () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n');
      });
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    assert.match(head!, /^HTTP\/1\.1 400 /);
    assert.match(head!, /content-type: application\/problem\+json/i);
    assert.equal((JSON.parse(body!) as { code: string; status: number }).status, 400);
  });

  it('fails closed when an upstream fails: 5xx problems without the upstream address or its text', async () => {
    const control = (body?: unknown) =>
      fetch(`${s.emulator.url}/emulator/faults`, {
        method: body === undefined ? 'DELETE' : 'POST',
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const summary = ops.find((o) => o.template === '/v1/workspaces/{id}' && o.method === 'GET')!;
    const item = ops.find((o) => o.template === '/v1/documents/{id}' && o.method === 'GET')!;
    const masterData = ops.find((o) => o.template === '/masterdata/v1/{system}/{boType}/{boId}')!;
    try {
      for (const [fault, op, id] of [
        // Paths per id: calls still in flight from one case must not use up the next case's fault.
        [{ path: '/api/v2/businessworkspaces/10300', status: 500, count: 1 }, summary, '10300'],
        [{ path: '/api/v2/nodes/10111', malformed: true, count: 1 }, item, '10111'],
        [{ path: '/api/v2/nodes/10112', status: 502, count: 1 }, item, '10112'],
      ] as const) {
        assert.equal((await control(fault)).status < 300, true);
        const answer = await send(
          s,
          op,
          { path: `${op.template.replace('{id}', id)}` },
          {
            label: JSON.stringify(fault),
            upstreamDown: true,
            mustFail: true,
          },
        );
        assert.ok(answer.status >= 502, answer.label);
      }
    } finally {
      await control();
    }
    // A LOB system nobody listens for: the gateway says which system, not where it lives.
    const answer = await send(
      s,
      masterData,
      { path: '/masterdata/v1/offline/thing/T-1' },
      { label: 'offline LOB system', upstreamDown: true, mustFail: true },
    );
    assert.ok(answer.status >= 502, answer.label);
    assert.ok(!answer.body.includes('127.0.0.1:9'), 'no LOB address');
  });

  it('reuses a well-formed X-Request-Id and replaces anything else, never echoing markup', async () => {
    for (const [sent, kept] of [
      ['trace-0123456789', true],
      ['<script>alert(1)</script>', false],
      ['a'.repeat(65), false],
      ['short', false],
      ['x" onload="y', false],
    ] as const) {
      const res = await fetch(`${s.bff.url}/v1/nope`, { headers: { 'x-request-id': sent } });
      const body = (await res.json()) as { requestId: string };
      assert.equal(body.requestId, res.headers.get('x-request-id'));
      assert.equal(body.requestId === sent, kept, sent);
    }
  });

  it('never writes tickets, passwords, client secrets or bearer tokens to the log', async () => {
    // Credentials in places a careless logger might copy: headers of refused and accepted requests.
    const op = ops.find((o) => o.template === '/v1/workspaces/{id}')!;
    for (const authorization of [
      `Bearer ${s.config.otds.clientSecret}`,
      `Bearer ${await s.tokenFor('Admin')}`,
    ])
      await send(
        s,
        op,
        { path: validPath(op), anonymous: true, headers: { authorization } },
        { label: 'log bait' },
      );
    assert.ok(s.logs.length > 50, 'the log was captured');
    assert.deepEqual(logLeaks(s.logs, s.leakNeedles()).slice(0, 10), []);
  });
});
