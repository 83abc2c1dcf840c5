import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ids, names, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme, big, empty, unlinkedBusinessObject, workspaceTypes, categories } = WELL_KNOWN;

describe('emulator: business workspaces', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('finds a workspace by business object with top-level paging (W1)', async () => {
    const bo = acme.businessObject;
    const res = await emu.get(
      `/api/v2/businessworkspaces?where_ext_system_id=${bo.system}&where_bo_type=${bo.type}&where_bo_id=${bo.id}&expanded_view=true`,
      'regular',
    );
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res), [acme.workspaceId]);
    assert.equal(res.json['paging'].total_count, 1);
    assert.equal(res.json['collection'], undefined);
    assert.equal(res.json['results'][0].data.properties.type, 848);
  });

  it('requires an exact business object id match', async () => {
    const res = await emu.get(
      '/api/v2/businessworkspaces?where_ext_system_id=crm&where_bo_type=account&where_bo_id=A-100',
      'regular',
    );
    assert.equal(res.json['paging'].total_count, 0);
    const none = await emu.get(
      `/api/v2/businessworkspaces?where_ext_system_id=crm&where_bo_type=account&where_bo_id=${unlinkedBusinessObject.id}`,
      'regular',
    );
    assert.deepEqual(none.json['results'], []);
  });

  it('answers the path form /externalsystems/{sys}/botypes/{type}/boids/{id} (W3)', async () => {
    const res = await emu.get('/api/v2/externalsystems/crm/botypes/account/boids/A-1001', 'regular');
    assert.deepEqual(ids(res), [acme.workspaceId]);
    const none = await emu.get('/api/v2/externalsystems/crm/botypes/account/boids/A-9999', 'regular');
    assert.equal(none.status, 200);
    assert.deepEqual(none.json['results'], []);
  });

  it('lists at least 30 seeded workspaces, paged and sorted', async () => {
    const all = await emu.get('/api/v2/businessworkspaces?limit=500', 'admin');
    assert.ok(all.json['paging'].total_count >= 30);
    const page1 = await emu.get('/api/v2/businessworkspaces?sort=asc_name&limit=10&page=1', 'admin');
    const page2 = await emu.get('/api/v2/businessworkspaces?sort=asc_name&limit=10&page=2', 'admin');
    assert.equal(page1.json['paging'].page_total, Math.ceil(all.json['paging'].total_count / 10));
    assert.equal(page2.json['paging'].range_min, 11);
    const combined = [...names(page1), ...names(page2)];
    const sorted = [...combined].sort((a, b) =>
      a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }),
    );
    assert.deepEqual(combined, sorted);
    const desc = await emu.get('/api/v2/businessworkspaces?sort=desc_name&limit=3', 'admin');
    assert.deepEqual(
      names(desc),
      [...names(desc)].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })),
    );
  });

  it('filters by workspace type and name', async () => {
    const cases = await emu.get(
      `/api/v2/businessworkspaces?where_workspace_type_id=${workspaceTypes.case.id}`,
      'admin',
    );
    assert.ok(cases.json['results'].length >= 5);
    for (const r of cases.json['results'])
      assert.equal(r.data.properties.wnf_wksp_type_id, workspaceTypes.case.id);
    const byName = await emu.get('/api/v2/businessworkspaces?where_name=contains_acme', 'admin');
    assert.deepEqual(names(byName), [acme.name]);
  });

  it('reads one workspace with business properties, references and categories; results is an object (W2)', async () => {
    const res = await emu.get(`/api/v2/businessworkspaces/${acme.workspaceId}?metadata`, 'regular');
    assert.equal(res.status, 200);
    const data = res.json['results'].data;
    assert.equal(Array.isArray(res.json['results']), false);
    assert.equal(data.properties.name, acme.name);
    assert.equal(data.business_properties.business_object_id, 'A-1001');
    assert.equal(data.business_properties.external_system_id, 'crm');
    assert.equal(data.business_properties.workspace_type_name, 'Customer');
    assert.deepEqual(
      data.workspace_references.map((r: { business_object_id: string }) => r.business_object_id),
      ['A-1001'],
    );
    const customer = data.categories.find(
      (c: Record<string, unknown>) => categories.customer.accountNumber in c,
    );
    assert.equal(customer[categories.customer.accountNumber], 'A-1001');
    assert.equal(res.json['results'].metadata.categories[categories.customer.region].name, 'Region');
  });

  it('limits the answer to the requested fields', async () => {
    const res = await emu.get(
      `/api/v2/businessworkspaces/${acme.workspaceId}?fields=properties{id,name}&fields=business_properties`,
      'regular',
    );
    const data = res.json['results'].data;
    assert.deepEqual(Object.keys(data).sort(), ['business_properties', 'properties']);
    assert.deepEqual(data.properties, { id: acme.workspaceId, name: acme.name });
  });

  it('answers a missing workspace like Content Server (error JSON)', async () => {
    const res = await emu.get('/api/v2/businessworkspaces/99999999', 'regular');
    assert.equal(res.status, 400);
    assert.match(res.json['error'], /Could not get a node/);
  });

  it('lists workspace types with templates and business object types', async () => {
    const types = await emu.get('/api/v2/businessworkspacetypes?expand_templates=true', 'regular');
    const customer = types.json['results'].find(
      (r: { data: { properties: { wksp_type_name: string } } }) =>
        r.data.properties.wksp_type_name === 'Customer',
    );
    assert.equal(customer.data.properties.templates[0].id, workspaceTypes.customer.templateId);
    const bo = await emu.get('/api/v2/businessobjecttypes', 'regular');
    const pairs = bo.json['results'].map(
      (r: { data: { properties: { ext_system_id: string; bo_type: string } } }) =>
        `${r.data.properties.ext_system_id}/${r.data.properties.bo_type}`,
    );
    assert.deepEqual(pairs.sort(), ['cases/case', 'crm/account', 'erp/purchase-order', 'erp/supplier']);
  });

  it('creates a workspace from a `body` JSON field and finds it by its business object (W4)', async () => {
    const created = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        wksp_type_id: workspaceTypes.customer.id,
        type: 848,
        name: 'Umbrella Corporation',
        roles: { categories: { [categories.customer.id]: { [categories.customer.region]: 'APAC' } } },
        ext_system_id: unlinkedBusinessObject.system,
        bo_type: unlinkedBusinessObject.type,
        bo_id: unlinkedBusinessObject.id,
      },
      'regular',
    );
    assert.equal(created.status, 200);
    const id = created.json['results'].id;
    assert.equal(typeof id, 'number');
    const found = await emu.get(
      `/api/v2/businessworkspaces?where_ext_system_id=crm&where_bo_type=account&where_bo_id=${unlinkedBusinessObject.id}`,
      'reviewer',
    );
    assert.deepEqual(ids(found), [id]);
    const folders = await emu.get(`/api/v2/nodes/${id}/nodes`, 'regular');
    assert.deepEqual(names(folders).sort(), ['Confidential', 'Contracts', 'Correspondence', 'Invoices']);
    const cats = await emu.get(`/api/v2/nodes/${id}/categories/${categories.customer.id}`, 'regular');
    assert.equal(cats.json['results'].data.categories[categories.customer.region], 'APAC');
  });

  it('creates a workspace from plain form fields too, deriving the name from the business object', async () => {
    const res = await emu.form(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: String(workspaceTypes.case.templateId),
        ext_system_id: 'cases',
        bo_type: 'case',
        bo_id: 'CASE-2026-0999',
      },
      'regular',
    );
    assert.equal(res.status, 200);
    const ws = await emu.get(`/api/v2/businessworkspaces/${res.json['results'].id}`, 'regular');
    assert.equal(ws.json['results'].data.properties.name, 'Case CASE-2026-0999');
  });

  it('refuses a second workspace for the same business object and a duplicate name', async () => {
    const again = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        name: 'Acme 2',
        ext_system_id: 'crm',
        bo_type: 'account',
        bo_id: 'A-1001',
      },
      'regular',
    );
    assert.equal(again.status, 500);
    assert.match(again.json['error'], /already exists/);
    const dupName = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      { template_id: workspaceTypes.customer.templateId, name: acme.name },
      'regular',
    );
    assert.equal(dupName.status, 500);
    assert.equal(dupName.json['error'], `An item with the name '${acme.name}' already exists.`);
  });

  it('rejects bad create input with a CS error', async () => {
    const noTemplate = await emu.bodyJson('POST', '/api/v2/businessworkspaces', { name: 'X' }, 'regular');
    assert.equal(noTemplate.status, 400);
    const wrongType = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        name: 'X',
        ext_system_id: 'erp',
        bo_type: 'purchase-order',
        bo_id: 'PO-1',
      },
      'regular',
    );
    assert.equal(wrongType.status, 400);
    const badValue = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        name: 'Y',
        roles: { categories: { [categories.customer.id]: { [categories.customer.region]: 'Mars' } } },
      },
      'regular',
    );
    assert.equal(badValue.status, 400);
    const notJson = await emu.form('POST', '/api/v2/businessworkspaces', { body: '{not json' }, 'regular');
    assert.equal(notJson.status, 400);
    assert.equal(typeof notJson.json['error'], 'string');
  });

  it('does not let the read-only portal user create workspaces', async () => {
    const res = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      { template_id: workspaceTypes.customer.templateId, name: 'Portal Co' },
      'portal',
    );
    assert.equal(res.status, 403);
    assert.match(res.json['error'], /permission/i);
  });

  it('links and unlinks a further business object on a workspace (W5)', async () => {
    const path = `/api/v2/businessworkspaces/${acme.workspaceId}/workspacereferences`;
    const link = await emu.form(
      'PUT',
      path,
      { ext_system_id: 'erp', bo_type: 'supplier', bo_id: 'S-7001' },
      'regular',
    );
    assert.equal(link.status, 200);
    const found = await emu.get(
      '/api/v2/businessworkspaces?where_ext_system_id=erp&where_bo_type=supplier&where_bo_id=S-7001',
      'regular',
    );
    assert.deepEqual(ids(found), [acme.workspaceId]);
    const refs = await emu.get(
      `/api/v2/businessworkspaces/${acme.workspaceId}?fields=workspace_references`,
      'regular',
    );
    assert.equal(refs.json['results'].data.workspace_references.length, 2);
    const taken = await emu.form(
      'PUT',
      path,
      { ext_system_id: 'crm', bo_type: 'account', bo_id: 'A-1003' },
      'regular',
    );
    assert.equal(taken.status, 500, 'A-1003 belongs to another workspace');
    const wrongType = await emu.form(
      'PUT',
      path,
      { ext_system_id: 'cases', bo_type: 'case', bo_id: 'C-1' },
      'regular',
    );
    assert.equal(wrongType.status, 400);
    const unlink = await emu.form(
      'DELETE',
      path,
      { ext_system_id: 'erp', bo_type: 'supplier', bo_id: 'S-7001' },
      'regular',
    );
    assert.equal(unlink.status, 200);
    const gone = await emu.get(
      '/api/v2/businessworkspaces?where_ext_system_id=erp&where_bo_type=supplier&where_bo_id=S-7001',
      'regular',
    );
    assert.deepEqual(ids(gone), []);
  });

  it('seeds an empty workspace and a workspace with 10,000 documents', async () => {
    const emptyDocs = await emu.get(
      `/api/v2/search?location_id1=${empty.workspaceId}&where=OTSubType:144&limit=1`,
      'admin',
    );
    assert.equal(emptyDocs.json['paging'].total_count, 0);
    const bigFolder = await emu.get(
      `/api/v2/nodes/${big.documentsFolderId}/nodes?where_type=144&limit=1`,
      'admin',
    );
    assert.equal(bigFolder.json['collection'].paging.total_count, big.documentCount);
  });
});
