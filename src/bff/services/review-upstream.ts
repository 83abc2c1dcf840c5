import * as z from 'zod';
import type { ReviewTarget } from '../../contract/index.js';
import type { BffContext } from '../context.js';

const RawStep = z.looseObject({
  task_name: z.string(),
  task_start_date: z.string().nullish(),
  // Not in notes F7 (the emulator sends them): used only when present.
  task_action: z.string().nullish(),
  task_end_date: z.string().nullish(),
});

/**
 * `GET /v2/workflows/status/processes/{id}` as far as a review needs it (notes F7). `wf_details` names
 * neither the workflow map nor the attached items there, and `attachments.attachment_folder_id` / the
 * TYPE 1 data package name the attachment folder, not the reviewed item (§2.4): the BFF takes both
 * from its review store instead.
 */
export const RawProcess = z.looseObject({
  results: z.looseObject({
    step_list: z.looseObject({
      completed: z.array(RawStep).nullish(),
      current: z.array(RawStep).nullish(),
    }),
    wf_details: z.looseObject({
      status: z.string(),
      wf_name: z.string().nullish(),
      date_initiated: z.string().nullish(),
    }),
  }),
});
export type RawProcess = z.infer<typeof RawProcess>;

const RawDocWorkflows = z.looseObject({
  results: z.looseObject({ data: z.array(z.looseObject({ DataID: z.number().int(), Name: z.string() })) }),
});
const RawDraft = z.looseObject({ results: z.looseObject({ draftprocess_id: z.number().int() }) });
const RawInitiate = z.looseObject({ results: z.looseObject({ process_id: z.number().int() }) });

/** The workflow's status and steps, read as `user` (404 when they may not see it). */
export function readProcess(
  ctx: BffContext,
  user: string,
  id: string,
  signal?: AbortSignal,
): Promise<RawProcess> {
  return ctx.xecm.json(
    user,
    { method: 'GET', path: `/v2/workflows/status/processes/${id}`, signal },
    RawProcess,
  );
}

/** Node ids of the workflow maps xECM offers on this item. */
export async function offeredWorkflowIds(
  ctx: BffContext,
  user: string,
  target: ReviewTarget,
  signal?: AbortSignal,
): Promise<Set<number>> {
  const raw = await ctx.xecm.json(
    user,
    { method: 'GET', path: '/v2/docworkflows', query: { doc_id: target.id }, signal },
    RawDocWorkflows,
  );
  return new Set(raw.results.data.map((w) => w.DataID));
}

/** Draft process → form update → Initiate, as `user`; returns the process id. */
export async function initiateProcess(
  ctx: BffContext,
  user: string,
  target: ReviewTarget,
  workflow: { workflowId: number; name: string },
  comment: string,
): Promise<string> {
  const write = (method: 'POST' | 'PUT', path: string, body: object) => ({
    method,
    path,
    form: { body: JSON.stringify(body) },
  });
  const draft = await ctx.xecm.json(
    user,
    // Without AttachDocuments the doc_ids are not attached (notes F1, §2.4 step 1).
    write('POST', '/v2/draftprocesses', {
      workflow_id: workflow.workflowId,
      doc_ids: target.id,
      AttachDocuments: 'true',
    }),
    RawDraft,
  );
  const draftPath = `/v2/draftprocesses/${draft.results.draftprocess_id}`;
  await ctx.xecm.json(
    user,
    write('PUT', draftPath, { action: 'formUpdate', values: { WorkflowForm_Title: workflow.name } }),
    z.unknown(),
  );
  const initiated = await ctx.xecm.json(
    user,
    write('PUT', draftPath, { action: 'Initiate', comment }),
    RawInitiate,
  );
  return String(initiated.results.process_id);
}
