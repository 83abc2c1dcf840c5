// When xECM or OTDS refuse the BFF's own service credentials, that is an outage (502), not the user
// lacking permission (403): the elements would otherwise tell people they may not see what they may.
// 403 stays for what OTDS or xECM say about this user.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem, WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme, empty } = WELL_KNOWN;
const WS = `/v1/workspaces/${acme.workspaceId}`;
const MAX = 'max.sales';

async function problemOf(res: Response): Promise<Problem> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return (await res.json()) as Problem;
}

describe('xECM refuses the BFF service credentials', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack.close();
  });

  async function read(user: string, path = WS) {
    return stack.fetch(path, { headers: { Authorization: `Bearer ${await stack.tokenFor(user)}` } });
  }

  it('every xECM call answering 401 is 502 upstream-error on a first sign-in, and recovers', async () => {
    await stack.control('/emulator/faults', { path: '/api', status: 401, count: 50 });
    try {
      const res = await read('lena.legal');
      assert.equal(res.status, 502);
      const problem = await problemOf(res);
      assert.equal(problem.code, 'upstream-error');
      assert.ok(!/cannot access/i.test(problem.detail ?? ''), 'not blamed on the user');
    } finally {
      await stack.control('/emulator/faults', undefined, 'DELETE');
    }
    assert.equal((await read('lena.legal')).status, 200);
  });

  it('is 502 too for a user whose cached session then fails on reads, and writes are not replayed', async () => {
    assert.equal((await read(MAX)).status, 200); // a working ticket is cached
    await stack.control('/emulator/faults', { path: '/api', status: 401, count: 50 });
    try {
      const res = await read(MAX, `/v1/documents/${acme.draftDocumentId}`); // not in the BFF's cache
      assert.equal(res.status, 502);
      assert.equal((await problemOf(res)).code, 'upstream-error');
      // A write with no session to reuse: the fresh sign-in fails, nothing is sent.
      const posts = () =>
        stack.upstream.filter((u) => u.method === 'POST' && u.path === '/api/v2/nodes').length;
      const before = posts();
      const form = new FormData();
      form.append('file', new Blob(['x']), 'During the outage.txt');
      const upload = await stack.fetch(`/v1/workspaces/${empty.workspaceId}/documents`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await stack.tokenFor(MAX)}`,
          'X-Requested-With': 'xecm-elements',
        },
        body: form,
      });
      assert.equal(upload.status, 502);
      assert.equal((await problemOf(upload)).code, 'upstream-error');
      assert.equal(posts(), before, 'no upload reached xECM');
    } finally {
      await stack.control('/emulator/faults', undefined, 'DELETE');
    }
  });

  it('a session xECM refuses right after opening it is 502 at once, without signing in again', async () => {
    // Sign-in works, the first data call says 401: the ticket is seconds old, so it did not expire.
    await stack.control('/emulator/faults', {
      method: 'GET',
      path: '/api/v2/businessworkspaces',
      status: 401,
      count: 5,
    });
    const logins = () => stack.upstream.filter((u) => u.path === '/api/v1/auth').length;
    const before = logins();
    try {
      const res = await read('portal.reader'); // no session yet in this stack
      assert.equal(res.status, 502);
      assert.equal((await problemOf(res)).code, 'upstream-error');
      assert.equal(logins() - before, 1, 'one sign-in, not a second one that would be refused too');
    } finally {
      await stack.control('/emulator/faults', undefined, 'DELETE');
    }
    assert.equal((await read('portal.reader')).status, 200);
  });

  it('keeps 403 when xECM refuses this user sign-in (403 on /api/v1/auth)', async () => {
    await stack.control('/emulator/faults', { path: '/api/v1/auth', status: 403, count: 5 });
    try {
      const res = await read('rex.restricted');
      assert.equal(res.status, 403);
      assert.equal((await problemOf(res)).code, 'forbidden');
    } finally {
      await stack.control('/emulator/faults', undefined, 'DELETE');
    }
  });

  it('keeps 403 when OTDS will not act as this user (unknown to it)', async () => {
    const res = await read('nobody.known');
    assert.equal(res.status, 403);
    const problem = await problemOf(res);
    assert.equal(problem.code, 'forbidden');
    assert.match(problem.detail ?? '', /cannot access Extended ECM/);
  });
});

describe('OTDS refuses the BFF service client', () => {
  it('a wrong client secret is 502 upstream-error, not 403', async () => {
    const stack = await startStack({ env: { OTDS_CLIENT_SECRET: 'not-the-secret' } });
    try {
      const res = await stack.fetch(WS, {
        headers: { Authorization: `Bearer ${await stack.tokenFor(MAX)}` },
      });
      assert.equal(res.status, 502);
      assert.equal((await problemOf(res)).code, 'upstream-error');
    } finally {
      await stack.close();
    }
  });

  it('a service client that may not impersonate is 502 upstream-error, not 403', async () => {
    const stack = await startStack({
      emulator: {
        otdsClients: [{ clientId: 'xecm-bff', clientSecret: 'bff-secret', mayImpersonate: false }],
      },
    });
    try {
      const res = await stack.fetch(WS, {
        headers: { Authorization: `Bearer ${await stack.tokenFor(MAX)}` },
      });
      assert.equal(res.status, 502);
      assert.equal((await problemOf(res)).code, 'upstream-error');
      // And once the service credentials are fine, the same user reads normally: it was never about them.
      const ok = await startStack();
      try {
        const body = await ok.get<WorkspaceSummary>(MAX, WS);
        assert.equal(body.status, 200);
      } finally {
        await ok.close();
      }
    } finally {
      await stack.close();
    }
  });
});
