import type * as z from 'zod/mini';
import { NODE_ID_PATTERN } from '../../contract/index.js';
import { ProblemError } from './problem.js';

/** Path ids: 1 to 12 digits, checked before anything goes upstream. */
export function nodeId(value: string | undefined, name = 'id'): string {
  if (value === undefined || !NODE_ID_PATTERN.test(value)) {
    throw new ProblemError(400, 'bad-request', {
      detail: `The ${name} must be 1 to 12 digits.`,
      errors: [{ path: name, message: 'must match ^[0-9]{1,12}$' }],
    });
  }
  return value;
}

/** Parses input with a contract schema; failures become a 400 listing each wrong input. */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || what,
    message: issue.message,
  }));
  throw new ProblemError(400, 'bad-request', { detail: `The ${what} is not valid.`, errors });
}

/** Reads a JSON body; malformed JSON is a 400, not a crash. */
export async function jsonBody(req: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ProblemError(400, 'bad-request', { detail: 'The request body is not valid JSON.' });
  }
}
