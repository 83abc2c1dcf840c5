import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { categories } = WELL_KNOWN;

describe('emulator: seed data', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  async function allDocuments(workspaceId: number) {
    const res = await emu.get(
      `/api/v2/search?location_id1=${workspaceId}&where=OTSubType:144&limit=1000`,
      'admin',
    );
    return res.json['results'].map(
      (r: { data: { properties: { id: number; mime_type: string } } }) => r.data.properties,
    );
  }

  it('has at least 30 workspaces of every type, each with 0–200 documents (one with 10,000)', async () => {
    const list = await emu.get('/api/v2/businessworkspaces?limit=500', 'admin');
    const workspaces = list.json['results'].map(
      (r: { data: { properties: { id: number; wnf_wksp_type_id: number } } }) => r.data.properties,
    );
    assert.ok(workspaces.length >= 30);
    assert.deepEqual(
      [...new Set(workspaces.map((w: { wnf_wksp_type_id: number }) => w.wnf_wksp_type_id))].sort(),
      [1, 2, 3],
    );
    for (const ws of workspaces) {
      const count = (
        await emu.get(`/api/v2/search?location_id1=${ws.id}&where=OTSubType:144&limit=1`, 'admin')
      ).json['paging'].total_count;
      if (ws.id === WELL_KNOWN.big.workspaceId) assert.equal(count, 10_000);
      else assert.ok(count >= 0 && count <= 200, `${ws.id}: ${count}`);
    }
  });

  it('links workspaces to accounts, suppliers, purchase orders and cases', async () => {
    for (const [system, type] of [
      ['crm', 'account'],
      ['erp', 'supplier'],
      ['erp', 'purchase-order'],
      ['cases', 'case'],
    ]) {
      const res = await emu.get(
        `/api/v2/businessworkspaces?where_ext_system_id=${system}&where_bo_type=${type}`,
        'admin',
      );
      assert.ok(res.json['paging'].total_count >= 5, `${system}/${type}`);
    }
  });

  it('covers every MIME type, several versions, every approval value and both visibilities', async () => {
    const list = await emu.get('/api/v2/businessworkspaces?limit=500', 'admin');
    const docs: { id: number; mime_type: string }[] = [];
    for (const r of list.json['results'] as { data: { properties: { id: number } } }[]) {
      if (r.data.properties.id !== WELL_KNOWN.big.workspaceId)
        docs.push(...(await allDocuments(r.data.properties.id)));
    }
    const mimes = new Set(docs.map((d: { mime_type: string }) => d.mime_type));
    for (const mime of [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'text/plain',
      'text/html',
      'image/svg+xml',
      'message/rfc822',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'image/vnd.dwg',
    ]) {
      assert.ok(mimes.has(mime), mime);
    }
    const contracts = await emu.get(
      `/api/v2/nodes/${WELL_KNOWN.acme.contractsFolderId}/nodes?where_type=144&fields=properties&fields=versions.element(0)`,
      'admin',
    );
    const versions = (
      contracts.json['results'] as { data: { versions: { version_number: number }[] } }[]
    ).map((r) => r.data.versions[0]!.version_number);
    assert.ok(versions.some((n) => n >= 3));
    const approvals = new Set<string>();
    const visibilities = new Set<string>();
    for (const doc of docs.slice(0, 60)) {
      const res = await emu.get(`/api/v2/nodes/${doc.id}/categories`, 'admin');
      const control = res.json['results'].find(
        (r: { data: { categories: Record<string, unknown> } }) =>
          categories.documentControl.approvalStatus in r.data.categories,
      );
      approvals.add(String(control?.data.categories[categories.documentControl.approvalStatus] ?? 'none'));
      if (control)
        visibilities.add(String(control.data.categories[categories.documentControl.portalVisibility]));
    }
    assert.deepEqual([...approvals].sort(), ['Approved', 'Draft', 'In Review', 'Rejected', 'none']);
    assert.deepEqual([...visibilities].sort(), ['Internal', 'Public']);
  });

  it('generates valid, exactly sized content for any of the 10,000 documents on demand', async () => {
    const page = await emu.get(
      `/api/v2/nodes/${WELL_KNOWN.big.documentsFolderId}/nodes?sort=desc_name&limit=20`,
      'admin',
    );
    for (const r of page.json['results'] as {
      data: { properties: { id: number; size: number; mime_type: string } };
    }[]) {
      const res = await emu.raw(`/api/v1/nodes/${r.data.properties.id}/content`, 'admin');
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(bytes.length, r.data.properties.size);
      if (r.data.properties.mime_type === 'application/pdf')
        assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
      if (r.data.properties.mime_type === 'image/png')
        assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    }
  });
});
