import * as z from 'zod';

/**
 * `GET /v2/workflows/status/processes/{id}` as far as the current step goes (notes F6/F7): only
 * `step_list.current[].task_name` is needed; everything else may be missing or differ.
 */
export const RawProcessStatus = z.looseObject({
  results: z.looseObject({
    step_list: z.looseObject({
      current: z.array(z.looseObject({ task_name: z.string().min(1) })).nullish(),
    }),
    wf_details: z.looseObject({ status: z.string().nullish() }).nullish(),
  }),
});
export type RawProcessStatus = z.infer<typeof RawProcessStatus>;

/** Name of the step a running process waits on; undefined once it is completed or stopped. */
export function currentStepName(raw: RawProcessStatus): string | undefined {
  const status = raw.results.wf_details?.status;
  if (status === 'completed' || status === 'stopped') return undefined;
  return raw.results.step_list.current?.[0]?.task_name;
}
