import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ids, names, startTestEmulator, type TestEmulator, type UserKey } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme, categories } = WELL_KNOWN;

describe('emulator: permissions of each seeded user', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  async function searchCount(user: UserKey, location: number): Promise<number> {
    const res = await emu.get(`/api/v2/search?location_id1=${location}&where=OTSubType:144&limit=1`, user);
    return res.json['paging'].total_count;
  }

  it('hides every Confidential folder from rex.restricted, in every workspace', async () => {
    const all = await emu.get('/api/v2/businessworkspaces?limit=500', 'admin');
    let hidden = 0;
    for (const wsId of ids(all)) {
      const adminView = names(await emu.get(`/api/v2/nodes/${wsId}/nodes?limit=100`, 'admin'));
      const rexView = names(await emu.get(`/api/v2/nodes/${wsId}/nodes?limit=100`, 'restricted'));
      assert.ok(!rexView.includes('Confidential'));
      if (adminView.includes('Confidential')) hidden++;
      assert.deepEqual(
        rexView,
        adminView.filter((n) => n !== 'Confidential'),
      );
    }
    assert.ok(hidden >= 30, 'several workspaces have a confidential folder');
  });

  it('counts only what the user sees (size and container_size)', async () => {
    const max = await emu.get(`/api/v2/nodes/${acme.workspaceId}`, 'regular');
    const rex = await emu.get(`/api/v2/nodes/${acme.workspaceId}`, 'restricted');
    assert.equal(max.json['results'].data.properties.container_size, 4);
    assert.equal(rex.json['results'].data.properties.container_size, 3);
    assert.equal(rex.json['results'].data.properties.size, 3);
    const listed = await emu.get(`/api/v2/nodes/${acme.workspaceId}/nodes`, 'restricted');
    assert.equal(listed.json['collection'].paging.total_count, 3);
  });

  it('answers direct reads of confidential nodes exactly like missing ones', async () => {
    const missingId = 99_999_999;
    const missing = await emu.get(`/api/v2/nodes/${missingId}`, 'restricted');
    for (const id of [acme.confidentialFolderId, acme.confidentialDocumentId]) {
      const res = await emu.get(`/api/v2/nodes/${id}`, 'restricted');
      assert.equal(res.status, missing.status);
      assert.deepEqual(res.json, {
        error: String(missing.json['error']).replace(String(missingId), String(id)),
      });
    }
    for (const path of ['content', 'versions', 'categories', 'audit', 'nodes']) {
      const res = await emu.get(`/api/v2/nodes/${acme.confidentialDocumentId}/${path}`, 'restricted');
      assert.equal(res.status, 400, path);
    }
    const v1 = await emu.raw(`/api/v1/nodes/${acme.confidentialDocumentId}/content`, 'restricted');
    assert.equal(v1.status, 500);
    assert.deepEqual(await v1.json(), { error: 'Could not locate node' });
    const wf = await emu.get(`/api/v2/docworkflows?doc_id=${acme.confidentialDocumentId}`, 'restricted');
    assert.equal(wf.status, 400);
  });

  it('keeps confidential documents out of rex’s search results and counts', async () => {
    const confidentialDocs = (
      await emu.get(`/api/v2/nodes/${acme.confidentialFolderId}/nodes?where_type=144&limit=1`, 'regular')
    ).json['collection'].paging.total_count;
    assert.ok(confidentialDocs > 0);
    assert.equal(
      await searchCount('restricted', acme.workspaceId),
      (await searchCount('regular', acme.workspaceId)) - confidentialDocs,
    );
    const found = await emu.get(`/api/v2/search?location_id1=${acme.workspaceId}&where=Margin`, 'restricted');
    assert.deepEqual(names(found), []);
  });

  it('still finds the workspace itself for rex (lookups are not confidential)', async () => {
    const res = await emu.get(
      '/api/v2/businessworkspaces?where_ext_system_id=crm&where_bo_type=account&where_bo_id=A-1001',
      'restricted',
    );
    assert.deepEqual(ids(res), [acme.workspaceId]);
  });

  it('lets rex neither upload into nor probe the confidential folder', async () => {
    const form = new FormData();
    form.set('body', JSON.stringify({ type: 144, parent_id: acme.confidentialFolderId, name: 'Probe.txt' }));
    form.set('file', new Blob(['x'], { type: 'text/plain' }), 'probe.txt');
    const res = await emu.multipart('POST', '/api/v2/nodes', form, 'restricted');
    assert.equal(res.status, 400);
    assert.match(String(res.json['error']), /Could not get a node/);
  });

  it('shows the confidential folder to business users and the administrator', async () => {
    for (const user of ['admin', 'reviewer', 'regular', 'portal'] as const) {
      const res = await emu.get(`/api/v2/nodes/${acme.confidentialDocumentId}`, user);
      assert.equal(res.status, 200, user);
      const content = await emu.raw(`/api/v1/nodes/${acme.confidentialDocumentId}/content`, user);
      assert.equal(content.status, 200, user);
      await content.arrayBuffer();
    }
  });

  it('reports effective permissions per user (N13)', async () => {
    const perms = async (user: UserKey, id: number) => {
      const me = await emu.get('/api/v1/auth', user);
      const res = await emu.get(`/api/v2/nodes/${id}/permissions/effective/${me.json['data'].id}`, user);
      return res.json['results'].data.permissions.permissions as string[];
    };
    assert.ok((await perms('regular', acme.contractsFolderId)).includes('add_items'));
    const portal = await perms('portal', acme.contractsFolderId);
    assert.ok(portal.includes('see') && !portal.includes('add_items'));
    const other = await emu.get(
      `/api/v2/nodes/${acme.contractsFolderId}/permissions/effective/${WELL_KNOWN.users.admin.id}`,
      'regular',
    );
    assert.equal(other.status, 403);
  });

  it('lets portal.reader read everything but change nothing', async () => {
    const doc = acme.approvedPublicDocumentId;
    const form = new FormData();
    form.set('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    const attempts = [
      await emu.form(
        'PUT',
        `/api/v2/nodes/${doc}/categories/${categories.documentControl.id}`,
        { [categories.documentControl.approvalStatus]: 'Rejected' },
        'portal',
      ),
      await emu.bodyJson('PUT', `/api/v2/nodes/${doc}`, { name: 'Hacked.pdf' }, 'portal'),
      await emu.multipart('POST', `/api/v2/nodes/${doc}/versions`, form, 'portal'),
      await emu.form(
        'POST',
        '/api/v2/nodes',
        { type: '0', parent_id: String(acme.workspaceId), name: 'Portal folder' },
        'portal',
      ),
      await emu.bodyJson(
        'POST',
        '/api/v2/draftprocesses',
        { workflow_id: WELL_KNOWN.workflows.contractReview.id, doc_ids: String(doc) },
        'portal',
      ),
    ];
    for (const res of attempts) {
      assert.equal(res.status, 403);
      assert.match(String(res.json['error']), /permission/i);
    }
    const after = await emu.get(
      `/api/v2/nodes/${doc}?fields=properties&fields=categories&fields=versions.element(0)`,
      'admin',
    );
    assert.equal(after.json['results'].data.properties.name, 'Master Services Agreement.pdf');
    assert.equal(after.json['results'].data.versions[0].version_number, 3);
  });
});
