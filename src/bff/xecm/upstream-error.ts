import { ProblemError } from '../http/problem.js';

/** CS reports missing (or invisible) nodes as 400/500 with this kind of text instead of 404. */
const NODE_MISSING = /could not (get|locate|find)( a)? node|node .*not (be )?found|not found/i;
const NAME_TAKEN = /already exists/i;

export type UpstreamFailure =
  | {
      kind: 'status';
      status: number;
      error?: string;
      /** What of the caller's input the request carries (e.g. "file name"): a 400 then blames that input. */
      callerInput?: string;
    }
  | { kind: 'timeout' }
  | { kind: 'unreachable' }
  | { kind: 'redirect' }
  | { kind: 'malformed' };

/**
 * Maps an upstream failure to our own problem. Upstream text is only matched, never passed on:
 * it may name paths, users or internals.
 */
export function toProblem(failure: UpstreamFailure): ProblemError {
  switch (failure.kind) {
    case 'timeout':
      return new ProblemError(504, 'upstream-timeout');
    case 'unreachable':
      return new ProblemError(503, 'upstream-unavailable', {}, { 'Retry-After': '5' });
    case 'redirect':
    case 'malformed':
      return new ProblemError(502, 'upstream-error');
    case 'status':
      break;
  }
  const { status, error = '' } = failure;
  if (status === 404) return new ProblemError(404, 'not-found');
  if ((status === 400 || status === 500) && NODE_MISSING.test(error))
    return new ProblemError(404, 'not-found');
  if (status === 403)
    return new ProblemError(403, 'forbidden', { detail: 'Extended ECM does not allow this for you.' });
  if (status === 409 || ((status === 400 || status === 500) && NAME_TAKEN.test(error))) {
    return NAME_TAKEN.test(error)
      ? new ProblemError(409, 'name-conflict', {
          detail: 'An item with this name already exists in the target folder.',
        })
      : new ProblemError(409, 'conflict');
  }
  if (status === 400 && failure.callerInput) {
    // xECM checks names and attribute values itself (no ':' in names, valid values of a list attribute);
    // that is the caller's input refused, not xECM failing.
    return new ProblemError(400, 'bad-request', {
      detail: `Extended ECM refused the ${failure.callerInput}.`,
    });
  }
  if (status === 413) return new ProblemError(413, 'payload-too-large');
  if (status === 503) return new ProblemError(503, 'upstream-unavailable', {}, { 'Retry-After': '5' });
  return new ProblemError(502, 'upstream-error');
}
