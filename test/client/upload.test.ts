import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BffClient, BffProblemError, REQUESTED_WITH } from '../../src/client/index.js';
import { fixtureDocument, fixtureProblem, fixtureWorkspace } from '../mocks/fixtures.js';
import { MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';

const file = () => new File(['x'.repeat(200_000)], 'Offer 2026.pdf', { type: 'application/pdf' });

describe('BffClient.uploadDocument', () => {
  it('posts multipart with the file, auth and CSRF headers, reports progress and returns the document', async () => {
    let seen: { name?: string; size?: number; auth: string | null; csrf: string | null } | undefined;
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/7001/documents`, async ({ request }) => {
        const form = await request.formData();
        const part = form.get('file') as File;
        seen = {
          name: part.name,
          size: part.size,
          auth: request.headers.get('Authorization'),
          csrf: request.headers.get('X-Requested-With'),
        };
        return HttpResponse.json(fixtureDocument(1, { name: part.name }), { status: 201 });
      }),
    );
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE, tokenProvider: () => 'tok' });
    const progress: [number, number][] = [];
    const doc = await client.uploadDocument('7001', file(), {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(doc.name).to.equal('Offer 2026.pdf');
    expect(seen).to.deep.equal({
      name: 'Offer 2026.pdf',
      size: 200_000,
      auth: 'Bearer tok',
      csrf: REQUESTED_WITH,
    });
    expect(progress.at(-1)).to.deep.equal([200_000, 200_000]);
  });

  it('invalidates the workspace so its list and count reload', async () => {
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/7001/documents`, () =>
        HttpResponse.json(fixtureDocument(1), { status: 201 }),
      ),
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/lookup:batch`, () =>
        HttpResponse.json({ results: [{ ok: true, workspace: fixtureWorkspace(1) }] }),
      ),
    );
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    await client.getWorkspace('7001');
    let told = 0;
    client.subscribe('workspace:7001', () => told++);
    await client.uploadDocument('7001', file());
    expect(told).to.equal(1);
    expect(client.cache.isFresh('workspace:7001')).to.equal(false);
  });

  it('turns a name conflict into a typed error', async () => {
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/7001/documents`, () =>
        HttpResponse.json(fixtureProblem(409, 'name-conflict'), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const error = await new BffClient({ baseUrl: MOCK_BFF_BASE })
      .uploadDocument('7001', file())
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BffProblemError);
    expect((error as BffProblemError).code).to.equal('name-conflict');
  });

  it('retries once with a fresh token after a 401', async () => {
    const auth: (string | null)[] = [];
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/7001/documents`, ({ request }) => {
        auth.push(request.headers.get('Authorization'));
        return auth.length === 1
          ? HttpResponse.json(fixtureProblem(401, 'unauthenticated'), { status: 401 })
          : HttpResponse.json(fixtureDocument(1), { status: 201 });
      }),
    );
    const client = new BffClient({
      baseUrl: MOCK_BFF_BASE,
      tokenProvider: (r) => (r?.expired ? 'new' : 'old'),
    });
    await client.uploadDocument('7001', file());
    expect(auth).to.deep.equal(['Bearer old', 'Bearer new']);
  });

  it('cancels with the abort signal', async () => {
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/7001/documents`, async () => {
        await new Promise((r) => setTimeout(r, 5_000));
        return HttpResponse.json(fixtureDocument(1), { status: 201 });
      }),
    );
    const controller = new AbortController();
    const pending = new BffClient({ baseUrl: MOCK_BFF_BASE }).uploadDocument('7001', file(), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const error = (await pending.catch((e: unknown) => e)) as DOMException;
    expect(error.name).to.equal('AbortError');
  });
});
