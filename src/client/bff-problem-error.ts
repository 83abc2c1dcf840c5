import { problemType, type Problem, type ProblemCode } from '../contract/index.js';

/** Codes the client produces itself, without a problem document from the BFF. */
export const CLIENT_PROBLEM_CODES = ['network', 'bad-response'] as const;
export type ClientProblemCode = (typeof CLIENT_PROBLEM_CODES)[number];

/**
 * A failed BFF call. Elements switch on `code` (a contract `PROBLEM_CODES` entry, or `network` /
 * `bad-response` from the client itself), never on the message.
 */
export class BffProblemError extends Error {
  readonly problem: Problem;
  readonly code: string;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'BffProblemError';
    this.problem = problem;
    this.code = problem.code;
    this.status = problem.status;
  }

  /** A problem the client detected on its own (no usable answer from the BFF). */
  static local(
    code: ClientProblemCode | ProblemCode,
    status: number,
    title: string,
    detail?: string,
  ): BffProblemError {
    return new BffProblemError({
      type: problemType(code),
      title,
      status,
      code,
      requestId: '',
      ...(detail === undefined ? {} : { detail }),
    });
  }
}

export function isBffProblemError(error: unknown): error is BffProblemError {
  return error instanceof BffProblemError;
}

/** True for the rejection an aborted request produces (the caller asked for it; not an error state). */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  );
}
