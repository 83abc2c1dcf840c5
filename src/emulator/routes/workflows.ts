// Workflows (notes §2.4, F1–F3, F6–F8, F10, F11).
import { Hono } from 'hono';
import { WORKFLOW_DEFINITIONS } from '../seed/definitions.js';
import { CsError, invalidParameter, missingParameter, nodeNotFound } from '../http/cs-error.js';
import { optionalString, parseId, readParams, requiredString, type RequestParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import type { ProcessRecord, ProcessStep, User } from '../state/types.js';
import { csDate } from '../present/format.js';
import {
  actOnTask,
  canViewProcess,
  createDraft,
  initiate,
  processStatus,
  type TaskAction,
} from '../services/workflows.js';

const DAY = 86_400_000;

function docIds(params: RequestParams): number[] {
  const raw = params.values['doc_ids'];
  if (raw === undefined || raw === '') throw missingParameter('doc_ids');
  const list = Array.isArray(raw) ? raw : String(raw).split(',');
  return list.map((v) => parseId(String(v), 'doc_ids'));
}

function assigneeJson(rt: Runtime, name: string): Record<string, unknown> {
  const user = rt.state.userByName(name);
  return {
    userId: user?.id ?? null,
    loginName: name,
    firstName: user?.firstName ?? '',
    lastName: user?.lastName ?? '',
    emailAddress: user?.email ?? '',
    displayName: user ? `${user.firstName} ${user.lastName}`.trim() : name,
  };
}

function stepJson(rt: Runtime, p: ProcessRecord, s: ProcessStep): Record<string, unknown> {
  const start = s.startDate ?? null;
  return {
    process_id: p.id,
    subprocess_id: p.id,
    task_id: s.taskId,
    task_name: s.name,
    task_status:
      s.status === 'completed' ? 'completed' : s.status === 'active' ? processStatus(rt, p) : 'pending',
    task_start_date: start === null ? null : csDate(start),
    task_end_date: s.endDate === undefined ? null : csDate(s.endDate),
    task_due_date: start === null ? null : csDate(start + 7 * DAY),
    task_assignees: {
      assignee: [assigneeJson(rt, s.assignee)],
      assigneeCount: 1,
      currentAssignee: s.assignee,
    },
    task_action: s.action ?? null,
    task_comment: s.comment ?? null,
  };
}

function visibleProcess(rt: Runtime, user: User, raw: string): ProcessRecord {
  const id = parseId(raw, 'process_id');
  const process = rt.state.processes.get(id);
  if (!process || !canViewProcess(rt, user, process)) throw new CsError(404, `Process ${id} does not exist.`);
  return process;
}

function initiateAnswer(process: ProcessRecord) {
  return {
    links: {},
    results: { custom_message: null, process_id: process.id, WorkID: process.id, WRID: process.id },
  };
}

export function workflowRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/api/v2/docworkflows', (c) => {
    const user = c.get('user');
    const raw = c.req.query('doc_id') ?? c.req.query('parent_id');
    if (raw === undefined) throw missingParameter('doc_id');
    const id = parseId(raw, 'doc_id');
    if (!rt.state.visible(user, id)) throw nodeNotFound(id);
    return c.json({
      links: {},
      results: {
        data: WORKFLOW_DEFINITIONS.map((w) => ({
          DataID: w.id,
          Name: w.name,
          WorkflowType: '1_1',
          steps: w.steps.map((s) => s.name),
        })),
      },
    });
  });

  app.post('/api/v2/draftprocesses', async (c) => {
    const params = await readParams(c);
    const workflowId = parseId(requiredString(params, 'workflow_id'), 'workflow_id');
    const draft = createDraft(rt, c.get('user'), workflowId, docIds(params));
    return c.json({ links: {}, results: { draftprocess_id: draft.id, workflow_type: '1_1' } });
  });

  app.post('/api/v2/draftprocesses/startwf', async (c) => {
    const user = c.get('user');
    const params = await readParams(c);
    const draft = createDraft(
      rt,
      user,
      parseId(requiredString(params, 'workflow_id'), 'workflow_id'),
      docIds(params),
    );
    return c.json(initiateAnswer(initiate(rt, user, draft, optionalString(params, 'comment') ?? '')));
  });

  app.get('/api/v1/forms/draftprocesses/update', (c) => {
    const user = c.get('user');
    const id = parseId(c.req.query('draftprocess_id'), 'draftprocess_id');
    const draft = rt.state.drafts.get(id);
    if (!draft || draft.initiatorId !== user.id)
      throw new CsError(404, `Draft process ${id} does not exist.`);
    const def = WORKFLOW_DEFINITIONS.find((w) => w.id === draft.workflowId);
    return c.json({
      data: {
        actions: [{ key: 'Initiate', label: 'Initiate' }],
        data_packages: [
          { TYPE: 1, SUBTYPE: 1, USERDATA: draft.docIds.join(','), DESCRIPTION: 'Attachments' },
        ],
        instructions: def?.steps[0]?.instructions ?? '',
        process_id: draft.id,
        task: {},
        title: def?.name ?? '',
        workflow_type: '1_1',
      },
      forms: [
        {
          data: {
            WorkflowForm_Title: draft.values['WorkflowForm_Title'] ?? def?.name ?? '',
            WorkflowForm_WorkflowDueDate: draft.values['WorkflowForm_WorkflowDueDate'] ?? '',
          },
          options: {
            fields: {
              WorkflowForm_Title: { label: 'Title' },
              WorkflowForm_WorkflowDueDate: { label: 'Due date' },
            },
          },
          schema: {
            properties: {
              WorkflowForm_Title: { type: 'string' },
              WorkflowForm_WorkflowDueDate: { type: 'date' },
            },
          },
        },
      ],
    });
  });

  app.put('/api/v2/draftprocesses/:id', async (c) => {
    const user = c.get('user');
    const id = parseId(c.req.param('id'), 'id');
    const draft = rt.state.drafts.get(id);
    if (!draft || draft.initiatorId !== user.id)
      throw new CsError(404, `Draft process ${id} does not exist.`);
    const params = await readParams(c);
    const action = requiredString(params, 'action');
    if (action === 'formUpdate') {
      const values = params.values['values'];
      if (typeof values !== 'object' || values === null || Array.isArray(values))
        throw invalidParameter('values');
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === 'string' || typeof value === 'number') draft.values[key] = String(value);
      }
      return c.json({ links: {}, results: {} });
    }
    if (action === 'Initiate')
      return c.json(initiateAnswer(initiate(rt, user, draft, optionalString(params, 'comment') ?? '')));
    throw invalidParameter('action', action);
  });

  app.get('/api/v2/workflows/status', (c) => {
    const user = c.get('user');
    const kind = (c.req.query('kind') ?? c.req.query('Kind') ?? 'Both').toLowerCase();
    const wstatus = c.req.query('wstatus');
    if (!['managed', 'initiated', 'both'].includes(kind)) throw invalidParameter('kind');
    const rows = [...rt.state.processes.values()].filter((p) => {
      const initiated = p.initiatorId === user.id;
      const managed = p.steps.some((s) => s.assignee === user.name);
      const mine = kind === 'initiated' ? initiated : kind === 'managed' ? managed : initiated || managed;
      return mine && (wstatus === undefined || processStatus(rt, p) === wstatus);
    });
    return c.json({
      links: {},
      results: rows.map((p) => {
        const current = p.steps.find((s) => s.status === 'active');
        const shown = current ?? p.steps.filter((s) => s.status === 'completed').pop();
        return {
          data: {
            wfstatus: {
              process_id: p.id,
              subprocess_id: p.id,
              task_id: shown?.taskId ?? null,
              wf_name: p.title,
              step_name: shown?.name ?? null,
              status_key: processStatus(rt, p),
              date_initiated: csDate(p.startDate),
              due_date: csDate(p.dueDate),
              assignee: current ? [assigneeJson(rt, current.assignee)] : [],
              assignee_count: current ? 1 : 0,
              current_assignee: current?.assignee ?? null,
              parallel_steps: [],
              steps_count: p.steps.length,
            },
          },
          definitions: {},
          permissions: { Delete: false, SeeDetails: true, Stop: p.initiatorId === user.id },
        };
      }),
    });
  });

  app.get('/api/v2/workflows/status/processes/:id', (c) => {
    const process = visibleProcess(rt, c.get('user'), c.req.param('id'));
    const initiator = rt.state.userById(process.initiatorId);
    return c.json({
      links: {},
      results: {
        attachments: { attachment_folder_id: process.targetIds[0] ?? null },
        data_packages: [
          { TYPE: 1, SUBTYPE: 1, USERDATA: process.targetIds.join(','), DESCRIPTION: 'Attachments' },
        ],
        permissions: { Delete: false, SeeDetails: true },
        step_list: {
          completed: process.steps
            .filter((s) => s.status === 'completed')
            .map((s) => stepJson(rt, process, s)),
          current: process.steps.filter((s) => s.status === 'active').map((s) => stepJson(rt, process, s)),
          next: process.steps
            .filter((s) => s.status === 'pending' && process.status === 'ontime')
            .map((s) => stepJson(rt, process, s)),
        },
        wf_details: {
          date_initiated: csDate(process.startDate),
          due_date: csDate(process.dueDate),
          initiator: initiator ? { ...assigneeJson(rt, initiator.name) } : null,
          status: processStatus(rt, process),
          wf_name: process.title,
          work_workID: process.id,
          workflow_id: process.workflowId,
          target_ids: process.targetIds,
        },
      },
    });
  });

  app.get('/api/v1/forms/processes/tasks/update', (c) => {
    const process = visibleProcess(rt, c.get('user'), c.req.query('process_id') ?? '');
    const taskId = parseId(c.req.query('task_id'), 'task_id');
    const step = process.steps.find((s) => s.taskId === taskId);
    if (!step) throw new CsError(404, `Task ${taskId} does not exist.`);
    return c.json({
      data: {
        actions: [],
        custom_actions:
          step.status === 'active'
            ? [
                { key: 'Approve', label: 'Approve' },
                { key: 'Reject', label: 'Reject' },
              ]
            : [],
        instructions:
          WORKFLOW_DEFINITIONS.find((w) => w.id === process.workflowId)?.steps[taskId - 1]?.instructions ??
          '',
        process_id: process.id,
        subprocess_id: process.id,
        task_id: taskId,
        title: step.name,
        comments_on: true,
      },
      forms: [],
    });
  });

  app.put('/api/v2/processes/:pid/subprocesses/:spid/tasks/:tid', async (c) => {
    const user = c.get('user');
    const pid = parseId(c.req.param('pid'), 'process_id');
    const spid = parseId(c.req.param('spid'), 'subprocess_id');
    if (spid !== pid) throw new CsError(404, `Subprocess ${spid} does not exist.`);
    const params = await readParams(c);
    const action = optionalString(params, 'custom_action') ?? optionalString(params, 'action');
    if (action === undefined) throw missingParameter('custom_action');
    if (action !== 'Approve' && action !== 'Reject') throw invalidParameter('custom_action', action);
    const taskId = parseId(c.req.param('tid'), 'task_id');
    actOnTask(rt, user, pid, taskId, action as TaskAction, optionalString(params, 'comment') ?? '');
    return c.json({ links: {}, results: {} });
  });

  app.get('/api/v2/members/assignments', (c) => {
    const user = c.get('user');
    const rows = [...rt.state.processes.values()].flatMap((p) =>
      p.steps
        .filter((s) => s.status === 'active' && s.assignee === user.name)
        .map((s) => ({
          data: {
            assignments: {
              id: p.id,
              name: s.name,
              type: 153,
              type_name: 'Workflow Step',
              date_due: s.startDate === undefined ? null : csDate(s.startDate + 7 * DAY),
              priority: 50,
              status: processStatus(rt, p),
              from_user_id: p.initiatorId,
              location_id: p.targetIds[0] ?? null,
              workflow_id: p.id,
              workflow_subworkflow_id: p.id,
              workflow_subworkflow_task_id: s.taskId,
              instructions:
                WORKFLOW_DEFINITIONS.find((w) => w.id === p.workflowId)?.steps[s.taskId - 1]?.instructions ??
                '',
            },
          },
        })),
    );
    return c.json({ links: {}, results: rows });
  });

  return app;
}
