import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TaskStatus } from '@lit/task';
import { Task, initialState } from '@lit/task';
import {
  NODE_ID_PATTERN,
  type DocumentItem,
  type DocumentPage,
  type DocumentQuery,
} from '../../contract/index.js';
import { isBffProblemError, type BffClient } from '../../client/index.js';
import { errorDetail } from '../base/error-detail.js';
import type { XecmErrorDetail } from '../events/xecm-error-event.js';

/** What to list: changing any of it reloads from page 1. */
export interface PagesTarget {
  client: BffClient | undefined;
  workspaceId: string | undefined;
  portal: boolean;
  sort: DocumentQuery['sort'] & string;
  filter: string;
  pageSize: number;
}

export interface PagesEvents {
  /** The first page of a load or refresh arrived. */
  loaded(): void;
  failed(detail: XecmErrorDetail): void;
}

/** Page 1 of a listing; later pages add `page`. */
export function firstPage(t: Pick<PagesTarget, 'sort' | 'filter' | 'pageSize'>): DocumentQuery {
  return t.filter
    ? { page: 1, pageSize: t.pageSize, sort: t.sort, q: t.filter }
    : { page: 1, pageSize: t.pageSize, sort: t.sort };
}

/** The BFF's `requestId` of a failed request (none for local failures such as "offline"). */
export function requestIdOf(error: unknown): string | undefined {
  return (isBffProblemError(error) && error.problem.requestId) || undefined;
}

/**
 * The loaded rows of the document list: page 1 through a Task (re-run when the target changes or the
 * cache is invalidated), "load more" appending the next pages, and the state of both for rendering.
 */
export class DocumentPages implements ReactiveController {
  rows: DocumentItem[] = [];
  total = 0;
  pagesLoaded = 0;
  more: { state: 'idle' | 'loading' | 'error'; code?: string; requestId?: string } = { state: 'idle' };

  readonly task: Task<readonly unknown[], DocumentPage>;
  private freshNext = false;
  private rerunQueued = false;
  private moreAbort?: AbortController;
  private morePromise?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => PagesTarget,
    private readonly events: PagesEvents,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      task: async (_args, { signal }) => {
        const t = this.target();
        if (!t.client || !t.workspaceId || !NODE_ID_PATTERN.test(t.workspaceId)) return initialState;
        this.moreAbort?.abort();
        const fresh = this.freshNext;
        this.freshNext = false;
        return this.fetch(t, firstPage(t), signal, fresh);
      },
      args: () => {
        const t = this.target();
        return [t.client, t.workspaceId, t.portal, t.sort, t.filter, t.pageSize] as const;
      },
      onComplete: (page) => {
        this.rows = page.items;
        this.total = page.total;
        this.pagesLoaded = 1;
        this.more = { state: 'idle' };
        this.host.requestUpdate();
        this.events.loaded();
      },
      onError: (error) => this.events.failed(errorDetail(error)),
    });
  }

  hostDisconnected(): void {
    this.moreAbort?.abort();
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get hasMore(): boolean {
    return this.rows.length < this.total;
  }

  /** Fetches the next page and appends it. Resolves when it arrived (or failed; failures show inline). */
  loadMore(): Promise<void> {
    if (this.more.state === 'loading' && this.morePromise) return this.morePromise;
    const t = this.target();
    if (!t.client || !t.workspaceId || !this.hasMore) return Promise.resolve();
    this.morePromise = this.fetchMore(t);
    return this.morePromise;
  }

  /** Reloads page 1 from the server (not the cache), keeping the current rows visible meanwhile. */
  refresh(): Promise<unknown> {
    this.freshNext = true;
    return this.task.run();
  }

  /** One invalidation notifies several watched keys at once; reload once for all of them. */
  rerun(): void {
    if (this.rerunQueued) return;
    this.rerunQueued = true;
    queueMicrotask(() => {
      this.rerunQueued = false;
      void this.task.run();
    });
  }

  private async fetchMore(t: PagesTarget): Promise<void> {
    this.moreAbort?.abort();
    const abort = (this.moreAbort = new AbortController());
    this.setMore({ state: 'loading' });
    try {
      // Later pages are always read fresh: a cached page 2 may no longer follow the page 1 just shown.
      const page = await this.fetch(t, { ...firstPage(t), page: this.pagesLoaded + 1 }, abort.signal, true);
      if (abort.signal.aborted) return;
      this.rows = [...this.rows, ...page.items];
      this.total = page.total;
      this.pagesLoaded = page.page;
      this.setMore({ state: 'idle' });
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = errorDetail(error);
      const requestId = requestIdOf(error);
      this.setMore({ state: 'error', code: detail.code, ...(requestId ? { requestId } : {}) });
      this.events.failed(detail);
    }
  }

  private setMore(more: DocumentPages['more']): void {
    this.more = more;
    this.host.requestUpdate();
  }

  private fetch(t: PagesTarget, query: DocumentQuery, signal: AbortSignal, fresh: boolean) {
    const client = t.client!;
    const workspaceId = t.workspaceId!;
    return t.portal
      ? client.listPortalDocuments(workspaceId, query, { signal, fresh })
      : client.listDocuments(workspaceId, query, { signal, fresh });
  }
}
