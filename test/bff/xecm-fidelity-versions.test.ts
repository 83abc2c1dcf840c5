// A document's version as Content Server tells it: `version_number` is not a node property (notes §2.3,
// nodes_V2Properties); the latest version comes with `fields=versions.element(0)` (N1, N7).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentItem, DocumentPage } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;
const MAX = 'max.sales';

describe('xECM fidelity: document versions', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { BFF_DOCUMENTS_TTL_SECONDS: '0', BFF_SUMMARY_TTL_SECONDS: '0' } });
  });
  after(() => stack.close());

  it('the emulator, like Content Server, has no version_number among node properties', async () => {
    const auth = await fetch(`${stack.emulator.url}/api/v1/auth`, {
      method: 'POST',
      body: new URLSearchParams({ username: MAX, password: 'demo' }),
    });
    const { ticket } = (await auth.json()) as { ticket: string };
    const res = await fetch(`${stack.emulator.url}/api/v2/nodes/${acme.approvedPublicDocumentId}`, {
      headers: { OTCSTicket: ticket },
    });
    const body = (await res.json()) as { results: { data: { properties: Record<string, unknown> } } };
    assert.equal(body.results.data.properties['id'], acme.approvedPublicDocumentId);
    assert.equal('version_number' in body.results.data.properties, false);
  });

  it('a single document shows its latest version (3 versions seeded)', async () => {
    const { status, body } = await stack.get<DocumentItem>(
      MAX,
      `/v1/documents/${acme.approvedPublicDocumentId}`,
    );
    assert.equal(status, 200);
    assert.equal(body.version, 3);
  });

  it('a document page shows each latest version, in the paged (single folder) and merged paths', async () => {
    for (const query of ['pageSize=200', 'pageSize=200&q=Master']) {
      const { status, body } = await stack.get<DocumentPage>(
        MAX,
        `/v1/workspaces/${acme.workspaceId}/documents?${query}`,
      );
      assert.equal(status, 200);
      const item = body.items.find((d) => d.id === String(acme.approvedPublicDocumentId));
      assert.ok(item, query);
      assert.equal(item.version, 3, query);
    }
  });

  it('a new version of an uploaded document is what the BFF reports next', async () => {
    const form = new FormData();
    form.append('file', new Blob(['first']), 'Versioned fidelity.txt');
    const token = await stack.tokenFor(MAX);
    const upload = await stack.fetch(`/v1/workspaces/${acme.workspaceId}/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Requested-With': 'xecm-elements' },
      body: form,
    });
    assert.equal(upload.status, 201);
    const created = (await upload.json()) as DocumentItem;
    assert.equal(created.version, 1);

    const auth = await fetch(`${stack.emulator.url}/api/v1/auth`, {
      method: 'POST',
      body: new URLSearchParams({ username: MAX, password: 'demo' }),
    });
    const { ticket } = (await auth.json()) as { ticket: string };
    const v2 = new FormData();
    v2.append('file', new Blob(['second']), 'Versioned fidelity.txt');
    const added = await fetch(`${stack.emulator.url}/api/v2/nodes/${created.id}/versions`, {
      method: 'POST',
      headers: { OTCSTicket: ticket },
      body: v2,
    });
    assert.equal(added.status, 200);
    const { body } = await stack.get<DocumentItem>(MAX, `/v1/documents/${created.id}`);
    assert.equal(body.version, 2);
  });
});
