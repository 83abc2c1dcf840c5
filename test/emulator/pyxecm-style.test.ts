// A client written the way OpenText's pyxecm talks to Content Server: form-urlencoded requests,
// `body` JSON fields for v2 writes, the ticket in both the OTCSTicket header and the LLCookie cookie,
// `accept: application/json;charset=utf-8`, swapping in renewed tickets, re-login once on 401.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class PyxecmLikeClient {
  private ticket = '';
  logins = 0;

  constructor(
    private readonly base: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      accept: 'application/json;charset=utf-8',
      'content-type': 'application/x-www-form-urlencoded',
      ...(this.ticket ? { otcsticket: this.ticket, cookie: `LLCookie=${this.ticket}` } : {}),
      ...extra,
    };
  }

  async authenticate(): Promise<void> {
    const res = await fetch(`${this.base}/api/v1/auth`, {
      method: 'POST',
      headers: this.headers(),
      body: new URLSearchParams({ username: this.username, password: this.password }),
    });
    const json = (await res.json()) as Json;
    if (!res.ok) throw new Error(json['error']);
    this.ticket = json['ticket'];
    this.logins++;
  }

  async request(method: string, path: string, body?: URLSearchParams, retry = true): Promise<Json> {
    const res = await fetch(`${this.base}/api${path}`, {
      method,
      headers: this.headers(),
      ...(body ? { body } : {}),
    });
    if (res.status === 401 && retry) {
      await this.authenticate();
      return this.request(method, path, body, false);
    }
    const renewed = res.headers.get('otcsticket');
    if (renewed) this.ticket = renewed;
    const json = (await res.json()) as Json;
    if ('error' in json) throw new Error(`${res.status} ${json['error']}`);
    return json;
  }

  body(payload: unknown): URLSearchParams {
    return new URLSearchParams({ body: JSON.stringify(payload) });
  }
}

describe('emulator: a pyxecm-style client works unchanged', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ ticketTtlSeconds: 600 });
  });
  after(() => emu.close());

  it('logs in, finds a workspace, creates one, browses, starts and follows a workflow, survives ticket expiry', async () => {
    const otcs = new PyxecmLikeClient(emu.url, 'max.sales', 'demo');
    await otcs.authenticate();

    const found = await otcs.request(
      'GET',
      '/v2/businessworkspaces?where_ext_system_id=crm&where_bo_type=account&where_bo_id=A-1001&expanded_view=true',
    );
    assert.equal(found['results'][0].data.properties.id, WELL_KNOWN.acme.workspaceId);

    const types = await otcs.request('GET', '/v2/businessworkspacetypes?expand_templates=true');
    const customer = types['results'].find((t: Json) => t.data.properties.wksp_type_name === 'Customer').data
      .properties;
    const created = await otcs.request(
      'POST',
      '/v2/businessworkspaces',
      otcs.body({
        template_id: customer.templates[0].id,
        wksp_type_id: customer.wksp_type_id,
        type: 848,
        name: 'Pyxecm Co',
        parent_id: customer.wksp_creation.location,
        ext_system_id: 'crm',
        bo_type: 'account',
        bo_id: 'A-7777',
        roles: { categories: {} },
      }),
    );
    const wsId = created['results'].id;
    const ws = await otcs.request('GET', `/v2/businessworkspaces/${wsId}`);
    assert.equal(ws['results'].data.properties.name, 'Pyxecm Co');

    const subnodes = await otcs.request('GET', `/v2/nodes/${wsId}/nodes?where_name=Contracts`);
    const contracts = subnodes['results'].find((r: Json) => r.data.properties.name === 'Contracts').data
      .properties.id;
    const folder = await otcs.request(
      'POST',
      '/v2/nodes',
      otcs.body({ type: 0, parent_id: contracts, name: '2026' }),
    );
    assert.equal(folder['results'].data.properties.parent_id, contracts);

    const draft = await otcs.request(
      'POST',
      '/v2/draftprocesses',
      otcs.body({
        workflow_id: WELL_KNOWN.workflows.complianceReview.id,
        doc_ids: String(wsId),
        AttachDocuments: 'true',
      }),
    );
    const draftId = draft['results'].draftprocess_id;
    await otcs.request(
      'PUT',
      `/v2/draftprocesses/${draftId}`,
      otcs.body({ action: 'formUpdate', values: { WorkflowForm_Title: 'Onboarding check' } }),
    );
    const initiated = await otcs.request(
      'PUT',
      `/v2/draftprocesses/${draftId}`,
      otcs.body({ action: 'Initiate' }),
    );
    const processId = initiated['results'].process_id;
    const status = await otcs.request('GET', `/v2/workflows/status/processes/${processId}`);
    assert.equal(status['results'].step_list.current[0].task_name, 'Compliance check');

    await emu.control('POST', '/emulator/clock/advance', { seconds: 601 });
    const cats = await otcs.request('GET', `/v2/nodes/${wsId}/categories`);
    assert.equal(otcs.logins, 2, 'the expired ticket caused exactly one re-login');
    const control = cats['results'].find(
      (r: Json) => WELL_KNOWN.categories.documentControl.approvalStatus in r.data.categories,
    );
    assert.equal(control.data.categories[WELL_KNOWN.categories.documentControl.approvalStatus], 'In Review');

    await assert.rejects(
      otcs.request('POST', '/v2/nodes', otcs.body({ type: 0, parent_id: contracts, name: '2026' })),
      /500 An item with the name '2026' already exists\./,
    );
  });
});
