import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BffClient } from '../../src/client/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { Stack } from './helpers/stack.js';
import { startPortalStack } from './portal-helpers.js';

describe('BffClient.listPortalDocuments against the portal routes', () => {
  let stack: Stack;
  before(async () => {
    stack = await startPortalStack();
  });
  after(() => stack.close());

  it('lists approved public documents with signed links, sending no token and no cookies', async () => {
    const sent: { url: string; headers: Headers; credentials?: RequestCredentials }[] = [];
    const client = new BffClient({
      baseUrl: stack.bff.url,
      tokenProvider: () => 'host-token-that-must-not-travel',
      fetch: (input, init) => {
        sent.push({
          url: String(input),
          headers: new Headers(init?.headers),
          credentials: init?.credentials,
        });
        return fetch(input, init);
      },
    });
    const page = await client.listPortalDocuments(String(WELL_KNOWN.acme.workspaceId), {
      q: 'agreement',
      pageSize: 10,
    });
    assert.deepEqual(
      page.items.map((d) => d.id),
      [String(WELL_KNOWN.acme.approvedPublicDocumentId)],
    );
    assert.match(page.items[0]!.openUrl, /^\/portal\/v1\/content\/10110\?v=3&/);
    assert.equal(sent.length, 1);
    assert.equal(
      sent[0]!.url,
      `${stack.bff.url}/portal/v1/workspaces/10100/documents?pageSize=10&q=agreement`,
    );
    assert.equal(sent[0]!.headers.get('authorization'), null);
    assert.equal(sent[0]!.credentials, 'omit');
  });

  it('surfaces the portal 404 as a BffProblemError', async () => {
    const client = new BffClient({ baseUrl: stack.bff.url });
    await assert.rejects(
      client.listPortalDocuments('999999'),
      (error: { code?: string; status?: number }) => {
        assert.equal(error.code, 'not-found');
        assert.equal(error.status, 404);
        return true;
      },
    );
  });
});
