// Insecure direct object references: every route that takes an id, tried by rex.restricted on the Acme
// "Confidential" folder and its document (which xECM hides from him), after other users warmed the caches.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LookupBatchResponse, Problem, Review } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;
const REX = WELL_KNOWN.users.restricted.name;
const MAX = WELL_KNOWN.users.regular.name;
const CONFIDENTIAL = String(acme.confidentialDocumentId);
const FOLDER = String(acme.confidentialFolderId);
const WORKSPACE = String(acme.workspaceId);

describe('authorization: direct object references', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack.close();
  });

  const send = async (user: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${await stack.tokenFor(user)}`);
    headers.set('X-Requested-With', 'xecm-elements');
    return stack.fetch(path, { ...init, headers });
  };
  const postJson = (user: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    send(user, path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const upload = (user: string, workspaceId: string) => {
    const form = new FormData();
    form.append('file', new Blob(['planted']), 'planted.txt');
    return send(user, `/v1/workspaces/${workspaceId}/documents`, { method: 'POST', body: form });
  };

  it('answers rex like a missing id on every read, even after max loaded the same items', async () => {
    const reads = [
      `/v1/documents/${CONFIDENTIAL}`,
      `/v1/documents/${CONFIDENTIAL}/content`,
      `/v1/workspaces/${FOLDER}`,
      `/v1/workspaces/${FOLDER}/documents`,
      `/v1/reviews/options?kind=document&id=${CONFIDENTIAL}`,
      `/v1/reviews/options?kind=workspace&id=${FOLDER}`,
    ];
    for (const path of reads) await stack.get(MAX, path);
    for (const path of reads) {
      const res = await stack.get<Problem>(REX, path);
      assert.equal(res.status, 404, `${path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'not-found', path);
    }
    const head = await send(REX, `/v1/documents/${CONFIDENTIAL}/content`, { method: 'HEAD' });
    assert.equal(head.status, 404);
    assert.equal(head.headers.get('content-disposition'), null);
  });

  it('resolves no hidden id in a lookup batch', async () => {
    const res = await postJson(REX, '/v1/workspaces/lookup:batch', {
      items: [{ workspaceId: FOLDER }, { workspaceId: CONFIDENTIAL }, { workspaceId: WORKSPACE }],
    });
    const { results } = (await res.json()) as LookupBatchResponse;
    assert.equal(results[0]!.ok, false);
    assert.equal(results[1]!.ok, false);
    assert.ok(results[2]!.ok);
    assert.doesNotMatch(JSON.stringify(results.slice(0, 2)), /Confidential|margin/i);
  });

  it('lets rex upload into no folder or hidden container, and stores nothing there', async () => {
    for (const target of [FOLDER, CONFIDENTIAL]) {
      const res = await upload(REX, target);
      assert.equal(res.status, 404, target);
    }
    const list = await stack.get<{ items: { name: string }[] }>(
      MAX,
      `/v1/workspaces/${WORKSPACE}/documents?q=planted`,
    );
    assert.equal(list.body.items.length, 0);
  });

  it('lets rex neither start, see nor learn of a review on a hidden document', async () => {
    const key = 'authz-idor-shared-key';
    const denied = await postJson(
      REX,
      '/v1/reviews',
      { target: { kind: 'document', id: CONFIDENTIAL }, workflow: 'contract-review' },
      { 'Idempotency-Key': key },
    );
    assert.equal(denied.status, 404);

    // Max starts one with the same idempotency key: keys are per user, rex's refusal is not replayed to max.
    const started = await postJson(
      MAX,
      '/v1/reviews',
      { target: { kind: 'document', id: CONFIDENTIAL }, workflow: 'contract-review', comment: 'margin' },
      { 'Idempotency-Key': key },
    );
    assert.equal(started.status, 201);
    const review = (await started.json()) as Review;

    // Rex reusing max's key gets no replay of max's review.
    const replay = await postJson(
      REX,
      '/v1/reviews',
      { target: { kind: 'document', id: CONFIDENTIAL }, workflow: 'contract-review', comment: 'margin' },
      { 'Idempotency-Key': key },
    );
    assert.equal(replay.status, 404);
    assert.equal(replay.headers.get('idempotent-replayed'), null);

    const read = await stack.get<Problem>(REX, `/v1/reviews/${review.id}`);
    assert.equal(read.status, 404);
    assert.doesNotMatch(JSON.stringify(read.body), new RegExp(CONFIDENTIAL));
    const options = await stack.get<Problem>(REX, `/v1/reviews/options?kind=document&id=${CONFIDENTIAL}`);
    assert.equal(options.status, 404);
    // What max sees: the review and its running state.
    assert.equal((await stack.get<Review>(MAX, `/v1/reviews/${review.id}`)).body.target.id, CONFIDENTIAL);
  });

  it('refuses every /v1 route without a token, before anything is read upstream', async () => {
    const before = stack.upstream.length;
    for (const [method, path] of [
      ['GET', `/v1/workspaces/${WORKSPACE}`],
      ['GET', `/v1/documents/${CONFIDENTIAL}/content`],
      ['GET', `/v1/reviews/options?kind=document&id=${CONFIDENTIAL}`],
      ['GET', '/v1/reviews/1'],
      ['GET', `/v1/events?topics=workspace:${WORKSPACE}`],
      ['POST', '/v1/reviews'],
      ['POST', `/v1/workspaces/${WORKSPACE}/documents`],
      ['POST', '/v1/workspaces/lookup:batch'],
    ] as const) {
      const res = await stack.fetch(path, {
        method,
        headers: { 'X-Requested-With': 'xecm-elements', 'Content-Type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      assert.ok(res.status === 401 || res.status === 404, `${method} ${path}: ${res.status}`);
      if (res.status === 401) assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.equal(stack.upstream.length, before);
  });
});
