import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  DOCUMENT_PAGE_SIZE_DEFAULT,
  DOCUMENT_PAGE_SIZE_MAX,
  DocumentSort,
  NODE_ID_PATTERN,
  type DocumentItem,
  type DocumentPage,
  type DocumentQuery,
  type DocumentSortKey,
} from '../../contract/index.js';
import type { BffClient } from '../../client/index.js';
import { XecmApprovalBadge } from '../approval-badge/approval-badge.component.js';
import { documentsKey, workspaceKey } from '../../client/keys.js';
import { XecmDataElement } from '../base/xecm-data-element.js';
import { devWarn } from '../base/dev-warn.js';
import { errorDetail } from '../base/error-detail.js';
import { XecmDocumentOpenEvent } from '../events/xecm-document-open-event.js';
import { XecmErrorEvent } from '../events/xecm-error-event.js';
import { XecmLoadEvent } from '../events/xecm-load-event.js';
import { COLUMNS } from './columns.js';
import { deliverDocument } from './document-content.js';
import { documentListStyles } from './document-list.styles.js';
import { errorView, footerView, headerView, toolbarView } from './document-list.views.js';
import { renderDocumentRow, renderSkeletonRows, type RowContext } from './document-row.js';
import { FileDropController } from './file-drop-controller.js';
import { GridFocusController } from './grid-focus-controller.js';
import { RowsController } from './rows-controller.js';
import type { Uploads } from './uploads.js';
import type { documentList } from '../i18n/en/document-list.js';

export const DOCUMENT_LIST_SOURCES = ['bff', 'portal'] as const;
export type DocumentListSource = (typeof DOCUMENT_LIST_SOURCES)[number];

const FILTER_DEBOUNCE_MS = 300;
const SKELETON_ROWS = 5;

/** Optional client method for the portal's read-only routes (issue 7); absent until the portal BFF lands. */
interface PortalCapableClient {
  listPortalDocuments?(
    workspaceId: string,
    query: DocumentQuery,
    opts?: { signal?: AbortSignal; fresh?: boolean },
  ): Promise<DocumentPage>;
}

/**
 * The documents of a business workspace: sortable, filterable, virtualized grid with paging, open and
 * download, and upload by button or drag-and-drop.
 *
 * @summary Documents of a workspace, with sort, filter, paging, open/download and upload.
 * @tag xecm-document-list
 *
 * @fires xecm-load - The first page of a load or refresh arrived. Once per load.
 * @fires xecm-error - A load, a "load more", an upload or a download failed. `detail.code` is the problem code.
 * @fires xecm-document-open - Before a document is opened or downloaded (cancelable). `detail: {document, action}`.
 *
 * @csspart toolbar - The row with the filter box and the upload button.
 * @csspart filter - The filter input.
 * @csspart upload-button - The "Upload files" button.
 * @csspart grid - The grid (`role="grid"`).
 * @csspart header - The header row.
 * @csspart body - The scrolling, virtualized row group.
 * @csspart row - A document row.
 * @csspart cell - A cell of a document row.
 * @csspart name - The document name (a button that opens the document).
 * @csspart action - An action button in a row (also `download`).
 * @csspart approval - The approval state (icon and text) of a row.
 * @csspart status - The loading / count line.
 * @csspart empty - The message shown when there are no documents.
 * @csspart error - The error message with its retry button.
 * @csspart footer - The footer with the count and "Load more".
 * @csspart load-more - The "Load more" button.
 * @csspart uploads - The list of uploads in progress or finished.
 * @csspart upload - One upload (`data-status` = uploading | done | error | canceled).
 * @csspart dropzone - The overlay shown while files are dragged over the list.
 *
 * @cssprop --xecm-document-list-height - Height of the scrolling rows area (default 24rem).
 * @cssprop --xecm-document-list-row-height - Minimum row height (default 2.5rem).
 * @cssprop --xecm-document-list-color - Text colour.
 * @cssprop --xecm-document-list-background - Background.
 * @cssprop --xecm-document-list-border - Outer border.
 * @cssprop --xecm-document-list-drop-background - Background of the drop overlay.
 */
export class XecmDocumentList extends XecmDataElement {
  static override styles = [XecmDataElement.styles, documentListStyles];
  static override dependencies = { 'xecm-approval-badge': XecmApprovalBadge };

  /** Id of the business workspace whose documents are listed (1–12 digits). */
  @property({ attribute: 'workspace-id', reflect: true }) workspaceId?: string;

  /** Sort order: a column key (`name`, `mimeType`, `size`, `version`, `modifiedAt`), `-` prefix for descending. */
  @property({ reflect: true }) sort: DocumentSort = 'name';

  /** Documents fetched per page (1–200). */
  @property({ attribute: 'page-size', type: Number, reflect: true }) pageSize = DOCUMENT_PAGE_SIZE_DEFAULT;

