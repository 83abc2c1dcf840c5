import type { Review, ReviewTarget } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import { csDateIso } from '../xecm/map.js';
import type { RawProcess } from './review-upstream.js';

/** Whether xECM reports the process as ended (completed; no outcome there, see `toReview`). */
export function isCompleted(raw: RawProcess): boolean {
  return raw.results.wf_details.status === 'completed';
}

/**
 * The contract's Review for an xECM process. The item and the workflow map come from the caller (what
 * the BFF recorded when it started the process): Content Server's process status names neither (notes
 * F7). Nor does it name the outcome: its steps carry no documented action, so for a completed process
 * the caller passes `outcome`, read from the item's Approval Status that the workflow writes; the step
 * action the emulator adds is only a fallback when that status says neither approved nor rejected.
 */
export function toReview(
  workflows: BffConfig['reviews']['workflows'],
  id: string,
  started: { target: ReviewTarget; workflowId: number | undefined },
  raw: RawProcess,
  outcome?: 'approved' | 'rejected',
): Review {
  const { wf_details: details, step_list: steps } = raw.results;
  const { target, workflowId } = started;
  const configured = workflows.find((w) => w.workflowId === workflowId);
  const completed = steps.completed ?? [];
  const current = steps.current ?? [];
  const state: Review['state'] = isCompleted(raw)
    ? (outcome ?? (completed.some((s) => s.task_action === 'Reject') ? 'rejected' : 'approved'))
    : details.status === 'stopped'
      ? 'stopped'
      : 'running';
  const startedAt = csDateIso(details.date_initiated) ?? new Date().toISOString();
  // Step end dates are not documented (F7): without them the start of the latest step is the last change.
  const dates = [...completed, ...current]
    .flatMap((s) => [csDateIso(s.task_end_date), csDateIso(s.task_start_date)])
    .filter((d): d is string => d !== undefined);
  const latest = dates.sort().pop();
  return {
    id,
    target,
    workflow: configured
      ? { key: configured.key, name: configured.name }
      : { key: `workflow-${workflowId ?? 'unknown'}`, name: details.wf_name ?? 'Workflow' },
    state,
    ...(state === 'running' && current[0] ? { step: current[0].task_name } : {}),
    startedAt,
    updatedAt: latest && latest > startedAt ? latest : startedAt,
  };
}
