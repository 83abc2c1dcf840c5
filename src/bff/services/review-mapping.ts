import * as z from 'zod';
import type { Review, ReviewTarget } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import type { RawProcess } from './review-upstream.js';

const ISO = z.iso.datetime({ offset: true });
const iso = (value: string | null | undefined): string | undefined =>
  value && ISO.safeParse(value).success ? value : undefined;

/** The contract's Review for an xECM process: state from its status and step actions, workflow by key. */
export function toReview(
  workflows: BffConfig['reviews']['workflows'],
  id: string,
  target: ReviewTarget,
  raw: RawProcess,
): Review {
  const { wf_details: details, step_list: steps } = raw.results;
  const configured = workflows.find((w) => w.workflowId === details.workflow_id);
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
      : { key: `workflow-${details.workflow_id}`, name: details.wf_name ?? 'Workflow' },
    state,
    ...(state === 'running' && current[0] ? { step: current[0].task_name } : {}),
    startedAt,
    updatedAt: ends.sort().pop() ?? startedAt,
  };
}

/** The process's first attachment (the reviewed item): data package of TYPE 1, else `target_ids`. */
export function targetIdOf(raw: RawProcess): string | undefined {
  const pkg = raw.results.data_packages?.find((p) => p.TYPE === 1);
  const first = typeof pkg?.USERDATA === 'string' ? pkg.USERDATA.split(',')[0] : undefined;
  const id = first ?? raw.results.wf_details.target_ids?.[0]?.toString();
  return id && /^[0-9]{1,12}$/.test(id) ? id : undefined;
}
