import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { names, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme } = WELL_KNOWN;

describe('emulator: control API and fault injection', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('fails the next N matching calls with the given status, then recovers', async () => {
    const set = await emu.control('POST', '/emulator/faults', {
      path: '/api/v2/businessworkspaces',
      count: 2,
      status: 503,
    });
    assert.equal(set.status, 201);
    const path =
      '/api/v2/businessworkspaces?where_ext_system_id=crm&where_bo_type=account&where_bo_id=A-1001';
    const first = await emu.get(path, 'regular');
    const second = await emu.get(path, 'regular');
    const third = await emu.get(path, 'regular');
    assert.deepEqual([first.status, second.status, third.status], [503, 503, 200]);
    assert.equal(typeof first.json['error'], 'string');
  });

  it('matches the method when one is given and leaves other paths alone', async () => {
    await emu.control('POST', '/emulator/faults', { method: 'post', path: '/api/v2/nodes', status: 500 });
    const read = await emu.get(`/api/v2/nodes/${acme.workspaceId}`, 'regular');
    assert.equal(read.status, 200);
    const other = await emu.get('/api/v2/businessworkspacetypes', 'regular');
    assert.equal(other.status, 200);
    const write = await emu.form(
      'POST',
      '/api/v2/nodes',
      { type: '0', parent_id: String(acme.workspaceId), name: 'Faulted' },
      'regular',
    );
    assert.equal(write.status, 500);
    const folder = await emu.get(`/api/v2/nodes/${acme.workspaceId}/nodes`, 'regular');
    assert.ok(!names(folder).includes('Faulted'), 'a failed call changes nothing');
  });

  it('hangs for delayMs before answering normally', async () => {
    await emu.control('POST', '/emulator/faults', { path: '/api/v1/ping', delayMs: 300 });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    await assert.rejects(fetch(`${emu.url}/api/v1/ping`, { signal: controller.signal }), {
      name: 'AbortError',
    });
    clearTimeout(timer);
    const next = await fetch(`${emu.url}/api/v1/ping`, { signal: AbortSignal.timeout(2000) });
    assert.equal(next.status, 200, 'the fault was used up by the aborted call');
  });

  it('returns a malformed JSON body', async () => {
    await emu.control('POST', '/emulator/faults', { path: '/api/v2/nodes/', malformed: true });
    const res = await emu.raw(`/api/v2/nodes/${acme.workspaceId}`, 'regular');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    await assert.rejects(res.json());
  });

  it('faults OTDS too, but never the control API', async () => {
    await emu.control('POST', '/emulator/faults', { path: '/otdsws', status: 502 });
    const token = await fetch(`${emu.url}/otdsws/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'xecm-bff',
        client_secret: 'bff-secret',
      }),
    });
    assert.equal(token.status, 502);
    const bad = await emu.control('POST', '/emulator/faults', { path: '/emulator/reset', status: 500 });
    assert.equal(bad.status, 400);
  });

  it('lists and clears faults', async () => {
    await emu.control('POST', '/emulator/faults', { path: '/api/v2/nodes', count: 5, status: 500 });
    const listed = await emu.control('GET', '/emulator/faults');
    assert.equal(listed.json['faults'][0].remaining, 5);
    await emu.control('DELETE', '/emulator/faults');
    const res = await emu.get(`/api/v2/nodes/${acme.workspaceId}`, 'regular');
    assert.equal(res.status, 200);
  });

  it('validates control input with clear errors', async () => {
    for (const [path, body] of [
      ['/emulator/faults', { path: '/api/x' }],
      ['/emulator/faults', { path: '/api/x', status: 200 }],
      ['/emulator/clock/advance', { seconds: -5 }],
      ['/emulator/workflows/act', { processId: 1, user: 'lena.legal', action: 'Maybe' }],
    ] as const) {
      const res = await emu.control('POST', path, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(typeof res.json['error'], 'string');
    }
    const notJson = await fetch(`${emu.url}/emulator/clock/advance`, { method: 'POST', body: 'nope' });
    assert.equal(notJson.status, 400);
  });

  it('resets to the seed: created nodes disappear, changed values return', async () => {
    const created = await emu.form(
      'POST',
      '/api/v2/nodes',
      { type: '0', parent_id: String(acme.workspaceId), name: 'Before reset' },
      'regular',
    );
    const id = created.json['results'].data.properties.id;
    await emu.bodyJson(
      'PUT',
      `/api/v2/nodes/${acme.draftDocumentId}`,
      { name: 'Renamed draft.docx' },
      'regular',
    );
    const reset = await emu.control('POST', '/emulator/reset');
    assert.equal(reset.status, 200);
    assert.equal((await emu.get(`/api/v2/nodes/${id}`, 'regular')).status, 400);
    const draft = await emu.get(`/api/v2/nodes/${acme.draftDocumentId}`, 'regular');
    assert.equal(draft.json['results'].data.properties.name, 'Amendment 3 Draft.docx');
  });

  it('seeds deterministically: the same names and ids after every reset', async () => {
    const list = async () =>
      names(await emu.get(`/api/v2/nodes/${acme.contractsFolderId}/nodes?limit=100`, 'admin'));
    const before = await list();
    await emu.reset();
    assert.deepEqual(await list(), before);
  });

  it('advances the clock and reports it', async () => {
    const before = await emu.control('GET', '/emulator/clock');
    const after = await emu.control('POST', '/emulator/clock/advance', { seconds: 3600 });
    assert.ok(Date.parse(after.json['now']) - Date.parse(before.json['now']) >= 3600_000);
    emu.forgetAll();
    await emu.reset();
  });

  it('serves a tiny web UI page for deep links, with names escaped', async () => {
    const res = await fetch(`${emu.url}/app/nodes/${acme.workspaceId}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await res.text(), /Acme Corporation/);
    const missing = await fetch(`${emu.url}/app/nodes/%3Cscript%3E`);
    assert.equal(missing.status, 404);
    assert.doesNotMatch(await missing.text(), /<script>/);
  });

  it('answers errors as JSON: unknown non-API paths get 404 JSON', async () => {
    const res = await fetch(`${emu.url}/nothing-here`);
    assert.equal(res.status, 404);
    assert.equal(typeof ((await res.json()) as { error: string }).error, 'string');
  });
});
