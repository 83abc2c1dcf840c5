import type * as z from 'zod/mini';
import { Problem } from '../contract/index.js';
import { BffProblemError } from './bff-problem-error.js';

/** The parts of an HTTP answer the client looks at (shared by `fetch` and `XMLHttpRequest`). */
export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

export async function readResponse(response: Response): Promise<RawResponse> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw networkError();
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
}

export function networkError(): BffProblemError {
  return BffProblemError.local('network', 0, 'The server could not be reached.');
}

/** No complete answer in time (a BFF or proxy that hangs): shown like a network failure, with retry. */
export function timeoutError(timeoutMs: number): BffProblemError {
  return BffProblemError.local(
    'network',
    0,
    'The server did not answer in time.',
    `No complete answer within ${timeoutMs} ms.`,
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Turns an answer into the schema's type, or throws a {@link BffProblemError}. */
export function parseResponse<T>(raw: RawResponse, schema: z.ZodMiniType<T>): T {
  if (raw.status < 200 || raw.status >= 300) throw problemFrom(raw);
  let json: unknown;
  try {
    json = raw.text === '' ? undefined : JSON.parse(raw.text);
  } catch {
    throw BffProblemError.local('bad-response', raw.status, 'The server sent an answer that is not JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    // Paths only: values may hold user data and end up in logs.
    const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw BffProblemError.local(
      'bad-response',
      raw.status,
      'The server sent an answer in an unexpected shape.',
      `Unexpected fields: ${[...new Set(paths)].slice(0, 5).join(', ')}`,
    );
  }
  return result.data;
}

/** The error an answer outside 2xx stands for: its problem document, or `bad-response`. */
export function problemFrom(raw: RawResponse): BffProblemError {
  if (raw.contentType.includes('json')) {
    try {
      const parsed = Problem.safeParse(JSON.parse(raw.text));
      if (parsed.success) return new BffProblemError(parsed.data);
    } catch {
      // fall through: an error answer we cannot read
    }
  }
  return BffProblemError.local(
    'bad-response',
    raw.status,
    `The server answered ${raw.status} without a problem document.`,
  );
}
