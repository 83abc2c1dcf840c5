import * as z from 'zod/mini';

/**
 * Machine-readable problem codes. Elements switch on these, never on `title` or `detail`.
 * Each maps to a problem `type` URI via {@link problemType}.
 */
export const PROBLEM_CODES = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'csrf-header-missing',
  'not-found',
  'workspace-not-found',
  'method-not-allowed',
  'conflict',
  'name-conflict',
  'review-running',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'upstream-error',
  'upstream-timeout',
  'upstream-unavailable',
  'store-unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const PROBLEM_TYPE_BASE = 'https://xecm-elements.dev/problems/';

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code;
}

/** RFC 9457 problem details, plus our `code` and the `requestId` to quote to an operator. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.string(),
  requestId: z.string(),
  /** On `workspace-not-found`: whether the caller may create the workspace. */
  canCreate: z.optional(z.boolean()),
  /** On `bad-request`: which inputs were wrong. */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