  /** Largest file the upload accepts, in bytes; larger files are refused without a request. */
  @property({ attribute: 'max-upload-bytes', type: Number, reflect: true }) maxUploadBytes?: number;

  /** Allowed upload types, as in `<input type=file accept>`: `.pdf,image/*,application/msword`. */
  @property({ reflect: true }) accept?: string;

  /** `bff` (default) lists through the authenticated BFF; `portal` is read-only (no upload). */
  @property({ reflect: true }) source: DocumentListSource = 'bff';

  /** Present while files are dragged over the list. */
  @property({ type: Boolean, reflect: true }) dragging = false;

  @state() private rows: DocumentItem[] = [];
  @state() private total = 0;
  @state() private pagesLoaded = 0;
  @state() private filter = '';
  @state() private more: { state: 'idle' | 'loading' | 'error'; code?: string } = { state: 'idle' };
  @state() private notice?: string;

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  /** The upload machinery, imported when the user first chooses or drops files. */
  private uploads?: Uploads;
  private uploadsLoading?: Promise<Uploads>;
  private freshNext = false;
  private rerunQueued = false;
  private moreAbort?: AbortController;
  private morePromise?: Promise<void>;
  private filterTimer?: ReturnType<typeof setTimeout>;
  private readonly rowGroup = new RowsController<DocumentItem>(this, {
    key: (doc) => doc.id,
    render: (doc, i) => renderDocumentRow(doc, i, this.rowContext),
    nearEnd: () => {
      if (this.hasMore && this.more.state === 'idle') void this.loadMore();
    },
  });
  private readonly grid = new GridFocusController(this, {
    rows: () => this.rows.length,
    cols: COLUMNS.length,
    body: () => this.rowGroup.body(),
    reveal: (row) => this.rowGroup.reveal(row),
    activate: (row) => {
      const doc = this.rows[row];
      if (doc) void this.requestOpen(doc, 'open');
    },
  });

  private readonly task = new Task(this, {
    task: async ([client, workspaceId, source, sort, q, pageSize], { signal }) => {
      if (!client || !workspaceId || !NODE_ID_PATTERN.test(workspaceId)) return initialState;
      this.moreAbort?.abort();
      const fresh = this.freshNext;
      this.freshNext = false;
      return this.fetchPage(client, source, workspaceId, firstPage(sort, q, pageSize), signal, fresh);
    },
    args: () =>
      [
        this.bff,
        this.workspaceId,
        this.source,
        this.effectiveSort,
        this.filter,
        this.effectivePageSize,
      ] as const,
    onComplete: (page) => {
      this.rows = page.items;
      this.total = page.total;
      this.pagesLoaded = 1;
      this.more = { state: 'idle' };
      this.emit(new XecmLoadEvent());
    },
    onError: (error) => this.emit(new XecmErrorEvent(errorDetail(error))),
  });

  constructor() {
    super();
    new FileDropController(this, { enabled: () => !this.readOnly, drop: (files) => this.upload(files) });
    // The workspace key fires on writes and live events; the page key fires when a stale-while-revalidate
    // refresh lands, so the rows switch from the stale page to the fresh one.
    this.watch(
      () =>
        this.workspaceId
          ? [
              workspaceKey(this.workspaceId),
              documentsKey(
                this.workspaceId,
                firstPage(this.effectiveSort, this.filter, this.effectivePageSize),
              ),
            ]
          : [],
      () => this.rerun(),
    );
  }

  /** Fetches the next page and appends it. Resolves when it arrived (or failed; failures show inline). */
  loadMore(): Promise<void> {
    if (this.more.state === 'loading' && this.morePromise) return this.morePromise;
    const client = this.bff;
    if (!client || !this.workspaceId || !this.hasMore) return Promise.resolve();
    this.morePromise = this.fetchMore(client, this.workspaceId);
    return this.morePromise;
  }

  private async fetchMore(client: BffClient, workspaceId: string): Promise<void> {
    this.moreAbort?.abort();
    const abort = (this.moreAbort = new AbortController());
    this.more = { state: 'loading' };
    try {
      const page = await this.fetchPage(
        client,
        this.source,
        workspaceId,
        { ...firstPage(this.effectiveSort, this.filter, this.effectivePageSize), page: this.pagesLoaded + 1 },
        abort.signal,
        // Later pages are always read fresh: a cached page 2 may no longer follow the page 1 just shown.
        true,
      );
      if (abort.signal.aborted) return;
      this.rows = [...this.rows, ...page.items];
      this.total = page.total;
      this.pagesLoaded = page.page;
      this.more = { state: 'idle' };
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = errorDetail(error);
      this.more = { state: 'error', code: detail.code };
      this.emit(new XecmErrorEvent(detail));
    }
  }

