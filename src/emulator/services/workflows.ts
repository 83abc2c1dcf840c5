// Review workflows: draft → initiate → steps acted on by their assignee → outcome written to the
// target's "Approval Status". Shared by the REST routes and the control API.
import { WORKFLOW_DEFINITIONS } from '../seed/definitions.js';
import { CsError, insufficientPermissions, nodeNotFound } from '../http/cs-error.js';
import type { Runtime } from '../runtime.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import type { DraftProcess, NodeRecord, ProcessRecord, User, WorkflowDefinition } from '../state/types.js';
import { setApproval } from './approval.js';
import { recordChange } from './changes.js';

export { CsError as WorkflowError };

const DAY = 86_400_000;
export type TaskAction = 'Approve' | 'Reject';

export function workflowDefinition(id: number): WorkflowDefinition {
  const def = WORKFLOW_DEFINITIONS.find((w) => w.id === id);
  if (!def) throw new CsError(400, `Workflow map ${id} does not exist.`);
  return def;
}

/** Targets must be visible and writable: the outcome is written to them. */
export function resolveTargets(rt: Runtime, user: User, ids: readonly number[]): NodeRecord[] {
  if (ids.length === 0) throw new CsError(400, "Missing required parameter 'doc_ids'.");
  return ids.map((id) => {
    const node = rt.state.visible(user, id);
    if (!node) throw nodeNotFound(id);
    if (!rt.state.canWrite(user, node)) throw insufficientPermissions();
    return node;
  });
}

export function createDraft(
  rt: Runtime,
  user: User,
  workflowId: number,
  docIds: readonly number[],
): DraftProcess {
  workflowDefinition(workflowId);
  resolveTargets(rt, user, docIds);
  const draft: DraftProcess = {
    id: rt.state.nextDraftId++,
    workflowId,
    docIds,
    initiatorId: user.id,
    values: {},
  };
  rt.state.drafts.set(draft.id, draft);
  return draft;
}

function announce(
  rt: Runtime,
  process: ProcessRecord,
  type: string,
  userId: number,
  eventType: number,
  detail: string,
): void {
  const first = rt.state.nodes.get(process.targetIds[0] ?? -1);
  if (!first) return;
  const current = process.steps.find((s) => s.status === 'active');
  recordChange(rt, first, {
    eventType,
    userId,
    detail,
    callout: type,
    data: {
      processId: process.id,
      workflowId: process.workflowId,
      workflowName: process.title,
      targetIds: process.targetIds,
      status: process.status,
      stepName: current?.name ?? null,
      assignee: current?.assignee ?? null,
    },
  });
}

export function initiate(rt: Runtime, user: User, draft: DraftProcess, comment: string): ProcessRecord {
  if (draft.processId !== undefined) throw new CsError(400, 'This draft process has already been initiated.');
  const def = workflowDefinition(draft.workflowId);
  const targets = resolveTargets(rt, user, draft.docIds);
  const now = rt.clock.now();
  const process: ProcessRecord = {
    id: rt.state.nextProcessId++,
    workflowId: def.id,
    title: draft.values['WorkflowForm_Title'] || `${def.name}: ${targets.map((t) => t.name).join(', ')}`,
    initiatorId: user.id,
    targetIds: targets.map((t) => t.id),
    startDate: now,
    dueDate: now + def.steps.length * 7 * DAY,
    status: 'ontime',
    steps: def.steps.map((s, i) => ({
      taskId: i + 1,
      name: s.name,
      assignee: s.assignee,
      status: i === 0 ? 'active' : 'pending',
      ...(i === 0 ? { startDate: now } : {}),
    })),
    comment,
    values: { ...draft.values },
  };
  draft.processId = process.id;
  rt.state.processes.set(process.id, process);
  for (const target of targets) setApproval(rt, target, 'In Review', user.id, { processId: process.id });
  announce(rt, process, 'workflow.initiated', user.id, AUDIT_EVENTS.workflowInitiated.id, process.title);
  return process;
}

export function canViewProcess(rt: Runtime, user: User, process: ProcessRecord): boolean {
  if (user.admin || process.initiatorId === user.id) return true;
  if (process.steps.some((s) => s.assignee === user.name)) return true;
  return process.targetIds.some((id) => rt.state.visible(user, id) !== undefined);
}

/** Approves or rejects the current task; only its assignee may. */
export function actOnTask(
  rt: Runtime,
  user: User,
  processId: number,
  taskId: number | undefined,
  action: TaskAction,
  comment: string,
): ProcessRecord {
  const process = rt.state.processes.get(processId);
  if (!process || !canViewProcess(rt, user, process))
    throw new CsError(404, `Process ${processId} does not exist.`);
  const step = process.steps.find((s) => s.status === 'active');
  if (!step || process.status === 'completed' || process.status === 'stopped') {
    throw new CsError(400, 'The workflow is not running.');
  }
  if (taskId !== undefined && taskId !== step.taskId)
    throw new CsError(400, `Task ${taskId} is not the current task.`);
  if (step.assignee !== user.name) throw new CsError(403, 'Only the assignee of this task may act on it.');
  const now = rt.clock.now();
  step.status = 'completed';
  step.endDate = now;
  step.action = action;
  step.comment = comment;
  const next = process.steps.find((s) => s.status === 'pending');
  const targets = process.targetIds
    .map((id) => rt.state.nodes.get(id))
    .filter((n): n is NodeRecord => n !== undefined);
  if (action === 'Approve' && next) {
    next.status = 'active';
    next.startDate = now;
    announce(
      rt,
      process,
      'workflow.step-changed',
      user.id,
      AUDIT_EVENTS.workflowStep.id,
      `${step.name}: ${action}`,
    );
    return process;
  }
  process.status = 'completed';
  const outcome = action === 'Approve' ? 'Approved' : 'Rejected';
  for (const target of targets)
    setApproval(rt, target, outcome, user.id, { processId: process.id, stepName: step.name, comment });
  announce(
    rt,
    process,
    'workflow.completed',
    user.id,
    AUDIT_EVENTS.workflowCompleted.id,
    `${step.name}: ${action}`,
  );
  return process;
}

// Attachment folders are not nodes here: a process's folder gets an id no seeded or created node has, so a
// client that takes it for the reviewed item finds nothing (notes F7, §2.4: attachments live in the folder
// named by attachment_folder_id).
const ATTACHMENT_FOLDER_BASE = 700_000_000;

/** Id of the folder holding the process's attachments (notes F7 `attachments.attachment_folder_id`). */
export function attachmentFolderId(process: ProcessRecord): number {
  return ATTACHMENT_FOLDER_BASE + process.id;
}

/** ontime / workflowlate / completed / stopped, measured on the emulator clock. */
export function processStatus(rt: Runtime, process: ProcessRecord): string {
  if (process.status === 'ontime' && rt.clock.now() > process.dueDate) return 'workflowlate';
  return process.status;
}
