import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ids, names, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme, categories } = WELL_KNOWN;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function upload(
  fields: Record<string, string>,
  file?: { name: string; type: string; text: string },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([file.text], { type: file.type }), file.name);
  return form;
}

describe('emulator: nodes, content, versions, categories, audit, search', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ maxUploadBytes: 64 * 1024 });
  });
  after(() => emu.close());

  it('reads a node with results.data.properties (N1)', async () => {
    const res = await emu.get(`/api/v2/nodes/${acme.approvedPublicDocumentId}`, 'regular');
    const props = res.json['results'].data.properties;
    assert.equal(props.id, acme.approvedPublicDocumentId);
    assert.equal(props.type, 144);
    assert.equal(props.mime_type, 'application/pdf');
    assert.equal(props.parent_id, acme.contractsFolderId);
    assert.ok(props.size > 0);
    assert.match(props.modify_date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('adds categories, versions and expanded users on request', async () => {
    const res = await emu.get(
      `/api/v2/nodes/${acme.approvedPublicDocumentId}?fields=properties&fields=categories&fields=versions.element(0)&expand=properties{modify_user_id}`,
      'regular',
    );
    const data = res.json['results'].data;
    const control = data.categories.find(
      (c: Record<string, unknown>) => categories.documentControl.approvalStatus in c,
    );
    assert.equal(control[categories.documentControl.approvalStatus], 'Approved');
    assert.equal(control[categories.documentControl.portalVisibility], 'Public');
    assert.equal(data.versions.length, 1);
    assert.equal(data.versions[0].version_number, 3);
    assert.equal(typeof data.properties.modify_user_id_expand.name, 'string');
  });

  it('browses children with collection.paging, sorting and filters (N2)', async () => {
    const folders = await emu.get(`/api/v2/nodes/${acme.workspaceId}/nodes?where_type=-1`, 'regular');
    assert.deepEqual(names(folders).sort(), ['Confidential', 'Contracts', 'Correspondence', 'Invoices']);
    const docs = await emu.get(
      `/api/v2/nodes/${acme.contractsFolderId}/nodes?where_type=144&sort=desc_name&limit=3&page=1`,
      'regular',
    );
    assert.equal(docs.json['collection'].paging.limit, 3);
    assert.ok(docs.json['collection'].paging.total_count >= 5);
    assert.equal(docs.json['paging'], undefined);
    const got = names(docs);
    assert.deepEqual(
      got,
      [...got].sort((a, b) => collator.compare(b, a)),
    );
    const bySize = await emu.get(
      `/api/v2/nodes/${acme.contractsFolderId}/nodes?sort=asc_size&limit=100`,
      'regular',
    );
    const sizes = bySize.json['results'].map(
      (r: { data: { properties: { size: number } } }) => r.data.properties.size,
    );
    assert.deepEqual(
      sizes,
      [...sizes].sort((a: number, b: number) => a - b),
    );
    const named = await emu.get(`/api/v2/nodes/${acme.contractsFolderId}/nodes?where_name=Master`, 'regular');
    assert.ok(names(named).includes('Master Services Agreement.pdf'));
    assert.ok(names(named).every((n) => n.toLowerCase().includes('master')));
  });

  it('pages through 10,000 documents without overlap', async () => {
    const path = `/api/v2/nodes/${WELL_KNOWN.big.documentsFolderId}/nodes?sort=asc_name&limit=100`;
    const p1 = await emu.get(`${path}&page=1`, 'admin');
    const p100 = await emu.get(`${path}&page=100`, 'admin');
    assert.equal(p1.json['collection'].paging.page_total, 100);
    assert.equal(p100.json['collection'].paging.range_max, 10_000);
    const overlap = ids(p1).filter((id) => ids(p100).includes(id));
    assert.deepEqual(overlap, []);
  });

  it('rejects an unknown sort key and a non-numeric id with 400', async () => {
    const sort = await emu.get(`/api/v2/nodes/${acme.workspaceId}/nodes?sort=asc_color`, 'regular');
    assert.equal(sort.status, 400);
    const id = await emu.get('/api/v2/nodes/abc', 'regular');
    assert.equal(id.status, 400);
  });

  it('streams content with the stored MIME type and Content-Length (v1 and v2), download forced to octet-stream', async () => {
    for (const api of ['v1', 'v2']) {
      const res = await emu.raw(`/api/${api}/nodes/${acme.approvedPublicDocumentId}/content`, 'regular');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(Number(res.headers.get('content-length')), bytes.length);
      assert.equal(new TextDecoder().decode(bytes.subarray(0, 8)), '%PDF-1.4');
      assert.match(new TextDecoder().decode(bytes.subarray(bytes.length - 7)), /%%EOF/);
    }
    const node = await emu.get(`/api/v2/nodes/${acme.approvedPublicDocumentId}`, 'regular');
    const download = await emu.raw(
      `/api/v1/nodes/${acme.approvedPublicDocumentId}/content?action=download`,
      'regular',
    );
    assert.equal(download.headers.get('content-type'), 'application/octet-stream');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal((await download.arrayBuffer()).byteLength, node.json['results'].data.properties.size);
  });

  it('serves the seeded HTML and SVG documents as stored, scripts included (the BFF must make them safe)', async () => {
    const html = await emu.raw(`/api/v1/nodes/${acme.htmlDocumentId}/content`, 'regular');
    assert.equal(html.headers.get('content-type'), 'text/html');
    assert.match(await html.text(), /<script>/);
    const svg = await emu.raw(`/api/v1/nodes/${acme.svgDocumentId}/content`, 'regular');
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(await svg.text(), /<script/);
  });

  it('creates a document from multipart with a `body` JSON field and with plain fields (N3)', async () => {
    const viaBody = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      upload(
        { body: JSON.stringify({ type: 144, parent_id: acme.contractsFolderId, name: 'Upload A.txt' }) },
        { name: 'a.txt', type: 'text/plain', text: 'hello A' },
      ),
      'regular',
    );
    assert.equal(viaBody.status, 200);
    const idA = viaBody.json['results'].data.properties.id;
    const viaFields = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      upload(
        { type: '144', parent_id: String(acme.contractsFolderId), name: 'Upload B.txt' },
        { name: 'b.txt', type: 'text/plain', text: 'hello B' },
      ),
      'regular',
    );
    assert.equal(viaFields.status, 200);
    const content = await emu.raw(`/api/v1/nodes/${idA}/content`, 'reviewer');
    assert.equal(await content.text(), 'hello A');
    assert.equal(content.headers.get('content-type'), 'text/plain');
    const folder = await emu.get(
      `/api/v2/nodes/${acme.contractsFolderId}/nodes?where_name=Upload&limit=10`,
      'regular',
    );
    assert.deepEqual(names(folder).sort(), ['Upload A.txt', 'Upload B.txt']);
  });

  it('creates a folder from form-urlencoded plain fields', async () => {
    const res = await emu.form(
      'POST',
      '/api/v2/nodes',
      { type: '0', parent_id: String(acme.workspaceId), name: 'Quotes' },
      'regular',
    );
    assert.equal(res.status, 200);
    assert.equal(res.json['results'].data.properties.type, 0);
  });

  it('answers a duplicate name with 500 and the Content Server message', async () => {
    const res = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      upload(
        { type: '144', parent_id: String(acme.contractsFolderId), name: 'Master Services Agreement.pdf' },
        { name: 'x.pdf', type: 'application/pdf', text: '%PDF' },
      ),
      'regular',
    );
    assert.equal(res.status, 500);
    assert.deepEqual(res.json, {
      error: "An item with the name 'Master Services Agreement.pdf' already exists.",
    });
  });

  it('answers missing arguments, a missing file and an oversize upload with CS-style errors', async () => {
    const noName = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      upload(
        { type: '144', parent_id: String(acme.contractsFolderId) },
        { name: 'x.txt', type: 'text/plain', text: 'x' },
      ),
      'regular',
    );
    assert.equal(noName.status, 400);
    assert.match(noName.json['error'], /name/);
    const noFile = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      upload({ type: '144', parent_id: String(acme.contractsFolderId), name: 'Nothing.txt' }),
      'regular',
    );
    assert.equal(noFile.status, 400);
    const big = await emu.multipart(
      'POST',
      '/api/v2/nodes',
      upload(
        { type: '144', parent_id: String(acme.contractsFolderId), name: 'Huge.bin' },
        { name: 'huge.bin', type: 'application/octet-stream', text: 'x'.repeat(100 * 1024) },
      ),
      'regular',
    );
    assert.equal(big.status, 413);
    assert.match(big.json['error'], /maximum size/);
  });

  it('renames a node with PUT and refuses a clashing name', async () => {
    const created = await emu.form(
      'POST',
      '/api/v2/nodes',
      { type: '0', parent_id: String(acme.workspaceId), name: 'Temp' },
      'regular',
    );
    const id = created.json['results'].data.properties.id;
    const renamed = await emu.bodyJson('PUT', `/api/v2/nodes/${id}`, { name: 'Renamed' }, 'regular');
    assert.equal(renamed.status, 200);
    assert.equal(renamed.json['results'].data.properties.name, 'Renamed');
    const clash = await emu.bodyJson('PUT', `/api/v2/nodes/${id}`, { name: 'Contracts' }, 'regular');
    assert.equal(clash.status, 500);
  });

  it('lists versions, adds one, and serves each version’s content (N7–N9)', async () => {
    const before = await emu.get(`/api/v2/nodes/${acme.draftDocumentId}/versions`, 'regular');
    assert.equal(before.json['results'].length, 2);
    assert.equal(before.json['results'][0].data.versions.version_number, 1);
    const added = await emu.multipart(
      'POST',
      `/api/v2/nodes/${acme.draftDocumentId}/versions`,
      upload(
        { description: 'Third' },
        {
          name: 'Amendment 3 Draft.docx',
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          text: 'v3 bytes',
        },
      ),
      'regular',
    );
    assert.equal(added.status, 200);
    assert.equal(added.json['results'].data.versions.version_number, 3);
    const desc = await emu.get(`/api/v2/nodes/${acme.draftDocumentId}/versions?order=desc`, 'regular');
    assert.deepEqual(
      desc.json['results'].map(
        (r: { data: { versions: { version_number: number } } }) => r.data.versions.version_number,
      ),
      [3, 2, 1],
    );
    const latest = await emu.get(`/api/v1/nodes/${acme.draftDocumentId}/versions/latest`, 'regular');
    assert.equal(latest.json['data'].version_number, 3);
    assert.equal(
      await (await emu.raw(`/api/v1/nodes/${acme.draftDocumentId}/content`, 'regular')).text(),
      'v3 bytes',
    );
    const v1 = await emu.raw(`/api/v2/nodes/${acme.draftDocumentId}/versions/1/content`, 'regular');
    assert.equal(v1.status, 200);
    assert.equal(Number(v1.headers.get('content-length')), before.json['results'][0].data.versions.file_size);
    const missing = await emu.get(`/api/v2/nodes/${acme.draftDocumentId}/versions/9`, 'regular');
    assert.equal(missing.status, 404);
  });

  it('reads categories with metadata and writes values with validation (N10, N11)', async () => {
    const list = await emu.get(`/api/v2/nodes/${acme.workspaceId}/categories`, 'regular');
    const ids = list.json['results'].map(
      (r: { metadata_order: { categories: string[] } }) => r.metadata_order.categories[0],
    );
    assert.ok(ids.includes(String(categories.customer.id)));
    const customer = list.json['results'].find(
      (r: { data: { categories: Record<string, unknown> } }) =>
        categories.customer.owner in r.data.categories,
    );
    assert.equal(customer.metadata.categories[categories.customer.owner].name, 'Owner');
    const put = await emu.form(
      'PUT',
      `/api/v2/nodes/${acme.workspaceId}/categories/${categories.customer.id}`,
      { [categories.customer.region]: 'LATAM' },
      'regular',
    );
    assert.equal(put.status, 200);
    const after = await emu.get(
      `/api/v2/nodes/${acme.workspaceId}/categories/${categories.customer.id}`,
      'regular',
    );
    assert.equal(after.json['results'].data.categories[categories.customer.region], 'LATAM');
    const invalid = await emu.form(
      'PUT',
      `/api/v2/nodes/${acme.workspaceId}/categories/${categories.customer.id}`,
      { [categories.customer.region]: 'Atlantis' },
      'regular',
    );
    assert.equal(invalid.status, 400);
    const unknownAttr = await emu.form(
      'PUT',
      `/api/v2/nodes/${acme.workspaceId}/categories/${categories.customer.id}`,
      { [`${categories.customer.id}_99`]: 'x' },
      'regular',
    );
    assert.equal(unknownAttr.status, 400);
  });

  it('applies a category to a node that lacks it (POST .../categories)', async () => {
    const res = await emu.form(
      'POST',
      `/api/v2/nodes/${acme.unclassifiedDocumentId}/categories`,
      {
        category_id: String(categories.documentControl.id),
        [categories.documentControl.approvalStatus]: 'Draft',
      },
      'regular',
    );
    assert.equal(res.status, 200);
    const after = await emu.get(
      `/api/v2/nodes/${acme.unclassifiedDocumentId}/categories/${categories.documentControl.id}`,
      'regular',
    );
    assert.equal(after.json['results'].data.categories[categories.documentControl.approvalStatus], 'Draft');
  });

  it('records audit entries that a poller finds with where_audit_date_start, and bumps modify_date (N14)', async () => {
    const before = await emu.get(`/api/v2/nodes/${acme.inReviewDocumentId}`, 'regular');
    const start = new Date().toISOString();
    await emu.control('POST', '/emulator/clock/advance', { seconds: 5 });
    const put = await emu.form(
      'PUT',
      `/api/v2/nodes/${acme.inReviewDocumentId}/categories/${categories.documentControl.id}`,
      { [categories.documentControl.portalVisibility]: 'Public' },
      'regular',
    );
    assert.equal(put.status, 200);
    const audit = await emu.get(
      `/api/v2/nodes/${acme.inReviewDocumentId}/audit?where_audit_date_start=${encodeURIComponent(start)}`,
      'regular',
    );
    const entries = audit.json['results'].data.audit;
    assert.equal(entries.length, 1);
    assert.equal(entries[0].audit_name, 'Attribute Value Changed');
    assert.equal(entries[0].user_id, WELL_KNOWN.users.regular.id);
    assert.ok(audit.json['results'].data.audit_event_types.length > 0);
    const history = await emu.get(`/api/v2/nodes/${acme.inReviewDocumentId}/audit`, 'regular');
    assert.ok(history.json['collection'].paging.total_count >= 2, 'seeded history plus the change');
    const afterNode = await emu.get(`/api/v2/nodes/${acme.inReviewDocumentId}`, 'regular');
    assert.ok(
      afterNode.json['results'].data.properties.modify_date >
        before.json['results'].data.properties.modify_date,
    );
    const ws = await emu.get(`/api/v2/nodes/${acme.workspaceId}`, 'regular');
    assert.equal(
      ws.json['results'].data.properties.modify_date,
      afterNode.json['results'].data.properties.modify_date,
    );
  });

  it('searches every document inside a workspace with paging (search subset)', async () => {
    const res = await emu.get(
      `/api/v2/search?location_id1=${acme.workspaceId}&where=OTSubType:144&sort=desc_OTObjectDate&limit=5`,
      'admin',
    );
    assert.equal(res.status, 200);
    assert.ok(res.json['collection'].paging.total_count > 20);
    assert.equal(res.json['results'].length, 5);
    for (const r of res.json['results']) assert.equal(r.data.properties.type, 144);
    const named = await emu.get(
      `/api/v2/search?location_id1=${acme.workspaceId}&where=${encodeURIComponent('OTSubType:144 Newsletter')}`,
      'admin',
    );
    assert.deepEqual(names(named), ['Customer Newsletter.html']);
  });

  it('deletes a folder with its content (N5) and audits it on the parent', async () => {
    const folder = await emu.form(
      'POST',
      '/api/v2/nodes',
      { type: '0', parent_id: String(acme.workspaceId), name: 'Scratch' },
      'regular',
    );
    const folderId = folder.json['results'].data.properties.id;
    const form = new FormData();
    form.set('body', JSON.stringify({ type: 144, parent_id: folderId, name: 'Inside.txt' }));
    form.set('file', new Blob(['x'], { type: 'text/plain' }), 'inside.txt');
    const doc = await emu.multipart('POST', '/api/v2/nodes', form, 'regular');
    const docId = doc.json['results'].data.properties.id;
    const denied = await fetch(`${emu.url}/api/v2/nodes/${folderId}`, {
      method: 'DELETE',
      headers: { OTCSTicket: await emu.ticket('portal') },
    });
    assert.equal(denied.status, 403);
    const res = await fetch(`${emu.url}/api/v2/nodes/${folderId}`, {
      method: 'DELETE',
      headers: { OTCSTicket: await emu.ticket('regular') },
    });
    assert.equal(res.status, 200);
    assert.equal((await emu.get(`/api/v2/nodes/${folderId}`, 'regular')).status, 400);
    assert.equal((await emu.get(`/api/v2/nodes/${docId}`, 'regular')).status, 400);
    const audit = await emu.get(`/api/v2/nodes/${acme.workspaceId}/audit`, 'regular');
    assert.equal(audit.json['results'].data.audit[0].audit_name, 'Delete');
  });

  it('answers an unknown route with 400 and the mappings-registry message, never HTML', async () => {
    const res = await emu.raw('/api/v2/no/such/route', 'regular');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual(await res.json(), {
      error: 'The REST API URL could not be found in the mappings registry',
    });
  });
});
