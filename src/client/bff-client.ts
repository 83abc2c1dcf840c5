import type * as z from 'zod/mini';
import {
  DocumentItem,
  DocumentPage,
  LookupBatchResponse,
  Review,
  ReviewOptions,
  WorkspaceSummary,
  type BusinessObject,
  type CreateWorkspaceRequest,
  type DocumentQuery,
  type LookupItem,
  type ReviewTarget,
  type StartReviewRequest,
  type Topic,
} from '../contract/index.js';
import { abortable, abortError } from './abort.js';
import { BffProblemError } from './bff-problem-error.js';
import {
  networkError,
  parseResponse,
  problemFrom,
  readResponse,
  timeoutError,
  type RawResponse,
} from './http.js';
import {
  businessObjectKey,
  documentKey,
  documentQueryString,
  documentsKey,
  reviewOptionsKey,
  portalDocumentsKey,
  workspaceKey,
} from './keys.js';
import { isTopic, type LiveEvents, type LiveEventsFactory, type LiveEventsHost } from './live-events.js';
import { LookupBatcher } from './lookup-batcher.js';
import { ResourceCache } from './resource-cache.js';
import { uploadWithProgress } from './upload.js';

/**
 * Supplies the BFF token (a short-lived JWT minted by the host's backend). Called before every request,
 * and once more with `{ expired: true }` after a 401 — fetch a new token then.
 */
export type TokenProvider = (request?: {
  expired: boolean;
}) => string | undefined | Promise<string | undefined>;

export interface BffClientOptions {
  /** BFF origin and path prefix, e.g. `https://bff.example.com` or `/bff`. */
  baseUrl: string;
  tokenProvider?: TokenProvider;
  fetch?: typeof fetch;
  /** How long loaded data counts as fresh (default 30 s); older data is shown while it is refreshed. */
  cacheTtlMs?: number;
  /**
   * Passed to `fetch` (default `same-origin`). The BFF authenticates by bearer token only and its CORS
   * never allows credentials, so change this only for a gateway in front of it that needs cookies.
   */
  credentials?: RequestCredentials;
  /** Live updates (implemented by the events feature). */
  liveEvents?: LiveEventsFactory;
  /**
   * Give up on a request that has no complete answer after this many ms (default 30 000; 0 = never),
   * so a BFF or proxy that never answers ends in the `network` error state (with retry) instead of
   * "Loading…" forever. Uploads and the live-update stream are not limited.
   */
  timeoutMs?: number;
}

/** Default of {@link BffClientOptions.timeoutMs}: longer than the BFF's own upstream timeouts. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Bypass the cache and wait for the network (e.g. a "retry" action). */
  fresh?: boolean;
}

export interface UploadOptions {
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  signal?: AbortSignal;
  json?: unknown;
  headers?: Record<string, string>;
  /** Portal routes: no token, no cookies. */
  anonymous?: boolean;
}

/** Header the BFF requires on state-changing requests (a CSRF guard a plain form cannot send). */
export const REQUESTED_WITH = 'xecm-elements';

/** The elements' only way to the BFF: typed calls, one shared cache, batched lookups. */
export class BffClient implements LiveEventsHost {
  readonly baseUrl: string;
  readonly cache: ResourceCache;
  readonly #options: BffClientOptions;
  readonly #fetch: typeof fetch;
  readonly #batcher: LookupBatcher;
  /** business object key → workspace id, so a known workspace is read through its own cache entry. */
  readonly #workspaceIds = new Map<string, string>();
  readonly #topics = new Map<Topic, { count: number; release: () => void }>();
  #live: LiveEvents | undefined;

  constructor(options: BffClientOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.cache = new ResourceCache(options.cacheTtlMs === undefined ? {} : { ttlMs: options.cacheTtlMs });
    this.#batcher = new LookupBatcher((items, signal) => this.#lookupBatch(items, signal));
  }

  /** The workspace of a business object. Lookups made in the same task share one `lookup:batch` request. */
  lookupWorkspace(bo: BusinessObject, opts: RequestOptions = {}): Promise<WorkspaceSummary> {
    const boKey = businessObjectKey(bo);
    const known = this.#workspaceIds.get(boKey);
    if (known !== undefined) return this.getWorkspace(known, opts);
    return this.cache.get(
      boKey,
      async (signal) => {
        const ws = await this.#batcher.enqueue({ system: bo.system, type: bo.type, id: bo.id }, signal);
        this.#remember(boKey, ws);
        return ws;
      },
      { ...opts, store: false },
    );
  }

  /** A workspace by id; batched like {@link lookupWorkspace}. */
  getWorkspace(id: string, opts: RequestOptions = {}): Promise<WorkspaceSummary> {
    return this.cache.get(
      workspaceKey(id),
      (signal) => this.#batcher.enqueue({ workspaceId: id }, signal),
      opts,
    );
  }

