import { toProblem } from './upstream-error.js';

export interface FetchOptions {
  method: string;
  headers: Record<string, string>;
  body?: string | FormData | ReadableStream<Uint8Array>;
  /** The caller's signal (client went away): aborts the upstream request. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * The only place that calls `fetch` towards xECM: fixed base URLs from config, own timeouts,
 * redirects never followed (a 3xx is an error), network failures mapped to problems.
 */
export class Fetcher {
  constructor(
    private readonly defaultTimeoutMs: number,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Whole response read within the timeout (JSON calls). */
  async fetchText(url: string, options: FetchOptions): Promise<TextResponse> {
    return this.#withTimeout(url, options, async (signal) => {
      const res = await this.#send(url, options, signal);
      return { status: res.status, headers: res.headers, text: await res.text() };
    });
  }

  /** Only the response headers are awaited within the timeout; the body streams on (downloads). */
  async fetch(url: string, options: FetchOptions): Promise<Response> {
    return this.#withTimeout(url, options, (signal) => this.#send(url, options, signal));
  }

  async #withTimeout<T>(
    url: string,
    options: FetchOptions,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? this.defaultTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    try {
      return await work(signal);
    } catch (error) {
      if (timeout.signal.aborted)
        throw withUpstream(
          toProblem({ kind: 'timeout' }),
          url,
          `no answer within ${options.timeoutMs ?? this.defaultTimeoutMs} ms`,
        );
      if (options.signal?.aborted) {
        // The reason may be any value (the Node adapter uses a string); callers need an Error.
        const aborted = new Error('The client went away.');
        aborted.name = 'AbortError';
        throw aborted;
      }
      if (error instanceof Error && error.name === 'ProblemError') throw error;
      throw withUpstream(toProblem({ kind: 'unreachable' }), url, networkReason(error));
    } finally {
      clearTimeout(timer);
    }
  }

  async #send(url: string, options: FetchOptions, signal: AbortSignal): Promise<Response> {
    const res = await this.fetchImpl(url, {
      method: options.method,
      headers: options.headers,
      body: options.body ?? null,
      redirect: 'manual',
      signal,
      ...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    if ((res.status >= 300 && res.status < 400) || res.type === 'opaqueredirect') {
      await res.body?.cancel();
      throw toProblem({ kind: 'redirect' });
    }
    return res;
  }
}

/**
 * Which upstream call failed and why, as the error's `cause`: the BFF's log line names it (the answer to
 * the caller never does). Origin and path only: the configured base URL carries no credentials, and a
 * query may hold the caller's input.
 */
function withUpstream<E extends Error>(problem: E, url: string, reason: string): E {
  const { origin, pathname } = new URL(url);
  return Object.assign(problem, { cause: { upstream: `${origin}${pathname}`, reason } });
}

/** undici reports a refused or unresolvable host as `fetch failed` with the system error as its cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'network error';
}
