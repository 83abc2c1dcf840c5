// Shapes and statuses the emulator must share with a real Content Server (docs: notes/xecm-rest-api.md),
// so a BFF that passes against the emulator does not meet something kinder than the real thing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme, categories } = WELL_KNOWN;

describe('emulator fidelity to Content Server', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('metadata_order of a category lists the category id only (N10), attribute order is the metadata order', async () => {
    const list = await emu.get(`/api/v2/nodes/${acme.workspaceId}/categories?metadata`, 'regular');
    assert.equal(list.status, 200);
    const results = list.json['results'] as {
      data: { categories: Record<string, unknown> };
      metadata: { categories: Record<string, { name: string }> };
      metadata_order: { categories: string[] };
    }[];
    assert.ok(results.length >= 2);
    for (const r of results) {
      const [catId, ...rest] = r.metadata_order.categories;
      assert.match(catId!, /^\d+$/);
      assert.deepEqual(rest, [], 'only the category id');
      assert.ok(Object.keys(r.data.categories).every((k) => k.startsWith(`${catId}_`)));
    }
    const customer = results.find((r) => r.metadata_order.categories[0] === String(categories.customer.id))!;
    const labels = Object.entries(customer.metadata.categories)
      .filter(([k]) => /^\d+_\d+$/.test(k))
      .map(([, m]) => m.name);
    assert.deepEqual(labels, ['Account Number', 'Owner', 'Region', 'Status', 'Industry']);
  });

  it('answers a missing node like Content Server: 400 on v2, 500 "Could not locate node" on v1 content (notes §2.7)', async () => {
    const missing = 99_999_999;
    const node = await emu.get(`/api/v2/nodes/${missing}`, 'regular');
    assert.equal(node.status, 400);
    assert.deepEqual(node.json, { error: `Could not get a node for ${missing}.` });
    const content = await emu.raw(`/api/v1/nodes/${missing}/content`, 'regular');
    assert.equal(content.status, 500);
    assert.deepEqual(await content.json(), { error: 'Could not locate node' });
    const del = await fetch(`${emu.url}/api/v2/nodes/${missing}`, {
      method: 'DELETE',
      headers: { OTCSTicket: await emu.ticket('regular') },
    });
    assert.equal(del.status, 400);
  });

  it('lists workspace templates only with expand_templates=true (notes §2.2, W6)', async () => {
    type Types = { data: { properties: { wksp_type_id: number; templates?: { id: number }[] } } }[];
    const plain = (await emu.get('/api/v2/businessworkspacetypes', 'regular')).json['results'] as Types;
    assert.ok(plain.length >= 3);
    assert.ok(plain.every((t) => t.data.properties.templates === undefined));
    const expanded = (await emu.get('/api/v2/businessworkspacetypes?expand_templates=true', 'regular')).json[
      'results'
    ] as Types;
    assert.ok(expanded.every((t) => (t.data.properties.templates ?? []).length > 0));
  });
});
