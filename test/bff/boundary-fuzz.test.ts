// Every route /openapi.json lists, sent hostile input over the loopback to a BFF with every module mounted
// (over the emulator): each answer is a documented success or a problem+json 4xx with a known code, and
// carries no stack trace, ticket, secret or upstream address (test/bff/helpers/boundary-checks.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { logLeaks } from './helpers/boundary-checks.js';
import { startBoundaryStack, type BoundaryStack } from './helpers/boundary-stack.js';
import {
  HOSTILE_BODIES,
  HOSTILE_KEYS,
  HOSTILE_LEAVES,
  HOSTILE_SEGMENTS,
  HOSTILE_STRINGS,
  leaves,
  objects,
  replaced,
  withKey,
} from './helpers/boundary-inputs.js';
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

describe('BFF boundaries: hostile input on every route', () => {
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

  it('walks every module: portal, provisioning, LOB hook, events, reviews, lookups, uploads, master data, hooks', () => {
    const listed = new Set(ops.map((o) => `${o.method} ${o.template}`));
    for (const key of [
      'GET /portal/v1/content/{id}',
      'POST /v1/workspaces',
      'POST /hooks/lob/{system}',
      'POST /hooks/xecm',
      'GET /v1/events',
      'POST /v1/reviews',
      'POST /v1/workspaces/lookup:batch',
      'POST /v1/workspaces/{id}/documents',
      'GET /masterdata/v1/{system}/{boType}/{boId}',
      'POST /v1/subscriptions',
      'GET /v1/audit',
      'POST /dev/token',
    ])
      assert.ok(listed.has(key), key);
    assert.ok(ops.length >= 30, `${ops.length} operations`);
  });

  it('answers the valid request of every route with a documented status', async () => {
    await pool(ops.map((op) => () => send(s, op, validRequest(op, values), { label: 'valid' })));
  });

  it('refuses hostile path ids and segments without a 5xx, and never accepts a malformed node id', async () => {
    const tasks: (() => Promise<unknown>)[] = [];
    for (const op of ops) {
      for (const param of op.pathParams) {
        for (const segment of HOSTILE_SEGMENTS) {
          tasks.push(() =>
            send(s, op, validRequest(op, values, { path: validPath(op, { [param]: segment }) }), {
              label: `${param}=${segment.slice(0, 24)}`,
              // Node ids are 1 to 12 digits (system, type and business object ids may well be `1e3`).
              mustFail: param === 'id' && !op.template.startsWith('/v1/subscriptions'),
              // A traversal may land on another route, which documents its own statuses.
              ...(/%2F|%2e%2e|%252e/i.test(segment) || segment.startsWith('..')
                ? { documented: new Set([...op.documented, 404, 405]) }
                : {}),
            }),
          );
        }
      }
    }
    await pool(tasks);
  });

  it('answers hostile and duplicated query parameters with a documented status', async () => {
    const tasks: (() => Promise<unknown>)[] = [];
    for (const op of ops) {
      const valid = validQuery(op, values);
      const request = (query: [string, string][], label: string) => () =>
        send(s, op, validRequest(op, values, { query }), { label });
      for (const name of op.queryParams) {
        for (const value of HOSTILE_STRINGS) {
          const others = Object.entries(valid).filter(([k]) => k !== name);
          tasks.push(request([...others, [name, value]], `${name}=${value.slice(0, 20)}`));
          // Duplicates: the valid value first and a hostile one after, and the other way round.
          if (valid[name] !== undefined && value === '../1') {
            tasks.push(
              request([...others, [name, valid[name]], [name, value]], `${name} twice, hostile last`),
            );
            tasks.push(
              request([...others, [name, value], [name, valid[name]]], `${name} twice, hostile first`),
            );
          }
        }
      }
      // Parameters nobody documents are ignored or refused, never an error.
      tasks.push(
        request([...Object.entries(valid), ['__proto__', 'x'], ['constructor', 'y']], 'extra params'),
      );
    }
    await pool(tasks);
  });

  it('answers hostile JSON bodies, wrong leaves and wrong content types with a documented status', async () => {
    const tasks: (() => Promise<unknown>)[] = [];
    for (const op of ops.filter((o) => o.bodyType === 'application/json')) {
      const post =
        (body: string, label: string, contentType = 'application/json', mustFail = false) =>
        () =>
          send(s, op, validRequest(op, values, { headers: { 'content-type': contentType }, body }), {
            label,
            mustFail,
          });
      for (const body of HOSTILE_BODIES) tasks.push(post(body, `body ${body.slice(0, 20)}`, undefined, true));
      for (const path of objects(validBody(op)))
        for (const key of HOSTILE_KEYS)
          tasks.push(
            post(
              // A string value: where metadata maps keys to attributes, it is what a lookup would find.
              JSON.stringify(withKey(validBody(op), path, key, 'EMEA')),
              `key ${[...path, key.slice(0, 12)].join('.')}`,
            ),
          );
      for (const path of leaves(validBody(op)))
        for (const leaf of HOSTILE_LEAVES)
          tasks.push(
            post(
              JSON.stringify(replaced(validBody(op), path, leaf)),
              `${path.join('.')}=${String(leaf).slice(0, 20)}`,
            ),
          );
      // Browser-callable routes take only JSON (the CSRF rule). Signed hooks and the admin API are not
      // reachable with a browser's ambient credentials, so there the signature or token is what counts.
      const browser = op.security === 'user' || op.security === 'none';
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/jsonx',
      ])
        tasks.push(post(JSON.stringify(validBody(op)), `content-type ${type}`, type, browser));
    }
    await pool(tasks);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
  });

  it('answers hostile Last-Event-ID, If-None-Match and Idempotency-Key headers with a documented status', async () => {
    // Header values are bytes (latin1): no bidi overrides here, but everything else an attacker can send.
    const HOSTILE_HEADER_VALUES = [
      '',
      '-1',
      '1e3',
      '0x10',
      '9'.repeat(40),
      'x'.repeat(4000),
      '*',
      '"a", W/"b"',
      '../1',
      'Ã©',
    ];
    const tasks: (() => Promise<unknown>)[] = [];
    for (const op of ops) {
      for (const header of op.headerParams.filter((h) => h !== 'X-Requested-With')) {
        for (const value of HOSTILE_HEADER_VALUES) {
          tasks.push(() =>
            send(s, op, validRequest(op, values, { headers: { [header]: value } }), {
              label: `${header}: ${value.slice(0, 20)}`,
            }),
          );
        }
      }
    }
    assert.ok(tasks.length >= 30, `${tasks.length} header cases`);
    await pool(tasks);
  });

  it('answers methods a path does not serve with 405 and Allow', async () => {
    const byPath = new Map<string, Operation[]>();
    for (const op of ops) byPath.set(op.template, [...(byPath.get(op.template) ?? []), op]);
    const tasks: (() => Promise<unknown>)[] = [];
    for (const [template, served] of byPath) {
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST', 'GET']) {
        if (served.some((o) => o.method === method)) continue;
        // Admin routes live under /v1, where user authentication runs before routing: their admin token
        // is no user token, so a wrong method there is a 401 (nothing about the route table leaks).
        // `GET /v1/workspaces/lookup:batch` is `GET /v1/workspaces/{id}` with a malformed id: 400.
        const documented = new Set([
          405,
          ...(served[0]!.security === 'admin' ? [401] : []),
          ...(template.endsWith(':batch') ? [400] : []),
        ]);
        const op: Operation = { ...served[0]!, method, documented };
        tasks.push(async () => {
          const answer = await send(
            s,
            op,
            { path: validPath(op), ...(method === 'GET' ? {} : { body: '{}' }) },
            { label: `${method} not served`, mustFail: true },
          );
          if (answer.status === 405)
            assert.match(answer.headers.get('allow') ?? '', new RegExp(served[0]!.method), template);
        });
      }
    }
    await pool(tasks);
  });

  it('answers input xECM refuses (a value outside an attribute list, ":" in a name) with 400, not 502', async () => {
    const provision = ops.find((o) => o.method === 'POST' && o.template === '/v1/workspaces')!;
    const valid = validBody(provision) as { metadata: Record<string, string> };
    const answer = await send(
      s,
      provision,
      {
        path: '/v1/workspaces',
        headers: { 'x-requested-with': 'xecm-elements', 'content-type': 'application/json' },
        body: JSON.stringify({ ...valid, metadata: { region: 'Atlantis' } }),
      },
      { label: 'region outside its list', mustFail: true },
    );
    assert.equal(answer.status, 400);
    assert.equal((JSON.parse(answer.body) as { code: string }).code, 'bad-request');
  });

  it('lists documents only of workspaces: a folder, document or volume id is 404, as for the summary', async () => {
    const op = ops.find((o) => o.method === 'GET' && o.template === '/v1/workspaces/{id}/documents')!;
    // 10101: a folder in Acme's workspace; 10110: a document; 2000: the Enterprise volume.
    for (const id of ['10101', '10110', '2000']) {
      for (const query of [{}, { q: 'a' }] as Record<string, string>[]) {
        const answer = await send(
          s,
          op,
          { path: `/v1/workspaces/${id}/documents`, query },
          { label: id, mustFail: true },
        );
        assert.equal(answer.status, 404, answer.label);
      }
    }
  });

  it('takes uploads only as multipart with a file part, and stores hostile file names as text', async () => {
    const op = ops.find((o) => o.method === 'POST' && o.template === '/v1/workspaces/{id}/documents')!;
    const upload = (body: BodyInit, contentType: string | undefined, label: string, mustFail = true) =>
      send(
        s,
        op,
        {
          path: validPath(op),
          headers: {
            'x-requested-with': 'xecm-elements',
            ...(contentType === undefined ? {} : { 'content-type': contentType }),
          },
          body,
        },
        { label, mustFail },
      );
    const form = (name: string, field = 'file') => {
      const f = new FormData();
      f.append(field, new Blob(['hello'], { type: 'text/plain' }), name);
      return f;
    };
    const framing = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello';
    const refused = [
      upload('--b\r\n', 'multipart/form-data', 'no boundary'),
      upload('garbage', 'multipart/form-data; boundary=b', 'garbage body'),
      upload(framing, 'multipart/form-data; boundary=b', 'no closing boundary'),
      upload(`${framing}\r\n--b--\r\n`, `multipart/form-data; boundary=${'b'.repeat(300)}`, 'long boundary'),
      upload(form('a.txt', 'other'), undefined, 'no file part'),
      upload('{}', 'application/json', 'json instead of multipart'),
      upload(form('x'.repeat(300)), undefined, 'name too long'),
      // xECM allows no ':' in names; the header injection attempt arrives as one name holding a colon.
      upload(form('"quoted"\r\nX-Injected: 1'), undefined, 'header injection in the name'),
      // A right-to-left override would show "\u202Etxt.exe" as "exe.txt" in every list.
      upload(form('\u202Etxt.exe'), undefined, 'text-direction override in the name'),
    ];
    for (const answer of await Promise.all(refused)) {
      assert.ok([400, 415].includes(answer.status), `${answer.label}: ${answer.status}`);
      assert.equal(answer.headers.get('x-injected'), null);
    }
    // Stored under the name given, as text: no path; right-to-left script and emoji kept.
    for (const [name, stored] of [
      ['../../etc/passwd', 'passwd'],
      ['עקבות.txt', 'עקבות.txt'],
      ['CON', 'CON'],
      ['😀.txt', '😀.txt'],
    ]) {
      const answer = await upload(form(name!), undefined, `file name ${name}`, false);
      assert.equal(answer.status, 201, answer.label);
      assert.equal(
        (JSON.parse(Buffer.from(answer.body, 'latin1').toString()) as { name: string }).name,
        stored,
      );
    }
  });

  it('logged no secret, ticket, password or bearer token, and no unhandled error, for all of the above', () => {
    assert.ok(s.logs.length > 500, `${s.logs.length} log lines captured`);
    assert.deepEqual(logLeaks(s.logs, s.leakNeedles()).slice(0, 10), []);
  });
});
