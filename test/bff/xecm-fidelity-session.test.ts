// An expired ticket gives 401; a client signs in again once and repeats the call (notes §2.1, PYX). A
// form-encoded write never reached Content Server when it answered 401, so it is repeated too; a streamed
// upload cannot be, and stays "retry the request" (upstream-failures.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Review } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const MAX = 'max.sales';

describe('xECM fidelity: ticket expiry on writes', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  it('a review start whose draft-process POST meets an expired ticket signs in again and goes through', async () => {
    const doc = String(WELL_KNOWN.acme.draftDocumentId);
    // A working session is cached first (the options read), as in any real sequence.
    const options = await stack.get(MAX, `/v1/reviews/options?kind=document&id=${doc}`);
    assert.equal(options.status, 200);
    const count = (method: string, path: string) =>
      stack.upstream.filter((u) => u.method === method && u.path === path).length;
    const logins = count('GET', '/api/v1/auth');
    const drafts = count('POST', '/api/v2/draftprocesses');
    await stack.control('/emulator/faults', {
      method: 'POST',
      path: '/api/v2/draftprocesses',
      status: 401,
      count: 1,
    });
    const res = await stack.fetch('/v1/reviews', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await stack.tokenFor(MAX)}`,
        'Content-Type': 'application/json',
        'X-Requested-With': 'xecm-elements',
      },
      body: JSON.stringify({ target: { kind: 'document', id: doc }, workflow: 'contract-review' }),
    });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as Review).state, 'running');
    assert.equal(count('POST', '/api/v2/draftprocesses') - drafts, 2, 'refused once, then sent again');
    assert.equal(count('GET', '/api/v1/auth') - logins, 1, 'one new sign-in');
  });
});
