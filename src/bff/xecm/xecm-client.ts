import type { Logger } from 'pino';
import type * as z from 'zod';
import type { BffConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import { Fetcher } from './fetcher.js';
import { OtdsClient, parseJson, ServiceClientRefused } from './otds.js';
import { TicketCache } from './ticket-cache.js';
import { toProblem } from './upstream-error.js';

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface XecmRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path under `<baseUrl>/api`, built by us from a fixed template and validated ids. */
  path: string;
  query?: Query;
  /** Sent as `application/x-www-form-urlencoded` (values already strings; JSON goes in `body`). */
  form?: Record<string, string>;
  /** A streamed body with its content type (uploads); never replayed. */
  raw?: { contentType: string; body: ReadableStream<Uint8Array> };
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The caller's input this request carries, named for a 400 problem when xECM refuses it. */
  callerInput?: string;
}

/** Ticket lifetime we assume when none is known: below CS's common 30-minute policy. */
const DEFAULT_TICKET_LIFETIME_MS = 20 * 60_000;

const FRESH_SESSION_REFUSED =
  'Extended ECM refused the session the BFF opened for you; this is a service problem, not your permissions.';

export interface XecmClientOptions {
  fetch?: typeof fetch;
  ticketLifetimeMs?: number;
}

function buildUrl(base: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return `${base}/api${path}${qs ? `?${qs}` : ''}`;
}

function errorText(text: string): string | undefined {
  const body = parseJson(text);
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string')
    return body.error;
  return undefined;
}

/**
 * Content Server REST client acting as one user: OTDS token exchange → OTCSTicket (cached per user),
 * one re-login and retry on 401 (not for streamed uploads), only our own headers sent, answers parsed
 * with zod.
 */
export class XecmClient {
  readonly #fetcher: Fetcher;
  readonly #otds: OtdsClient;
  readonly #tickets: TicketCache;

  constructor(
    private readonly config: BffConfig,
    private readonly logger: Logger,
    options: XecmClientOptions = {},
  ) {
    this.#fetcher = new Fetcher(config.xecm.timeoutMs, options.fetch);
    this.#otds = new OtdsClient(config, this.#fetcher);
    this.#tickets = new TicketCache(options.ticketLifetimeMs ?? DEFAULT_TICKET_LIFETIME_MS);
  }

