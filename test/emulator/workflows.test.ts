import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';

const { acme, categories, workflows } = WELL_KNOWN;
const SECRET = `whsec_${Buffer.from('emulator-callout-test-secret-000').toString('base64')}`;
const approvalKey = categories.documentControl.approvalStatus;

describe('emulator: review workflows and signed callouts', () => {
  let emu: TestEmulator;
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
    emu = await startTestEmulator({ callout: { url: `${receiver.url}/hooks/xecm`, secret: SECRET } });
  });
  after(async () => {
    await emu.close();
    await receiver.close();
  });

  async function approval(id: number): Promise<unknown> {
    const res = await emu.get(`/api/v2/nodes/${id}/categories/${categories.documentControl.id}`, 'admin');
    return res.json['results'].data.categories[approvalKey];
  }

  async function processStatus(processId: number) {
    const res = await emu.get(`/api/v2/workflows/status/processes/${processId}`, 'regular');
    assert.equal(res.status, 200);
    return res.json['results'];
  }

  it('lists the review workflows available for a document (F11)', async () => {
    const res = await emu.get(`/api/v2/docworkflows?doc_id=${acme.draftDocumentId}`, 'regular');
    const list = res.json['results'].data.map((w: { DataID: number; Name: string }) => [w.DataID, w.Name]);
    assert.deepEqual(list, [
      [workflows.contractReview.id, 'Contract Review'],
      [workflows.complianceReview.id, 'Compliance Review'],
    ]);
  });

  let processId = 0;

  it('starts a review: draft process, form update, Initiate → process id; the target goes In Review (F1–F3)', async () => {
    const draft = await emu.bodyJson(
      'POST',
      '/api/v2/draftprocesses',
      {
        workflow_id: workflows.contractReview.id,
        doc_ids: String(acme.draftDocumentId),
        AttachDocuments: 'true',
      },
      'regular',
    );
    assert.equal(draft.status, 200);
    const draftId = draft.json['results'].draftprocess_id;
    const form = await emu.get(`/api/v1/forms/draftprocesses/update?draftprocess_id=${draftId}`, 'regular');
    assert.deepEqual(
      form.json['data'].actions.map((a: { key: string }) => a.key),
      ['Initiate'],
    );
    const update = await emu.bodyJson(
      'PUT',
      `/api/v2/draftprocesses/${draftId}`,
      { action: 'formUpdate', values: { WorkflowForm_Title: 'Review Amendment 3' } },
      'regular',
    );
    assert.equal(update.status, 200);
    const noAction = await emu.form('PUT', `/api/v2/draftprocesses/${draftId}`, {}, 'regular');
    assert.equal(noAction.status, 400);
    const started = await emu.bodyJson(
      'PUT',
      `/api/v2/draftprocesses/${draftId}`,
      { action: 'Initiate', comment: 'please check' },
      'regular',
    );
    assert.equal(started.status, 200);
    processId = started.json['results'].process_id;
    assert.equal(typeof processId, 'number');
    assert.equal(await approval(acme.draftDocumentId), 'In Review');
    const again = await emu.bodyJson(
      'PUT',
      `/api/v2/draftprocesses/${draftId}`,
      { action: 'Initiate' },
      'regular',
    );
    assert.equal(again.status, 400);
  });

  it('shows the process per user and its steps (F6, F7)', async () => {
    const details = await processStatus(processId);
    assert.equal(details.wf_details.status, 'ontime');
    assert.equal(details.wf_details.wf_name, 'Review Amendment 3');
    assert.deepEqual(
      details.step_list.current.map((s: { task_name: string }) => s.task_name),
      ['Legal review'],
    );
    assert.deepEqual(
      details.step_list.next.map((s: { task_name: string }) => s.task_name),
      ['Final approval'],
    );
    assert.equal(details.step_list.current[0].task_assignees.currentAssignee, 'lena.legal');
    const initiated = await emu.get('/api/v2/workflows/status?kind=Initiated', 'regular');
    assert.ok(
      initiated.json['results'].some(
        (r: { data: { wfstatus: { process_id: number } } }) => r.data.wfstatus.process_id === processId,
      ),
    );
    const managed = await emu.get('/api/v2/workflows/status?kind=Managed', 'reviewer');
    const row = managed.json['results'].find(
      (r: { data: { wfstatus: { process_id: number } } }) => r.data.wfstatus.process_id === processId,
    );
    assert.equal(row.data.wfstatus.step_name, 'Legal review');
    const rex = await emu.get('/api/v2/workflows/status', 'restricted');
    assert.deepEqual(rex.json['results'], []);
    const inbox = await emu.get('/api/v2/members/assignments', 'reviewer');
    assert.ok(
      inbox.json['results'].some(
        (r: { data: { assignments: { workflow_id: number } } }) =>
          r.data.assignments.workflow_id === processId,
      ),
    );
  });

  it('lets only the assignee act on the current task (F8)', async () => {
    const details = await processStatus(processId);
    const task = details.step_list.current[0];
    const path = `/api/v2/processes/${processId}/subprocesses/${task.subprocess_id}/tasks/${task.task_id}`;
    const notAssignee = await emu.bodyJson('PUT', path, { custom_action: 'Approve' }, 'regular');
    assert.equal(notAssignee.status, 403);
    const badAction = await emu.bodyJson('PUT', path, { custom_action: 'Delegate' }, 'reviewer');
    assert.equal(badAction.status, 400);
    const approved = await emu.bodyJson(
      'PUT',
      path,
      { custom_action: 'Approve', comment: 'terms fine' },
      'reviewer',
    );
    assert.equal(approved.status, 200);
    const after = await processStatus(processId);
    assert.deepEqual(
      after.step_list.completed.map((s: { task_name: string }) => s.task_name),
      ['Legal review'],
    );
    assert.deepEqual(
      after.step_list.current.map((s: { task_name: string }) => s.task_name),
      ['Final approval'],
    );
    assert.equal(await approval(acme.draftDocumentId), 'In Review');
    const stale = await emu.bodyJson('PUT', path, { custom_action: 'Approve' }, 'reviewer');
    assert.equal(stale.status, 400, 'the first task is no longer current');
  });

  it('approves the final step through the control API and writes Approved on the document', async () => {
    const wrongUser = await emu.control('POST', '/emulator/workflows/act', {
      processId,
      user: 'max.sales',
      action: 'Approve',
    });
    assert.equal(wrongUser.status, 403);
    const res = await emu.control('POST', '/emulator/workflows/act', {
      processId,
      user: 'lena.legal',
      action: 'Approve',
    });
    assert.equal(res.status, 200);
    assert.equal(res.json['status'], 'completed');
    assert.equal(await approval(acme.draftDocumentId), 'Approved');
    const details = await processStatus(processId);
    assert.equal(details.wf_details.status, 'completed');
    assert.deepEqual(details.step_list.current, []);
    const done = await emu.control('POST', '/emulator/workflows/act', {
      processId,
      user: 'lena.legal',
      action: 'Approve',
    });
    assert.equal(done.status, 400);
    const audit = await emu.get(`/api/v2/nodes/${acme.draftDocumentId}/audit?limit=50`, 'regular');
    const namesSeen = audit.json['results'].data.audit.map((e: { audit_name: string }) => e.audit_name);
    for (const expected of [
      'Workflow Initiated',
      'Workflow Step Completed',
      'Workflow Completed',
      'Attribute Value Changed',
    ]) {
      assert.ok(namesSeen.includes(expected), expected);
    }
  });

  it('rejects a workspace review started with startwf and writes Rejected on the workspace', async () => {
    const started = await emu.bodyJson(
      'POST',
      '/api/v2/draftprocesses/startwf',
      { workflow_id: workflows.complianceReview.id, doc_ids: String(WELL_KNOWN.supplier.workspaceId) },
      'regular',
    );
    assert.equal(started.status, 200);
    const pid = started.json['results'].process_id;
    assert.equal(await approval(WELL_KNOWN.supplier.workspaceId), 'In Review');
    const details = await processStatus(pid);
    const task = details.step_list.current[0];
    const res = await emu.bodyJson(
      'PUT',
      `/api/v2/processes/${pid}/subprocesses/${pid}/tasks/${task.task_id}`,
      { custom_action: 'Reject', comment: 'missing certificate' },
      'reviewer',
    );
    assert.equal(res.status, 200);
    assert.equal(await approval(WELL_KNOWN.supplier.workspaceId), 'Rejected');
  });

  it('marks a running review late once the emulator clock passes its due date', async () => {
    const started = await emu.bodyJson(
      'POST',
      '/api/v2/draftprocesses/startwf',
      { workflow_id: workflows.complianceReview.id, doc_ids: String(acme.rejectedDocumentId) },
      'regular',
    );
    const pid = started.json['results'].process_id;
    await emu.control('POST', '/emulator/clock/advance', { seconds: 8 * 86_400 });
    emu.forgetAll();
    const details = await processStatus(pid);
    assert.equal(details.wf_details.status, 'workflowlate');
  });

  it('sent Standard Webhooks-signed callouts whose ids match audit entries', async () => {
    await emu.emulator.runtime.callouts.settle();
    const log = await emu.control('GET', '/emulator/callouts');
    assert.equal(log.json['enabled'], true);
    const wh = new Webhook(SECRET);
    const types: string[] = [];
    const idsSeen = new Set<string>();
    for (const req of receiver.requests) {
      assert.equal(req.path, '/hooks/xecm');
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      const payload = wh.verify(req.body, headers) as { type: string; data: { auditId: number } };
      assert.equal(headers['webhook-id'], `msg_${payload.data.auditId}`);
      assert.ok(!idsSeen.has(headers['webhook-id']), 'webhook ids are unique per change');
      idsSeen.add(headers['webhook-id']);
      types.push(payload.type);
    }
    for (const expected of [
      'workflow.initiated',
      'workflow.step-changed',
      'workflow.completed',
      'document.approved',
      'workspace.rejected',
    ]) {
      assert.ok(types.includes(expected), expected);
    }
    const tampered = receiver.requests[0];
    assert.ok(tampered);
    assert.throws(() =>
      wh.verify(tampered.body.replace('workflow', 'wOrkflow'), {
        'webhook-id': String(tampered.headers['webhook-id']),
        'webhook-timestamp': String(tampered.headers['webhook-timestamp']),
        'webhook-signature': String(tampered.headers['webhook-signature']),
      }),
    );
  });

  it('announces uploads and new versions as document.added and document.revised', async () => {
    const form = new FormData();
    form.set(
      'body',
      JSON.stringify({ type: 144, parent_id: acme.invoicesFolderId, name: 'Callout test.txt' }),
    );
    form.set('file', new Blob(['v1'], { type: 'text/plain' }), 'callout.txt');
    const created = await emu.multipart('POST', '/api/v2/nodes', form, 'regular');
    const id = created.json['results'].data.properties.id;
    const version = new FormData();
    version.set('file', new Blob(['v2'], { type: 'text/plain' }), 'callout.txt');
    await emu.multipart('POST', `/api/v2/nodes/${id}/versions`, version, 'regular');
    await emu.emulator.runtime.callouts.settle();
    const mine = receiver.requests
      .map((r) => JSON.parse(r.body) as { type: string; data: { nodeId: number; workspaceId: number } })
      .filter((p) => p.data.nodeId === id);
    assert.deepEqual(
      mine.map((p) => p.type),
      ['document.added', 'document.revised'],
    );
    assert.equal(mine[0]?.data.workspaceId, acme.workspaceId);
  });
});
