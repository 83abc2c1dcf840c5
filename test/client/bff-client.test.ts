import { expect } from '@open-wc/testing';
import { BffClient, BffProblemError, REQUESTED_WITH } from '../../src/client/index.js';
import {
  fixtureDocument,
  fixtureDocumentPage,
  fixtureDocuments,
  fixtureWorkspace,
} from '../mocks/fixtures.js';
import { fakeFetch, hang, json, problem } from './fake-fetch.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('BffClient requests', () => {
  it('asks the tokenProvider before each request and sends the token as a bearer', async () => {
    const fake = fakeFetch(json(fixtureDocument(1)), json(fixtureDocument(2)));
    let n = 0;
    const client = new BffClient({ baseUrl: '/bff/', fetch: fake.fetch, tokenProvider: () => `t${++n}` });
    await client.getDocument('8001');
    await client.getDocument('8002');
    expect(fake.calls.map((c) => c.url)).to.deep.equal(['/bff/v1/documents/8001', '/bff/v1/documents/8002']);
    expect(fake.calls.map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2']);
  });

  it('sends no Authorization header without a tokenProvider (cookie sessions)', async () => {
    const fake = fakeFetch(json(fixtureDocument(1)));
    await new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).getDocument('8001');
    expect(fake.calls[0]!.headers.has('Authorization')).to.equal(false);
  });

  it('after a 401 asks for a fresh token once and retries once', async () => {
    const fake = fakeFetch(problem(401, 'unauthenticated'), json(fixtureDocument(1)));
    const requests: unknown[] = [];
    const client = new BffClient({
      baseUrl: '/bff',
      fetch: fake.fetch,
      tokenProvider: (request) => {
        requests.push(request);
        return request?.expired ? 'fresh' : 'old';
      },
    });
    const doc = await client.getDocument('8001');
    expect(doc.id).to.equal('8001');
    expect(requests).to.deep.equal([undefined, { expired: true }]);
    expect(fake.calls.map((c) => c.headers.get('Authorization'))).to.deep.equal([
      'Bearer old',
      'Bearer fresh',
    ]);
  });

  it('gives up after the second 401 with an unauthenticated error', async () => {
    const fake = fakeFetch(problem(401, 'unauthenticated'));
    const client = new BffClient({ baseUrl: '/bff', fetch: fake.fetch, tokenProvider: () => 'expired' });
    const error = await rejection(client.getDocument('8001'));
    expect(error).to.be.instanceOf(BffProblemError);
    expect((error as BffProblemError).code).to.equal('unauthenticated');
    expect((error as BffProblemError).status).to.equal(401);
    expect(fake.calls.length).to.equal(2);
  });

  it('turns a problem document into a BffProblemError with its code, status and request id', async () => {
    const fake = fakeFetch(problem(403, 'forbidden'));
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).listDocuments('7001'),
    )) as BffProblemError;
    expect(error).to.be.instanceOf(BffProblemError);
    expect(error.code).to.equal('forbidden');
    expect(error.status).to.equal(403);
    expect(error.problem.requestId).to.equal('req-forbidden');
  });

  it('reports an error answer without a problem document as bad-response', async () => {
    const fake = fakeFetch(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).getDocument('1'),
    )) as BffProblemError;
    expect(error.code).to.equal('bad-response');
    expect(error.status).to.equal(502);
  });

  it('reports a body that is not JSON as bad-response', async () => {
    const fake = fakeFetch(
      new Response('{"id": "80', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).getDocument('1'),
    )) as BffProblemError;
    expect(error.code).to.equal('bad-response');
  });

  it('reports JSON in the wrong shape as bad-response, naming fields but not values', async () => {
    const broken = { ...fixtureDocument(1), size: 'huge', name: 'secret-name.pdf' };
    const fake = fakeFetch(json(broken));
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).getDocument('8001'),
    )) as BffProblemError;
    expect(error.code).to.equal('bad-response');
    expect(error.problem.detail).to.contain('size');
    expect(error.problem.detail).to.not.contain('secret-name');
  });

  it('reports an unreachable server as network with status 0', async () => {
    const fake = fakeFetch(new TypeError('Failed to fetch'));
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).getDocument('1'),
    )) as BffProblemError;
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(0);
  });

  it('gives up on a server that never answers after timeoutMs: network error, request aborted', async () => {
    const fake = fakeFetch(hang);
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch, timeoutMs: 30 }).getDocument('1'),
    )) as BffProblemError;
    expect(error).to.be.instanceOf(BffProblemError);
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(0);
    expect(fake.calls[0]!.signal!.aborted).to.equal(true);
  });

  it('times out a body that starts but never finishes', async () => {
    const stalled = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"id":')) }), {
        headers: { 'Content-Type': 'application/json' },
      });
    const fake = fakeFetch(stalled);
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch, timeoutMs: 30 }).getDocument('1'),
    )) as BffProblemError;
    expect(error.code).to.equal('network');
  });

  it('fetches document content with the token, and after a 401 once more with a fresh token', async () => {
    const pdf = new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf' } });
    const fake = fakeFetch(problem(401, 'unauthenticated'), pdf);
    const asked: unknown[] = [];
    const client = new BffClient({
      baseUrl: '/bff',
      fetch: fake.fetch,
      tokenProvider: (request) => {
        asked.push(request);
        return request?.expired ? 'fresh' : 'stale';
      },
    });
    const blob = await client.getContent('8001', { download: true });
    expect(await blob.text()).to.equal('%PDF-1.7');
    expect(fake.calls.map((c) => c.url)).to.deep.equal([
      '/bff/v1/documents/8001/content?download=1',
      '/bff/v1/documents/8001/content?download=1',
    ]);
    expect(fake.calls.map((c) => c.headers.get('Authorization'))).to.deep.equal([
      'Bearer stale',
      'Bearer fresh',
    ]);
    expect(fake.calls[1]!.headers.get('Accept')).to.equal('*/*');
    expect(asked).to.deep.equal([undefined, { expired: true }]);
  });

  it('reports a content problem by its code', async () => {
    const fake = fakeFetch(problem(404, 'not-found'));
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).getContent('8001'),
    )) as BffProblemError;
    expect(error.code).to.equal('not-found');
    expect(error.status).to.equal(404);
  });

  it('times out content whose answer never starts, but not a large file still arriving', async () => {
    const hung = fakeFetch(hang);
    const error = (await rejection(
      new BffClient({ baseUrl: '/bff', fetch: hung.fetch, timeoutMs: 30 }).getContent('8001'),
    )) as BffProblemError;
    expect(error.code).to.equal('network');
    expect(hung.calls[0]!.signal!.aborted).to.equal(true);

    // The answer starts at once; its last bytes come after three timeouts' worth of time.
    const slow = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(new TextEncoder().encode('part one, '));
            setTimeout(() => {
              c.enqueue(new TextEncoder().encode('part two'));
              c.close();
            }, 100);
          },
        }),
        { headers: { 'Content-Type': 'text/plain' } },
      );
    const client = new BffClient({ baseUrl: '/bff', fetch: fakeFetch(slow).fetch, timeoutMs: 30 });
    expect(await (await client.getContent('8001')).text()).to.equal('part one, part two');
  });

  it('aborts the request when the caller aborts, rejecting with an AbortError', async () => {
    const fake = fakeFetch(hang);
    const controller = new AbortController();
    const pending = new BffClient({ baseUrl: '/bff', fetch: fake.fetch }).listDocuments(
      '7001',
      {},
      { signal: controller.signal },
    );
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    const error = (await rejection(pending)) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(fake.calls[0]!.signal!.aborted).to.equal(true);
  });

  it('sends X-Requested-With, a JSON body and an Idempotency-Key on writes, and not on reads', async () => {
    const review = {
      id: 'r1',
      target: { kind: 'workspace', id: '7001' },
      workflow: { key: 'contract-review', name: 'Contract Review' },
      state: 'running',
      startedAt: '2026-11-20T09:30:00Z',
    };
    const fake = fakeFetch(
      json(review, 201),
      json({ workflows: [], canStart: false, reason: 'no-workflows' }),
    );
    const client = new BffClient({ baseUrl: '/bff', fetch: fake.fetch });
    const started = await client.startReview(
      { target: { kind: 'workspace', id: '7001' }, workflow: 'contract-review', comment: 'please' },
      { idempotencyKey: 'k-1' },
    );
    expect(started.state).to.equal('running');
    await client.getReviewOptions({ kind: 'workspace', id: '7001' });
    const [write, read] = fake.calls;
    expect(write!.method).to.equal('POST');
    expect(write!.url).to.equal('/bff/v1/reviews');
    expect(write!.headers.get('X-Requested-With')).to.equal(REQUESTED_WITH);
    expect(write!.headers.get('Content-Type')).to.equal('application/json');
    expect(write!.headers.get('Idempotency-Key')).to.equal('k-1');
    expect(JSON.parse(write!.body!)).to.deep.equal({
      target: { kind: 'workspace', id: '7001' },
      workflow: 'contract-review',
      comment: 'please',
    });
    expect(read!.url).to.equal('/bff/v1/reviews/options?kind=workspace&id=7001');
    expect(read!.headers.has('X-Requested-With')).to.equal(false);
  });

  it('builds document list queries in a canonical order and caches equal queries once', async () => {
    const all = fixtureDocuments(30);
    const fake = fakeFetch((call) => {
      const params = new URL(call.url, location.href).searchParams;
      return json(
        fixtureDocumentPage(all, {
          page: Number(params.get('page') ?? 1),
          pageSize: Number(params.get('pageSize') ?? 50),
        }),
      );
    });
    const client = new BffClient({ baseUrl: '/bff', fetch: fake.fetch });
    const page = await client.listDocuments('7001', { pageSize: 10, page: 2, sort: '-size' });
    await client.listDocuments('7001', { sort: '-size', page: 2, pageSize: 10 });
    expect(page.items[0]!.id).to.equal('8011');
    expect(fake.calls.map((c) => c.url)).to.deep.equal([
      '/bff/v1/workspaces/7001/documents?page=2&pageSize=10&sort=-size',
    ]);
  });

  it('makes content URLs under the base URL', () => {
    const client = new BffClient({ baseUrl: 'https://bff.example.com/' });
    expect(client.contentUrl('8001')).to.equal('https://bff.example.com/v1/documents/8001/content');
    expect(client.contentUrl('8001', true)).to.equal(
      'https://bff.example.com/v1/documents/8001/content?download=1',
    );
  });

  it('creates a workspace and tells watchers of the business object', async () => {
    const ws = fixtureWorkspace(1);
    const fake = fakeFetch(json(ws, 201));
    const client = new BffClient({ baseUrl: '/bff', fetch: fake.fetch });
    let told = 0;
    client.subscribe('bo:crm/account/A-1001', () => told++);
    const created = await client.createWorkspace({ businessObject: ws.businessObject });
    expect(created.id).to.equal('7001');
    expect(told).to.equal(1);
    expect(fake.calls[0]!.headers.get('X-Requested-With')).to.equal(REQUESTED_WITH);
    // The new workspace is cached: the card that asked for the business object gets it without a request.
    expect((await client.lookupWorkspace(ws.businessObject)).id).to.equal('7001');
    expect(fake.calls.length).to.equal(1);
  });

  it('clears cached data on signOut', async () => {
    const fake = fakeFetch(json(fixtureDocument(1)));
    const client = new BffClient({ baseUrl: '/bff', fetch: fake.fetch });
    await client.getDocument('8001');
    await client.getDocument('8001');
    expect(fake.calls.length).to.equal(1);
    client.signOut();
    await client.getDocument('8001');
    expect(fake.calls.length).to.equal(2);
  });
});
