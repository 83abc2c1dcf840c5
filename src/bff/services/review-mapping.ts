import * as z from 'zod';
import type { Review, ReviewTarget } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import type { RawProcess } from './review-upstream.js';

const ISO = z.iso.datetime({ offset: true });
const iso = (value: string | null | undefined): string | undefined =>
  value && ISO.safeParse(value).success ? value : undefined;

/**
 * The contract's Review for an xECM process: state from its status and step actions. The item and the
 * workflow map come from the caller (what the BFF recorded when it started the process): Content
 * Server's process status names neither (notes F7).
 */
export function toReview(
  workflows: BffConfig['reviews']['workflows'],
  id: string,
  started: { target: ReviewTarget; workflowId: number | undefined },
  raw: RawProcess,
): Review {
  const { wf_details: details, step_list: steps } = raw.results;
  const { target, workflowId } = started;
  const configured = workflows.find((w) => w.workflowId === workflowId);
  const completed = steps.completed ?? [];
  const current = steps.current ?? [];
  const state: Review['state'] =
    details.status === 'completed'
      ? completed.some((s) => s.task_action === 'Reject')
        ? 'rejected'
        : 'approved'
      : details.status === 'stopped'
        ? 'stopped'
        : 'running';
  const startedAt = iso(details.date_initiated) ?? new Date().toISOString();
  const ends = completed.map((s) => iso(s.task_end_date)).filter((d): d is string => d !== undefined);
  return {
    id,
    target,
    workflow: configured
      ? { key: configured.key, name: configured.name }
      : { key: `workflow-${workflowId ?? 'unknown'}`, name: details.wf_name ?? 'Workflow' },
    state,
    ...(state === 'running' && current[0] ? { step: current[0].task_name } : {}),
    startedAt,
    updatedAt: ends.sort().pop() ?? startedAt,
  };
}
