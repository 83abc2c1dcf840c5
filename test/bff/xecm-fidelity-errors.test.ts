// Content Server reports a missing (or invisible) node with 400 "Could not get a node for {id}" and v1
// content with 500 "Could not locate node" (notes §2.7, no 404 in its spec): the BFF must still say 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;
const MISSING = '99999999';

describe('xECM fidelity: missing and invisible nodes', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { BFF_DOCUMENTS_TTL_SECONDS: '0', BFF_SUMMARY_TTL_SECONDS: '0' } });
  });
  after(() => stack.close());

  async function expectNotFound(user: string, path: string): Promise<void> {
    const { status, body } = await stack.get<Problem>(user, path);
    assert.equal(status, 404, path);
    assert.equal(
      body.code === 'not-found' || body.code === 'workspace-not-found',
      true,
      `${path}: ${body.code}`,
    );
    assert.ok(!JSON.stringify(body).includes('Could not'), 'no upstream wording');
  }

  it('a missing document, its content, a missing workspace and its documents are 404', async () => {
    await expectNotFound('max.sales', `/v1/documents/${MISSING}`);
    await expectNotFound('max.sales', `/v1/documents/${MISSING}/content`);
    await expectNotFound('max.sales', `/v1/workspaces/${MISSING}`);
    await expectNotFound('max.sales', `/v1/workspaces/${MISSING}/documents`);
  });

  it('a document the user may not see is 404 like a missing one, content included', async () => {
    await expectNotFound('rex.restricted', `/v1/documents/${acme.confidentialDocumentId}`);
    await expectNotFound('rex.restricted', `/v1/documents/${acme.confidentialDocumentId}/content`);
  });

  it('an upload into a workspace that does not exist is 404', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'nowhere.txt');
    const res = await stack.fetch(`/v1/workspaces/${MISSING}/documents`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await stack.tokenFor('max.sales')}`,
        'X-Requested-With': 'xecm-elements',
      },
      body: form,
    });
    assert.equal(res.status, 404);
  });
});