  /** Reloads the first page from the server (not the cache), keeping the current rows visible meanwhile. */
  refresh(): Promise<unknown> {
    this.freshNext = true;
    return this.task.run();
  }

  /** One invalidation notifies several watched keys at once; reload once for all of them. */
  private rerun(): void {
    if (this.rerunQueued) return;
    this.rerunQueued = true;
    queueMicrotask(() => {
      this.rerunQueued = false;
      void this.task.run();
    });
  }

  /**
   * Uploads files as if the user had chosen them (validation, progress and refresh included). The upload
   * code loads on first use; on success the client invalidates `workspace:<id>` and the rows reload.
   */
  upload(files: Iterable<File>): void {
    const client = this.bff;
    const workspaceId = this.workspaceId;
    if (this.readOnly || !client || !workspaceId) return;
    const chosen = [...files];
    this.loadUploads().then(
      (uploads) => uploads.add(chosen, client, workspaceId),
      () => {
        this.notice = this.t.uploadFailed;
        this.emit(new XecmErrorEvent({ code: 'network', message: this.t.uploadFailed }));
      },
    );
  }

  private loadUploads(): Promise<Uploads> {
    return (this.uploadsLoading ??= import('./uploads.js').then(
      ({ Uploads }) =>
        (this.uploads = new Uploads(this, {
          strings: () => this.t,
          bytes: (n) => this.localize.bytes(n),
          rules: () => ({ maxBytes: this.validMaxBytes, accept: this.accept }),
          failed: (code, message) => this.emit(new XecmErrorEvent({ code, message })),
        })),
      (error: unknown) => {
        this.uploadsLoading = undefined; // try again next time
        throw error;
      },
    ));
  }

  private get readOnly(): boolean {
    return this.source === 'portal';
  }

  private get hasMore(): boolean {
    return this.rows.length < this.total;
  }

  private get effectiveSort(): DocumentSort {
    return DocumentSort.safeParse(this.sort).success ? this.sort : 'name';
  }