  listDocuments(
    workspaceId: string,
    query: DocumentQuery = {},
    opts: RequestOptions = {},
  ): Promise<DocumentPage> {
    const qs = documentQueryString(query);
    return this.cache.get(
      documentsKey(workspaceId, query),
      (signal) =>
        this.#call(
          {
            method: 'GET',
            path: `/v1/workspaces/${enc(workspaceId)}/documents${qs ? '?' + qs : ''}`,
            signal,
          },
          DocumentPage,
        ),
      opts,
    );
  }

  /**
   * Read-only portal listing (anonymous `/portal/v1` routes: approved public documents only, with signed
   * `openUrl`/`downloadUrl`). Sends no token and no cookies; used by `<xecm-document-list source="portal">`.
   */
  listPortalDocuments(
    workspaceId: string,
    query: DocumentQuery = {},
    opts: RequestOptions = {},
  ): Promise<DocumentPage> {
    const qs = documentQueryString(query);
    return this.cache.get(
      portalDocumentsKey(workspaceId, query),
      (signal) =>
        this.#call(
          {
            method: 'GET',
            path: `/portal/v1/workspaces/${enc(workspaceId)}/documents${qs ? '?' + qs : ''}`,
            signal,
            anonymous: true,
          },
          DocumentPage,
        ),
      opts,
    );
  }

  getDocument(id: string, opts: RequestOptions = {}): Promise<DocumentItem> {
    return this.cache.get(
      documentKey(id),
      (signal) => this.#call({ method: 'GET', path: `/v1/documents/${enc(id)}`, signal }, DocumentItem),
      opts,
    );
  }

  /** Multipart upload (field `file`) with progress; the workspace's cached data is invalidated afterwards. */
  async uploadDocument(workspaceId: string, file: File, opts: UploadOptions = {}): Promise<DocumentItem> {
    const url = `${this.baseUrl}/v1/workspaces/${enc(workspaceId)}/documents`;
    const send = async (expired: boolean): Promise<RawResponse> => {
      const token = await this.#token(expired);
      return uploadWithProgress(url, file, {
        headers: this.#headers(token, true),
        withCredentials: this.#options.credentials === 'include',
        ...opts,
      });
    };
    let raw = await send(false);
    if (raw.status === 401 && this.#options.tokenProvider) raw = await send(true);
    const item = parseResponse(raw, DocumentItem);
    this.cache.set(documentKey(item.id), item);
    this.invalidate(workspaceKey(workspaceId));
    return item;
  }

  async createWorkspace(req: CreateWorkspaceRequest, opts: RequestOptions = {}): Promise<WorkspaceSummary> {
    const ws = await this.#call(
      { method: 'POST', path: '/v1/workspaces', json: req, ...(opts.signal ? { signal: opts.signal } : {}) },
      WorkspaceSummary,
    );
    const boKey = businessObjectKey(req.businessObject);
    this.#remember(boKey, ws);
    this.invalidate(boKey);
    return ws;
  }

  getReviewOptions(target: ReviewTarget, opts: RequestOptions = {}): Promise<ReviewOptions> {
    const qs = new URLSearchParams({ kind: target.kind, id: target.id }).toString();
    return this.cache.get(
      reviewOptionsKey(target),
      (signal) => this.#call({ method: 'GET', path: `/v1/reviews/options?${qs}`, signal }, ReviewOptions),
      opts,
    );
  }

  /** Starts a review; retries of the same logical action should pass the same `idempotencyKey`. */
  async startReview(
    req: StartReviewRequest,
    opts: { signal?: AbortSignal; idempotencyKey?: string } = {},
  ): Promise<Review> {
    const review = await this.#call(
      {
        method: 'POST',
        path: '/v1/reviews',
        json: req,
        headers: { 'Idempotency-Key': opts.idempotencyKey ?? randomKey() },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      Review,
    );
    this.invalidate(`${req.target.kind}:${req.target.id}`);
    return review;
  }

  /** URL that streams a document (inline, or as an attachment with `download`). */
  contentUrl(documentId: string, download = false): string {
    return `${this.baseUrl}${contentPath(documentId, download)}`;
  }

  /**
   * The latest version of a document as a Blob, fetched with the token (which a plain link cannot send);
   * after a 401 once more with a fresh token. `timeoutMs` covers the wait for the answer to start, not the
   * transfer of a large file.
   */
  async getContent(
    documentId: string,
    opts: { download?: boolean; signal?: AbortSignal } = {},
  ): Promise<Blob> {
    const call: Call = {
      method: 'GET',
      path: contentPath(documentId, opts.download ?? false),
      headers: { Accept: '*/*' },
    };
    if (opts.signal) call.signal = opts.signal;
    const started = async (response: Response) => response;
    let response = await this.#request(call, false, started);
    if (response.status === 401 && this.#options.tokenProvider) {
      await response.body?.cancel();
      response = await this.#request(call, true, started);
    }
    if (!response.ok) throw problemFrom(await readResponse(response));
    try {
      return await abortable(response.blob(), opts.signal, () => void response.body?.cancel());
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      throw networkError();
    }
  }

  /** Marks `key` (and `key/…`) stale; subscribers reload. */
  invalidate(key: string): void {
    this.cache.invalidate(key);
  }

  /** Calls `listener` when `key` is invalidated; a topic key (`workspace:1`) also subscribes to live updates. */
  subscribe(key: string, listener: () => void): () => void {
    const unsubscribe = this.cache.subscribe(key, listener);
    const releaseTopic = isTopic(key) && this.#options.liveEvents ? this.#watchTopic(key) : undefined;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      unsubscribe();
      releaseTopic?.();
    };
  }

  /** Forget everything cached for the current user (and reconnect live updates) — call on sign-out. */
  signOut(): void {
    this.#workspaceIds.clear();
    if (this.#live) {
      this.#live.close();
      this.#live = undefined;
      for (const [topic, entry] of this.#topics) entry.release = this.#liveEvents().watch(topic);
    }
    this.cache.clear();
  }

  /** The current token from the `tokenProvider` (undefined without one); `{ expired: true }` asks for a new one. */
  token(request?: { expired: boolean }): Promise<string | undefined> {
    return this.#token(request?.expired ?? false);
  }

  async #token(expired: boolean): Promise<string | undefined> {
    const provider = this.#options.tokenProvider;
    if (!provider) return undefined;
    try {
      return (await provider(expired ? { expired } : undefined)) ?? undefined;
    } catch {
      throw BffProblemError.local('unauthenticated', 401, 'The token provider failed.');
    }
  }

  #headers(token: string | undefined, write: boolean): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (write) headers['X-Requested-With'] = REQUESTED_WITH;
    return headers;
  }

  async #call<T>(call: Call, schema: z.ZodMiniType<T>): Promise<T> {
    let raw = await this.#send(call, false);
    if (raw.status === 401 && this.#options.tokenProvider && !call.anonymous)
      raw = await this.#send(call, true);
    return parseResponse(raw, schema);
  }

  #send(call: Call, expired: boolean): Promise<RawResponse> {
    return this.#request(call, expired, readResponse);
  }

  /** Sends `call` with the token; `read` runs under the same abort and timeout, which end with it. */
  async #request<R>(call: Call, expired: boolean, read: (response: Response) => Promise<R>): Promise<R> {
    const token = call.anonymous ? undefined : await this.#token(expired);
    if (call.signal?.aborted) throw abortError(call.signal);
    const headers = { ...this.#headers(token, call.method !== 'GET'), ...call.headers };
    if (call.json !== undefined) headers['Content-Type'] = 'application/json';
    // One signal for the caller's abort and the timeout, which also covers reading the body.
    const controller = new AbortController();
    const onAbort = () => controller.abort(call.signal?.reason);
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    const timer =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    try {
      const response = await this.#fetch(this.baseUrl + call.path, {
        method: call.method,
        headers,
        credentials: call.anonymous ? 'omit' : (this.#options.credentials ?? 'same-origin'),
        ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
        signal: controller.signal,
      });
      // A body that stalls must end too, whether or not the fetch implementation ties it to the signal.
      return await abortable(read(response), controller.signal);
    } catch (error) {
      if (call.signal?.aborted) throw abortError(call.signal);
      if (timedOut) throw timeoutError(timeoutMs);
      void error;
      throw networkError();
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  async #lookupBatch(items: LookupItem[], signal: AbortSignal) {
    const answer = await this.#call(
      { method: 'POST', path: '/v1/workspaces/lookup:batch', json: { items }, signal },
      LookupBatchResponse,
    );
    if (answer.results.length !== items.length) {
      throw BffProblemError.local('bad-response', 200, 'The lookup answer does not match the request.');
    }
    return answer.results;
  }

  #remember(boKey: string, ws: WorkspaceSummary): void {
    this.#workspaceIds.set(boKey, ws.id);
    this.cache.set(workspaceKey(ws.id), ws);
  }

  #liveEvents(): LiveEvents {
    return (this.#live ??= this.#options.liveEvents!(this));
  }

  #watchTopic(topic: Topic): () => void {
    let entry = this.#topics.get(topic);
    if (!entry) {
      entry = { count: 0, release: this.#liveEvents().watch(topic) };
      this.#topics.set(topic, entry);
    }
    entry.count++;
    const held = entry;
    return () => {
      if (--held.count === 0 && this.#topics.get(topic) === held) {
        this.#topics.delete(topic);
        held.release();
      }
    };
  }
}

function contentPath(documentId: string, download: boolean): string {
  return `/v1/documents/${enc(documentId)}/content${download ? '?download=1' : ''}`;
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function randomKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}
