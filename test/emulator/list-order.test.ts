// Browse lists keep their sort order between calls; every write must show up in the very next list.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ids, names, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme, big } = WELL_KNOWN;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type Props = { id: number; name: string; size: number; modify_date: string };

function props(answer: { json: Record<string, unknown> }): Props[] {
  return (answer.json['results'] as { data: { properties: Props } }[]).map((r) => r.data.properties);
}

function file(name: string, text: string): FormData {
  const form = new FormData();
  form.set('file', new Blob([text], { type: 'text/plain' }), name);
  return form;
}

describe('emulator: list order across writes', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  const list = (folder: number, query: string, user: 'regular' | 'admin' | 'restricted' = 'regular') =>
    emu.get(`/api/v2/nodes/${folder}/nodes?${query}`, user);

  it('a rename moves the item in the next name-sorted list', async () => {
    const first = await list(acme.contractsFolderId, 'sort=asc_name&limit=100');
    const last = props(first).at(-1)!;
    const renamed = await emu.bodyJson(
      'PUT',
      `/api/v2/nodes/${last.id}`,
      { name: '0000 first after rename.pdf' },
      'regular',
    );
    assert.equal(renamed.status, 200);
    const again = await list(acme.contractsFolderId, 'sort=asc_name&limit=100');
    assert.equal(ids(again)[0], last.id);
    assert.equal(names(again)[0], '0000 first after rename.pdf');
    const desc = await list(acme.contractsFolderId, 'sort=desc_name&limit=100');
    assert.equal(ids(desc).at(-1), last.id);
  });

  it('a new document and a new version show up in the next list, in order', async () => {
    const before = props(await list(acme.contractsFolderId, 'sort=desc_size&limit=100'));
    const created = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      (() => {
        const form = file('big.txt', 'x'.repeat(before[0]!.size + 1));
        form.set(
          'body',
          JSON.stringify({ type: 144, parent_id: acme.contractsFolderId, name: 'Biggest.txt' }),
        );
        return form;
      })(),
      'regular',
    );
    assert.equal(created.status, 200);
    const id = Number(created.json['results'].data.properties.id);
    const after = props(await list(acme.contractsFolderId, 'sort=desc_size&limit=100'));
    assert.equal(after.length, before.length + 1);
    assert.equal(after[0]!.id, id);

    // The smallest document gets a version larger than everything: it moves to the top.
    const smallest = after.at(-1)!;
    const version = await emu.multipart(
      'POST',
      `/api/v2/nodes/${smallest.id}/versions`,
      file('v.txt', 'y'.repeat(after[0]!.size + 1)),
      'regular',
    );
    assert.equal(version.status, 200);
    const bySize = props(await list(acme.contractsFolderId, 'sort=desc_size&limit=100'));
    assert.equal(bySize[0]!.id, smallest.id);
    const byDate = props(await list(acme.contractsFolderId, 'sort=desc_modify_date&limit=100'));
    assert.equal(byDate[0]!.id, smallest.id);
  });

  it('a deleted item is gone from the next list and the count', async () => {
    const before = await list(acme.contractsFolderId, 'sort=asc_name&limit=100');
    const victim = ids(before)[1]!;
    const res = await fetch(`${emu.url}/api/v2/nodes/${victim}`, {
      method: 'DELETE',
      headers: { OTCSTicket: await emu.ticket('regular') },
    });
    assert.equal(res.status, 200);
    const after = await list(acme.contractsFolderId, 'sort=asc_name&limit=100');
    assert.ok(!ids(after).includes(victim));
    assert.equal(
      after.json['collection'].paging.total_count,
      before.json['collection'].paging.total_count - 1,
    );
  });

  it('filters by visibility, type and name give the same order as sorting the filtered list', async () => {
    const admin = names(await list(acme.workspaceId, 'sort=asc_name', 'admin'));
    const restricted = names(await list(acme.workspaceId, 'sort=asc_name', 'restricted'));
    assert.ok(admin.includes('Confidential'));
    assert.deepEqual(
      restricted,
      admin.filter((n) => n !== 'Confidential'),
    );
    const page = names(
      await list(big.documentsFolderId, 'where_type=144&where_name=contains_report&limit=200'),
    );
    assert.ok(page.length > 0);
    assert.deepEqual(
      page,
      [...page].sort((a, b) => collator.compare(a, b)),
    );
  });

  it('a reset brings back the seeded order', async () => {
    const seeded = names(await list(acme.contractsFolderId, 'sort=asc_name&limit=100'));
    await emu.reset();
    const fresh = names(await list(acme.contractsFolderId, 'sort=asc_name&limit=100'));
    assert.notDeepEqual(fresh, seeded);
    assert.ok(!fresh.includes('Biggest.txt'));
    assert.ok(!fresh.includes('0000 first after rename.pdf'));
  });
});