  private get effectivePageSize(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) ? Math.min(DOCUMENT_PAGE_SIZE_MAX, Math.max(1, n)) : DOCUMENT_PAGE_SIZE_DEFAULT;
  }

  private get validMaxBytes(): number | undefined {
    const n = this.maxUploadBytes;
    return n !== undefined && n !== null && Number.isFinite(n) && n >= 0 ? n : undefined;
  }

  private fetchPage(
    client: BffClient,
    source: DocumentListSource,
    workspaceId: string,
    query: DocumentQuery,
    signal: AbortSignal,
    fresh = false,
  ): Promise<DocumentPage> {
    const portal = (client as BffClient & PortalCapableClient).listPortalDocuments;
    if (source === 'portal' && portal) return portal.call(client, workspaceId, query, { signal, fresh });
    return client.listDocuments(workspaceId, query, { signal, fresh });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.filterTimer);
    this.moreAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      changed.has('workspaceId') &&
      this.workspaceId !== undefined &&
      !NODE_ID_PATTERN.test(this.workspaceId)
    )
      devWarn(this, `workspace-id="${this.workspaceId}" is not a node id (1–12 digits); nothing is loaded.`);
    if (changed.has('sort') && !DocumentSort.safeParse(this.sort).success)
      devWarn(
        this,
        `sort="${String(this.sort)}" is not one of ${DocumentSort.options.join(', ')}; using "name".`,
      );
    if (changed.has('pageSize') && this.effectivePageSize !== this.pageSize)
      devWarn(
        this,
        `page-size="${this.pageSize}" must be a whole number from 1 to ${DOCUMENT_PAGE_SIZE_MAX}; using ${this.effectivePageSize}.`,
      );
    if (changed.has('source') && !(DOCUMENT_LIST_SOURCES as readonly string[]).includes(this.source))
      devWarn(this, `source="${String(this.source)}" is not one of ${DOCUMENT_LIST_SOURCES.join(', ')}.`);
    if (changed.has('maxUploadBytes') && this.maxUploadBytes != null && this.validMaxBytes === undefined)
      devWarn(
        this,
        `max-upload-bytes="${this.maxUploadBytes}" must be a number of bytes; no size limit is applied.`,
      );
    if (changed.has('source') && this.readOnly) this.dragging = false;
  }

  // ---------- strings ----------

  private get t(): typeof documentList {
    return this.localize.strings('documentList');
  }

  private errorText(code: string): string {
    if (code === 'bad-response') return this.t.malformed;
    if (code === 'forbidden') return this.t.forbidden;
    if (code === 'workspace-not-found' || code === 'not-found') return this.t.notFound;
    const errors: Record<string, string> = this.localize.strings('common').errors;
    const specific = errors[code];
    return specific ? `${this.t.loadError} ${specific}` : this.t.loadError;
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.t;
    const pending = this.task.status === TaskStatus.PENDING;
    const failed = this.task.status === TaskStatus.ERROR;
    const initial = this.task.status === TaskStatus.INITIAL;
    const hasRows = this.rows.length > 0;
    const loadingFirst = pending && this.pagesLoaded === 0;
    const errorCode = failed ? errorDetail(this.task.error).code : undefined;
    return html`
      ${this.readOnly ? nothing : html`<div part="dropzone" aria-hidden="true">${t.dropNow}</div>`}
      ${toolbarView(t, {
        readOnly: this.readOnly,
        accept: this.accept,
        onFilterInput: this.onFilterInput,
        onFilterKeydown: this.onFilterKeydown,
        onChooseFiles: () => this.fileInput?.click(),
        onFilesChosen: this.onFilesChosen,
      })}
      ${this.readOnly ? nothing : (this.uploads?.render() ?? nothing)}
      ${
        errorCode === undefined
          ? nothing
          : errorView(this.errorText(errorCode), {
              label: this.localize.strings('common').retry,
              run: () => void this.refresh(),
            })
      }
      ${this.notice ? errorView(this.notice) : nothing}
      ${failed && !hasRows ? nothing : this.renderGrid(loadingFirst || (initial && !hasRows))}
      ${
        !pending && !failed && !initial && !hasRows
          ? html`<p part="empty">
              ${this.filter ? t.emptyFiltered(this.filter) : this.readOnly ? t.emptyPortal : t.empty}
            </p>`
          : nothing
      }
      ${this.pagesLoaded === 0 && !pending ? nothing : footerView(t, this.footer)}
    `;
  }

  private renderGrid(skeleton: boolean): TemplateResult {
    const busy = this.task.status === TaskStatus.PENDING || this.more.state === 'loading';
    return html`<div
      part="grid"
      role="grid"
      aria-label=${this.t.label}
      aria-rowcount=${skeleton ? -1 : this.total + 1}
      aria-colcount=${COLUMNS.length}
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${this.grid.onKeydown}
      @focusin=${this.grid.onFocusIn}
    >
      ${headerView(this.t, {
        sort: this.effectiveSort,
        tab: (row, col) => this.grid.tab(row, col),
        toggleSort: (key) => this.toggleSort(key),
      })}
      ${
        skeleton
          ? html`<div role="rowgroup" aria-hidden="true">${renderSkeletonRows(SKELETON_ROWS)}</div>`
          : this.rows.length > 0
            ? this.rowGroup.render(this.rows)
            : nothing
      }
    </div>`;
  }

  private get footer() {
    const t = this.t;
    return {
      status:
        this.pagesLoaded === 0
          ? t.loading
          : t.shown(this.localize.number(this.rows.length), this.localize.number(this.total)),
      hasMore: this.hasMore,
      more: this.more.state,
      moreError: this.more.state === 'error' ? this.errorText(this.more.code ?? 'internal') : undefined,
      loadMore: () => void this.loadMore(),
    };
  }

  private get rowContext(): RowContext {
    return {
      t: this.t,
      approvalStates: this.localize.strings('common').approval,
      bytes: (n) => this.localize.bytes(n),
      relativeTime: (d) => this.localize.relativeTime(d),
      dateTime: (d) => this.localize.dateTime(d),
      tab: (row, col) => this.grid.tab(row, col),
      open: (doc) => void this.requestOpen(doc, 'open'),
      download: (doc) => void this.requestOpen(doc, 'download'),
    };
  }

  private toggleSort(key: DocumentSortKey): void {
    const current = this.effectiveSort;
    this.sort = current === key ? `-${key}` : key;
  }

  // ---------- filter ----------

  private readonly onFilterInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => (this.filter = value.trim()), FILTER_DEBOUNCE_MS);
  };

  private readonly onFilterKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter') return;
    clearTimeout(this.filterTimer);
    this.filter = (e.target as HTMLInputElement).value.trim();
  };

  // ---------- open / download ----------

  private async requestOpen(doc: DocumentItem, action: 'open' | 'download'): Promise<void> {
    if (!this.emit(new XecmDocumentOpenEvent({ document: doc, action }))) return;
    const client = this.bff;
    if (!client) return;
    this.notice = undefined;
    try {
      await deliverDocument(client, doc, action);
    } catch (error) {
      const detail = errorDetail(error);
      this.notice = this.t.openFailed;
      this.emit(new XecmErrorEvent(detail));
    }
  }

  // ---------- upload ----------

  private readonly onFilesChosen = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (input.files) this.upload([...input.files]);
    input.value = '';
  };
}

function firstPage(sort: DocumentSort, q: string, pageSize: number): DocumentQuery {
  return q ? { page: 1, pageSize, sort, q } : { page: 1, pageSize, sort };
}
