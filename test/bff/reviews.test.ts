import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentItem, Problem, Review, ReviewOptions } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const draftDoc = String(WELL_KNOWN.acme.draftDocumentId);
const otherDoc = String(WELL_KNOWN.acme.approvedInternalDocumentId);
const JSON_WRITE = { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' };

describe('reviews: options, start, idempotency, status', () => {
  let stack: Stack;

  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  async function start(user: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await stack.fetch('/v1/reviews', {
      method: 'POST',
      headers: { ...JSON_WRITE, authorization: `Bearer ${await stack.tokenFor(user)}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Review & Problem };
  }
  const options = (user: string, kind: string, id: string) =>
    stack.get<ReviewOptions & Problem>(user, `/v1/reviews/options?kind=${kind}&id=${id}`);
  const drafts = () =>
    stack.upstream.filter((r) => r.method === 'POST' && r.path === '/api/v2/draftprocesses');

  /** Processes max.sales initiated, as xECM itself counts them. */
  async function processesInXecm(): Promise<number> {
    const auth = await fetch(`${stack.emulator.url}/api/v1/auth`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'max.sales', password: 'demo' }),
    });
    const { ticket } = (await auth.json()) as { ticket: string };
    const res = await fetch(`${stack.emulator.url}/api/v2/workflows/status?kind=Initiated`, {
      headers: { OTCSTicket: ticket },
    });
    return ((await res.json()) as { results: unknown[] }).results.length;
  }

  let review: Review;

  it('offers the configured workflows on a draft document', async () => {
    const { status, body } = await options('max.sales', 'document', draftDoc);
    assert.equal(status, 200);
    assert.equal(body.canStart, true);
    assert.deepEqual(body.workflows, [
      { key: 'contract-review', name: 'Contract Review' },
      { key: 'compliance-review', name: 'Compliance Review' },
    ]);
  });

  it('starts a contract review: 201 with its first step, the document goes in review', async () => {
    const res = await start(
      'max.sales',
      { target: { kind: 'document', id: draftDoc }, workflow: 'contract-review', comment: 'Please check' },
      { 'idempotency-key': 'key-1' },
    );
    assert.equal(res.status, 201);
    review = res.body;
    assert.match(review.id, /^[0-9]+$/);
    assert.equal(res.headers.get('location'), `/v1/reviews/${review.id}`);
    assert.deepEqual(review.target, { kind: 'document', id: draftDoc });
    assert.deepEqual(review.workflow, { key: 'contract-review', name: 'Contract Review' });
    assert.equal(review.state, 'running');
    assert.equal(review.step, 'Legal review');
    const doc = await stack.get<DocumentItem>('max.sales', `/v1/documents/${draftDoc}`);
    assert.equal(doc.body.approval.state, 'in-review');
  });

  it('repeats an idempotent start with the same answer and no second process', async () => {
    const before = drafts().length;
    const res = await start(
      'max.sales',
      { target: { kind: 'document', id: draftDoc }, workflow: 'contract-review', comment: 'Please check' },
      { 'idempotency-key': 'key-1' },
    );
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(res.body, review);
    assert.equal(drafts().length, before);
    assert.equal(await processesInXecm(), 1);
  });

  it('refuses the same idempotency key with a different request', async () => {
    const res = await start(
      'max.sales',
      { target: { kind: 'document', id: otherDoc }, workflow: 'contract-review' },
      { 'idempotency-key': 'key-1' },
    );
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'conflict');
    assert.equal(await processesInXecm(), 1);
  });

  it('answers a second start on the same document with 409 review-running', async () => {
    const res = await start('max.sales', {
      target: { kind: 'document', id: draftDoc },
      workflow: 'compliance-review',
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'review-running');
    assert.equal(await processesInXecm(), 1);
  });

  it('reports the running review in the options', async () => {
    const { body } = await options('max.sales', 'document', draftDoc);
    assert.equal(body.canStart, false);
    assert.equal(body.reason, 'review-running');
    assert.equal(body.running?.id, review.id);
    assert.equal(body.running?.step, 'Legal review');
  });

  it('follows the review through both approvals to approved, on the review and the document', async () => {
    for (const expectedNext of ['Final approval', undefined]) {
      const act = await stack.control('/emulator/workflows/act', {
        processId: Number(review.id),
        user: 'lena.legal',
        action: 'Approve',
      });
      assert.equal(act.status, 200);
      const { status, body } = await stack.get<Review>('max.sales', `/v1/reviews/${review.id}`);
      assert.equal(status, 200);
      assert.equal(body.step, expectedNext);
      assert.equal(body.state, expectedNext ? 'running' : 'approved');
    }
    const doc = await stack.get<DocumentItem>('max.sales', `/v1/documents/${draftDoc}`);
    assert.equal(doc.body.approval.state, 'approved');
    const after = await options('max.sales', 'document', draftDoc);
    assert.equal(after.body.canStart, true);
  });

  it('starts one process when the same idempotent request arrives twice at once', async () => {
    const body = {
      target: { kind: 'document', id: String(WELL_KNOWN.acme.rejectedDocumentId) },
      workflow: 'compliance-review',
    };
    const before = await processesInXecm();
    const [a, b] = await Promise.all([
      start('max.sales', body, { 'idempotency-key': 'parallel-1' }),
      start('max.sales', body, { 'idempotency-key': 'parallel-1' }),
    ]);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(a.body.id, b.body.id);
    assert.equal(await processesInXecm(), before + 1);
  });

  it('refuses a read-only user with 403 and then reports not-permitted', async () => {
    const res = await start('portal.reader', {
      target: { kind: 'document', id: otherDoc },
      workflow: 'compliance-review',
    });
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'forbidden');
    const { body } = await options('portal.reader', 'document', otherDoc);
    assert.equal(body.canStart, false);
    assert.equal(body.reason, 'not-permitted');
  });

  it('rejects bad input with 400 naming the wrong field', async () => {
    const cases: [unknown, string][] = [
      [{ target: { kind: 'folder', id: draftDoc }, workflow: 'contract-review' }, 'target.kind'],
      [{ target: { kind: 'document', id: '../1' }, workflow: 'contract-review' }, 'target.id'],
      [{ target: { kind: 'document', id: draftDoc }, workflow: 'no-such-review' }, 'workflow'],
    ];
    for (const [body, path] of cases) {
      const res = await start('max.sales', body);
      assert.equal(res.status, 400, path);
      assert.equal(res.body.code, 'bad-request');
      assert.ok(
        res.body.errors?.some((e) => e.path === path),
        path,
      );
    }
    const q = await options('max.sales', 'folder', draftDoc);
    assert.equal(q.status, 400);
    const id = await stack.get<Problem>('max.sales', '/v1/reviews/abc');
    assert.equal(id.status, 400);
  });

  it('refuses a start without the CSRF header', async () => {
    const res = await start(
      'max.sales',
      { target: { kind: 'document', id: otherDoc }, workflow: 'contract-review' },
      { 'x-requested-with': '' },
    );
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'csrf-header-missing');
  });

  it('answers 404 for a review the user cannot see', async () => {
    const res = await stack.get<Problem>('max.sales', '/v1/reviews/999999');
    assert.equal(res.status, 404);
  });
});
