// Starting workflows (notes §2.4, F1–F4, F11).
import { Hono } from 'hono';
import { WORKFLOW_DEFINITIONS } from '../seed/definitions.js';
import { CsError, invalidParameter, missingParameter, nodeNotFound } from '../http/cs-error.js';
import { optionalString, parseId, readParams, requiredString, type RequestParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import type { ProcessRecord } from '../state/types.js';
import { createDraft, initiate, resolveTargets, workflowDefinition } from '../services/workflows.js';

function docIds(params: RequestParams): number[] {
  const raw = params.values['doc_ids'];
  if (raw === undefined || raw === '') throw missingParameter('doc_ids');
  const list = Array.isArray(raw) ? raw : String(raw).split(',');
  return list.map((v) => parseId(String(v), 'doc_ids'));
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
    const user = c.get('user');
    const ids = docIds(params);
    workflowDefinition(workflowId);
    resolveTargets(rt, user, ids);
    // The notes document doc_ids only together with AttachDocuments "true" (F1, §2.4 step 1); without it
    // nothing would be attached, so the emulator refuses rather than start a review of nothing.
    const attach = optionalString(params, 'AttachDocuments');
    if (attach === undefined) throw missingParameter('AttachDocuments');
    if (attach !== 'true') throw invalidParameter('AttachDocuments', attach);
    const draft = createDraft(rt, user, workflowId, ids);
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

  return app;
}