  /** A JSON call, parsed with `schema`; any upstream failure becomes a ProblemError. */
  async json<S extends z.ZodType>(user: string, req: XecmRequest, schema: S): Promise<z.infer<S>> {
    const res = await this.#call(user, req, (url, headers, signal) =>
      this.#fetcher.fetchText(url, {
        method: req.method,
        headers,
        body: this.#body(req, headers),
        signal,
        timeoutMs: req.timeoutMs,
      }),
    );
    if (res.status < 200 || res.status >= 300) {
      const error = errorText(res.text);
      this.logger.warn(
        { upstreamStatus: res.status, method: req.method, upstreamPath: req.path },
        'xECM answered with an error',
      );
      throw toProblem({ kind: 'status', status: res.status, error, callerInput: req.callerInput });
    }
    const parsed = schema.safeParse(parseJson(res.text));
    if (!parsed.success) {
      this.logger.warn(
        {
          method: req.method,
          upstreamPath: req.path,
          issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
        },
        'xECM answer did not match the expected shape',
      );
      throw toProblem({ kind: 'malformed' });
    }
    return parsed.data;
  }

  /** A streamed call (content): resolves once headers arrive; non-2xx answers become ProblemErrors. */
  async stream(user: string, req: XecmRequest): Promise<Response> {
    const res = await this.#call(user, req, async (url, headers, signal) => {
      const r = await this.#fetcher.fetch(url, {
        method: req.method,
        headers,
        signal,
        timeoutMs: req.timeoutMs,
      });
      return { status: r.status, headers: r.headers, response: r };
    });
    if (res.status < 200 || res.status >= 300) {
      const text = await res.response.text().catch(() => '');
      this.logger.warn(
        { upstreamStatus: res.status, method: req.method, upstreamPath: req.path },
        'xECM answered with an error',
      );
      throw toProblem({
        kind: 'status',
        status: res.status,
        error: errorText(text),
        callerInput: req.callerInput,
      });
    }
    return res.response;
  }

  /** Unauthenticated readiness probe (`GET /api/v1/ping`). */
  async ping(): Promise<boolean> {
    try {
      const res = await this.#fetcher.fetchText(buildUrl(this.config.xecm.baseUrl, '/v1/ping'), {
        method: 'GET',
        headers: { Accept: 'application/json' },
        timeoutMs: Math.min(this.config.xecm.timeoutMs, 3000),
      });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  async #call<R extends { status: number; headers: Headers }>(
    user: string,
    req: XecmRequest,
    send: (url: string, headers: Record<string, string>, signal?: AbortSignal) => Promise<R>,
  ): Promise<R> {
    const url = buildUrl(this.config.xecm.baseUrl, req.path, req.query);
    const attempt = async (): Promise<{ res: R; ticket: string; fresh: boolean }> => {
      let fresh = false;
      const ticket = await this.#tickets.get(user, () => {
        fresh = true;
        return this.#login(user);
      });
      // The complete header set: nothing from the caller's request is ever copied here.
      const headers: Record<string, string> = { Accept: 'application/json', OTCSTicket: ticket };
      const res = await send(url, headers, req.signal);
      return { res, ticket, fresh };
    };
    const first = await attempt();
    let { res, ticket } = first;
    if (res.status === 401) {
      this.#tickets.drop(user, ticket);
      // A ticket minted for this very request did not expire: signing in again would only be refused too.
      if (first.fresh) throw this.#freshSessionRefused(req);
      if (req.raw) {
        // A streamed upload cannot be sent twice; the caller may retry with a fresh session.
        throw new ProblemError(
          503,
          'upstream-unavailable',
          { detail: 'The Extended ECM session expired; retry the request.' },
          { 'Retry-After': '1' },
        );
      }
      // Content Server checks the ticket before anything else: a call it answered 401 did nothing, so
      // it is repeated once with a new session, reads and form writes alike (notes §2.1, as PYX does).
      this.logger.info({ upstreamPath: req.path }, 'xECM session expired; signing in again');
      ({ res, ticket } = await attempt());
      if (res.status === 401) {
        this.#tickets.drop(user, ticket);
        throw this.#freshSessionRefused(req);
      }
    }
    const renewed = res.headers.get('otcsticket');
    if (renewed && renewed !== ticket && res.status < 400) this.#tickets.set(user, renewed);
    return res;
  }

  #freshSessionRefused(req: XecmRequest): ProblemError {
    this.logger.warn(
      { upstreamStatus: 401, method: req.method, upstreamPath: req.path },
      'xECM refused a session it had just opened',
    );
    return new ProblemError(502, 'upstream-error', { detail: FRESH_SESSION_REFUSED });
  }

  #body(req: XecmRequest, headers: Record<string, string>): string | ReadableStream<Uint8Array> | undefined {
    if (req.raw) {
      headers['Content-Type'] = req.raw.contentType;
      return req.raw.body;
    }
    if (req.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      return new URLSearchParams(req.form).toString();
    }
    return undefined;
  }

  async #login(user: string): Promise<string> {
    let token: string;
    try {
      token = await this.#otds.userToken(user);
    } catch (error) {
      if (error instanceof ServiceClientRefused) {
        this.logger.warn(
          { upstreamStatus: error.upstreamStatus, oauthError: error.oauthError },
          'OTDS refused the BFF service client: check OTDS_CLIENT_ID/OTDS_CLIENT_SECRET and its token-exchange right',
        );
      }
      throw error;
    }
    const res = await this.#fetcher.fetchText(buildUrl(this.config.xecm.baseUrl, '/v1/auth'), {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
    const ticket = res.headers.get('otcsticket');
    // xECM says this user may not sign in (disabled, no login right): about the user.
    if (res.status === 403) {
      throw new ProblemError(403, 'forbidden', {
        detail: 'Your user cannot access Extended ECM through this BFF.',
      });
    }
    // OTDS just vouched for the user with a fresh token; xECM refusing it means xECM or its trust in
    // OTDS is broken, which every user meets alike: an outage, not missing permission.
    if (res.status === 401) {
      this.logger.warn(
        { upstreamStatus: res.status },
        'xECM refused a fresh OTDS token: check xECM is up and trusts the OTDS the BFF uses',
      );
      throw new ProblemError(502, 'upstream-error', { detail: FRESH_SESSION_REFUSED });
    }
    if (res.status !== 200 || !ticket) {
      this.logger.warn({ upstreamStatus: res.status }, 'xECM sign-in failed');
      throw new ProblemError(502, 'upstream-error');
    }
    return ticket;
  }
}
