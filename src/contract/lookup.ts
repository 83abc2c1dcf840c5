import * as z from 'zod/mini';
import { BusinessObject } from './business-object.js';
import { NodeId } from './ids.js';
import { Problem } from './problem.js';
import { WorkspaceSummary } from './workspace.js';

export const LOOKUP_BATCH_MAX = 100;

/** One item of a batch: a business object to look up, or a workspace id to read. */
export const LookupItem = z.union([BusinessObject, z.object({ workspaceId: NodeId })]);
export type LookupItem = z.infer<typeof LookupItem>;

export const LookupBatchRequest = z.object({
  items: z.array(LookupItem).check(z.minLength(1), z.maxLength(LOOKUP_BATCH_MAX)),
});
export type LookupBatchRequest = z.infer<typeof LookupBatchRequest>;

/** Results come back in request order, one per item. */
export const LookupResult = z.union([
  z.object({ ok: z.literal(true), workspace: WorkspaceSummary }),
  z.object({ ok: z.literal(false), problem: Problem }),
]);
export type LookupResult = z.infer<typeof LookupResult>;

export const LookupBatchResponse = z.object({ results: z.array(LookupResult) });
export type LookupBatchResponse = z.infer<typeof LookupBatchResponse>;
