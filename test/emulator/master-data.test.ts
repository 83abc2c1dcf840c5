import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { categories, workspaceTypes } = WELL_KNOWN;
const c = categories.customer;

describe('emulator: master-data pull', () => {
  let emu: TestEmulator;
  let gateway: Receiver;
  const accounts: Record<string, Record<string, unknown>> = {
    'A-9999': {
      name: 'Umbrella Corporation',
      accountNumber: 'A-9999',
      owner: 'Maria Chen',
      region: 'APAC',
      status: 'Active',
      industry: 'Healthcare',
    },
  };
  before(async () => {
    gateway = await startReceiver((req, res) => {
      const match = /^\/masterdata\/v1\/crm\/account\/([^/]+)$/.exec(req.path);
      const account = match?.[1] ? accounts[decodeURIComponent(match[1])] : undefined;
      if (req.headers.authorization !== 'Bearer md-token') return void res.writeHead(401).end();
      if (!account)
        return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"title":"not found"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(account));
    });
    emu = await startTestEmulator({
      masterDataUrl: `${gateway.url}/masterdata/v1/`,
      masterDataToken: 'md-token',
    });
  });
  after(async () => {
    await emu.close();
    await gateway.close();
  });

  async function customerValues(id: number) {
    const res = await emu.get(`/api/v2/nodes/${id}/categories/${c.id}`, 'regular');
    return res.json['results'].data.categories as Record<string, unknown>;
  }

  let workspaceId = 0;

  it('fetches the business object on create and writes mapped properties into the category', async () => {
    const res = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        ext_system_id: 'crm',
        bo_type: 'account',
        bo_id: 'A-9999',
      },
      'regular',
    );
    assert.equal(res.status, 200);
    workspaceId = res.json['results'].id;
    const ws = await emu.get(`/api/v2/businessworkspaces/${workspaceId}`, 'regular');
    assert.equal(
      ws.json['results'].data.properties.name,
      'Umbrella Corporation',
      'the name comes from master data',
    );
    const values = await customerValues(workspaceId);
    assert.equal(values[c.accountNumber], 'A-9999');
    assert.equal(values[c.region], 'APAC');
    assert.equal(values[c.owner], 'Maria Chen');
    assert.equal(values[c.industry], 'Healthcare');
    const call = gateway.requests.find((r) => r.path === '/masterdata/v1/crm/account/A-9999');
    assert.equal(call?.headers.authorization, 'Bearer md-token');
  });

  it('refreshes on request: a changed region reaches the workspace and the audit trail', async () => {
    accounts['A-9999'] = { ...accounts['A-9999'], region: 'EMEA' };
    const res = await emu.control('POST', `/emulator/workspaces/${workspaceId}/refresh`);
    assert.equal(res.status, 200);
    assert.equal(res.json['ok'], true);
    assert.equal((await customerValues(workspaceId))[c.region], 'EMEA');
    const audit = await emu.get(`/api/v2/nodes/${workspaceId}/audit`, 'regular');
    assert.ok(
      audit.json['results'].data.audit.some(
        (e: { audit_name: string }) => e.audit_name === 'Business Object Data Updated',
      ),
    );
  });

  it('records a failed pull without failing or changing anything', async () => {
    const ws = WELL_KNOWN.acme.workspaceId;
    const before = await customerValues(ws);
    const res = await emu.control('POST', `/emulator/workspaces/${ws}/refresh`);
    assert.equal(res.status, 502);
    assert.match(res.json['error'], /404/);
    assert.deepEqual(await customerValues(ws), before);
  });

  it('still creates the workspace when the gateway does not know the object', async () => {
    const res = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        name: 'Unknown Co',
        ext_system_id: 'crm',
        bo_type: 'account',
        bo_id: 'A-0404',
      },
      'regular',
    );
    assert.equal(res.status, 200);
  });

  it('reports an unknown workspace on refresh', async () => {
    const res = await emu.control('POST', '/emulator/workspaces/123456789/refresh');
    assert.equal(res.status, 404);
  });
});
