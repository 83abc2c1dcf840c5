// Workspace metadata read the way Content Server answers `GET /v2/nodes/{id}/categories?metadata` (notes N10):
// `metadata_order.categories` names category ids, the attributes come in their metadata order.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;

describe('xECM fidelity: category metadata', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  it('shows the business attributes when metadata_order lists only category ids', async () => {
    const { status, body } = await stack.get<WorkspaceSummary>(
      'max.sales',
      `/v1/workspaces/${acme.workspaceId}`,
    );
    assert.equal(status, 200);
    assert.deepEqual(
      body.metadata.map((m) => [m.key, m.label]),
      [
        ['9101_2', 'Account Number'],
        ['9101_3', 'Owner'],
        ['9101_4', 'Region'],
        ['9101_5', 'Status'],
        ['9101_6', 'Industry'],
      ],
    );
    assert.equal(body.metadata[0]!.value, acme.businessObject.id);
  });
});
