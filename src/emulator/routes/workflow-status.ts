// Workflow status, tasks and the inbox (notes F6–F8, F10).
import { Hono } from 'hono';
import { WORKFLOW_DEFINITIONS } from '../seed/definitions.js';
import { CsError, invalidParameter, missingParameter } from '../http/cs-error.js';
import { optionalString, parseId, readParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { csDate } from '../present/format.js';
import { assigneeJson, DAY, stepJson, visibleProcess } from '../present/workflow.js';
import { actOnTask, attachmentFolderId, processStatus, type TaskAction } from '../services/workflows.js';

export function workflowStatusRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

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
    const folder = attachmentFolderId(process);
    return c.json({
      links: {},
      results: {
        // The attached items are not named here, only their folder (notes F7, §2.4).
        attachments: { attachment_folder_id: folder },
        data_packages: [{ TYPE: 1, SUBTYPE: 1, USERDATA: folder, DESCRIPTION: 'Attachments' }],
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
