// A scripted `fetch` for client tests that need exact control over answers and timing.
import { PROBLEM_CONTENT_TYPE } from '../../src/contract/index.js';
import { fixtureProblem } from '../mocks/fixtures.js';

export interface FakeCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

type Answer = Response | Error | ((call: FakeCall) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: typeof fetch;
  calls: FakeCall[];
  /** Answers used in order; the last one repeats. */
  answers: Answer[];
}

export function fakeFetch(...answers: Answer[]): FakeFetch {
  const fake: FakeFetch = {
    calls: [],
    answers,
    fetch: async (input, init) => {
      const call: FakeCall = {
        url: String(input),
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : undefined,
        signal: init?.signal ?? undefined,
      };
      fake.calls.push(call);
      const answer = fake.answers[Math.min(fake.calls.length - 1, fake.answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      const response = typeof answer === 'function' ? await answer(call) : answer.clone();
      return response;
    },
  };
  return fake;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, code: string): Response {
  return new Response(JSON.stringify(fixtureProblem(status, code)), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
  });
}

/** An answer that never comes unless the request is aborted (then rejects like fetch does). */
export function hang(call: FakeCall): Promise<Response> {
  return new Promise((_, reject) => {
    call.signal?.addEventListener('abort', () => reject(call.signal!.reason));
  });
}
