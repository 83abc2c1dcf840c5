import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { signedHeaders } from './helpers/signed.js';
import type { WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { DemoStack } from '../../demo/stack.js';
import { devToken, startDemoOnFreePorts } from './helpers/demo-stack.js';
import { parseProvisioningConfig } from '../../src/bff/services/provisioning.js';

const JSON_WRITE = { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' };

describe('provisioning: POST /v1/workspaces and LOB events', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await startDemoOnFreePorts();
  });
  after(() => stack?.close());

  const token = (user: string) => devToken(stack, user);
  async function create(user: string, body: unknown, headers: Record<string, string> = JSON_WRITE) {
    const res = await fetch(`${stack.bff.url}/v1/workspaces`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${await token(user)}` },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as WorkspaceSummary & { code?: string; errors?: { path: string }[] },
    };
  }
  /** Workspaces linked to a business object, counted by xECM itself (as the administrator). */
  async function workspacesInXecm(system: string, type: string, id: string): Promise<number> {
    const auth = await fetch(`${stack.emulator.url}/api/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'Admin', password: 'livelink' }),
    });
    const { ticket } = (await auth.json()) as { ticket: string };
    const q = new URLSearchParams({
      where_ext_system_id: system,
      where_bo_type: type,
      where_bo_id: id,
      expanded_view: 'true',
    });
    const res = await fetch(`${stack.emulator.url}/api/v2/businessworkspaces?${q}`, {
      headers: { OTCSTicket: ticket },
    });
    return ((await res.json()) as { results: unknown[] }).results.length;
  }
  const field = (ws: WorkspaceSummary, label: string) => ws.metadata.find((m) => m.label === label)?.value;

  it('creates the workspace from its type template with metadata mapped to category attributes (201)', async () => {
    const { id } = WELL_KNOWN.unlinkedBusinessObject;
    const res = await create('max.sales', {
      businessObject: WELL_KNOWN.unlinkedBusinessObject,
      name: 'Hooli Cloud',
      metadata: { region: 'LATAM', status: 'Prospect' },
    });
    assert.equal(res.status, 201);
    assert.match(res.body.name, /^Hooli Cloud/);
    assert.equal(res.body.type, 'Customer');
    assert.deepEqual(res.body.businessObject, WELL_KNOWN.unlinkedBusinessObject);
    assert.equal(field(res.body, 'Region'), 'LATAM');
    assert.equal(field(res.body, 'Status'), 'Prospect');
    assert.equal(await workspacesInXecm('crm', 'account', id), 1);
    const lookup = await fetch(`${stack.bff.url}/v1/workspaces/${res.body.id}`, {
      headers: { authorization: `Bearer ${await token('max.sales')}` },
    });
    assert.equal(lookup.status, 200);
  });

  it('answers a repeat with the same workspace and 200, without creating another', async () => {
    const first = await create('max.sales', {
      businessObject: { system: 'erp', type: 'supplier', id: 'S-4711' },
      name: 'Nordic Steel AG',
    });
    const again = await create('max.sales', {
      businessObject: { system: 'erp', type: 'supplier', id: 'S-4711' },
    });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    assert.equal(await workspacesInXecm('erp', 'supplier', 'S-4711'), 1);
  });

  it('creates exactly one workspace when two requests for the same object arrive at once', async () => {
    const bo = { system: 'erp', type: 'purchase-order', id: 'PO-4500099999' };
    const [a, b, c] = await Promise.all([
      create('max.sales', { businessObject: bo, name: 'Cold Storage Extension' }),
      create('max.sales', { businessObject: bo, name: 'Cold Storage Extension' }),
      create('lena.legal', { businessObject: bo }),
    ]);
    assert.deepEqual([a.status, b.status, c.status].sort(), [200, 200, 201]);
    assert.equal(new Set([a.body.id, b.body.id, c.body.id]).size, 1);
    assert.equal(await workspacesInXecm('erp', 'purchase-order', bo.id), 1);
  });

  it('runs as the caller: a user xECM does not let create gets 403 and nothing is created', async () => {
    const bo = { system: 'crm', type: 'account', id: 'A-8800' };
    const res = await create(WELL_KNOWN.users.portal.name, { businessObject: bo, name: 'Read-only attempt' });
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'forbidden');
    assert.equal(await workspacesInXecm('crm', 'account', bo.id), 0);
  });

  it('rejects unmapped metadata, unconfigured types, oversized bodies, missing CSRF header and missing token', async () => {
    const unmapped = await create('max.sales', {
      businessObject: { system: 'crm', type: 'account', id: 'A-8801' },
      metadata: { shoeSize: '44' },
    });
    assert.equal(unmapped.status, 400);
    assert.deepEqual(
      unmapped.body.errors?.map((e) => e.path),
      ['metadata.shoeSize'],
    );
    const unknownType = await create('max.sales', {
      businessObject: { system: 'crm', type: 'lead', id: 'L-1' },
    });
    assert.equal(unknownType.status, 400);
    const invalid = await create('max.sales', { businessObject: { system: 'crm', type: 'account' } });
    assert.equal(invalid.status, 400);
    const oversized = await create('max.sales', {
      businessObject: { system: 'crm', type: 'account', id: 'A-8803' },
      metadata: { region: 'x'.repeat(40_000) },
    });
    assert.equal(oversized.status, 413);
    assert.equal(oversized.body.code, 'payload-too-large');
    const noCsrf = await create(
      'max.sales',
      { businessObject: { system: 'crm', type: 'account', id: 'A-8802' } },
      { 'content-type': 'application/json' },
    );
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.code, 'csrf-header-missing');
    const anonymous = await fetch(`${stack.bff.url}/v1/workspaces`, {
      method: 'POST',
      headers: JSON_WRITE,
      body: '{}',
    });
    assert.equal(anonymous.status, 401);
    assert.equal(
      (await workspacesInXecm('crm', 'account', 'A-8801')) +
        (await workspacesInXecm('crm', 'account', 'A-8802')) +
        (await workspacesInXecm('crm', 'account', 'A-8803')),
      0,
    );
  });

  it('provisions on a signed account.created LOB event, idempotently, and refuses bad signatures (names qualified on conflict)', async () => {
    const hook = (
      body: string,
      secret = stack.secrets.lobWebhook,
      id = `msg_${Math.random().toString(36).slice(2)}`,
    ) => {
      return fetch(`${stack.bff.url}/hooks/lob/crm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(secret, body, id) },
        body,
      });
    };
    const body = JSON.stringify({
      type: 'account.created',
      data: { accountId: 'A-8900', name: WELL_KNOWN.acme.name, region: 'APAC', industry: 'Finance' },
    });
    const first = await hook(body);
    assert.equal(first.status, 200);
    const { workspaceId, action } = (await first.json()) as { workspaceId: string; action: string };
    assert.equal(action, 'workspace-created');
    const again = await hook(body);
    assert.equal(((await again.json()) as { workspaceId: string }).workspaceId, workspaceId);
    assert.equal(await workspacesInXecm('crm', 'account', 'A-8900'), 1);
    const res = await fetch(`${stack.bff.url}/v1/workspaces/${workspaceId}`, {
      headers: { authorization: `Bearer ${await token('max.sales')}` },
    });
    const ws = (await res.json()) as WorkspaceSummary;
    // The name is taken by the seeded Acme workspace; xECM names are unique per folder.
    assert.equal(ws.name, `${WELL_KNOWN.acme.name} (A-8900)`);
    assert.equal(field(ws, 'Region'), 'APAC');

    const forged = JSON.stringify({ type: 'account.created', data: { accountId: 'A-8901', name: 'Forged' } });
    assert.equal(
      (await hook(forged, 'whsec_' + Buffer.from('not-the-secret-at-all-123').toString('base64'))).status,
      401,
    );
    assert.equal(await workspacesInXecm('crm', 'account', 'A-8901'), 0);
    const other = await hook(JSON.stringify({ type: 'deal.updated', data: { dealId: 'D-1', amount: 5 } }));
    assert.equal(other.status, 202);
  });

  it('gives a newly created demo CRM account its workspace, with master data pulled from the CRM', async () => {
    const login = await fetch(`${stack.demo.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'max.sales' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${stack.demo.url}/api/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'Pied Piper Software', region: 'North America', industry: 'Software' }),
    });
    const { account, event } = (await res.json()) as { account: { id: string }; event: { status: number } };
    assert.equal(event.status, 200);
    const lookup = await fetch(
      `${stack.bff.url}/v1/workspaces/lookup?system=crm&type=account&id=${account.id}`,
      {
        headers: { authorization: `Bearer ${await token('max.sales')}` },
      },
    );
    assert.equal(lookup.status, 200);
    const ws = (await lookup.json()) as WorkspaceSummary;
    assert.equal(ws.name, 'Pied Piper Software');
    assert.equal(field(ws, 'Account Number'), account.id);
    assert.equal(field(ws, 'Region'), 'North America');
    assert.equal(field(ws, 'Industry'), 'Software');
  });

  it('refuses configuration that maps to malformed attributes or events without a type', () => {
    assert.throws(
      () =>
        parseProvisioningConfig({
          types: [{ system: 'crm', boType: 'account', attributes: { region: 'Region' } }],
        }),
      /provisioning\.types\.0\.attributes\.region: must look like <categoryId>_<attributeId>/,
    );
    assert.throws(
      () =>
        parseProvisioningConfig({ events: [{ event: 'case.created', boType: 'case', idField: 'caseId' }] }),
      /provisioning\.events\.0: no provisioning type for boType case/,
    );
  });
});
