import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import {
  DOCUMENT_PAGE_SIZE_DEFAULT,
  DOCUMENT_PAGE_SIZE_MAX,
  DocumentSort,
  type DocumentItem,
  type DocumentSortKey,
} from '../../contract/index.js';
import { XecmApprovalBadge } from '../approval-badge/approval-badge.component.js';
import { documentsKey, portalDocumentsKey, workspaceKey } from '../../client/keys.js';
import { XecmDataElement } from '../base/xecm-data-element.js';
import { devCheck } from '../base/dev-check.js';
import { errorDetail } from '../base/error-detail.js';
import { XecmDocumentOpenEvent } from '../events/xecm-document-open-event.js';
import { XecmErrorEvent } from '../events/xecm-error-event.js';
import { XecmLoadEvent } from '../events/xecm-load-event.js';
import { COLUMNS } from './columns.js';
import { deliverDocument } from './document-content.js';
import { documentListStyles } from './document-list.styles.js';
import { errorView, footerView, headerView, loadErrorText, toolbarView } from './document-list.views.js';
import { renderDocumentRow, renderSkeletonRows, type RowContext } from './document-row.js';
import { FileDropController } from './file-drop-controller.js';
import { GridFocusController } from './grid-focus-controller.js';
import { DocumentPages, firstPage, requestIdOf, type PagesTarget } from './document-pages.js';
import { RowsController } from './rows-controller.js';
import { LazyUploads } from './lazy-uploads.js';
import type { DocumentListAttributes } from './document-list.warnings.js';
import type { documentList } from '../i18n/en/document-list.js';

export type DocumentListSource = 'bff' | 'portal';

const FILTER_DEBOUNCE_MS = 300;
const SKELETON_ROWS = 5;

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
 * @csspart action - An action button in a row.
 * @csspart download - The download button of a row (also `action`).
 * @csspart approval - The approval state (icon and text) of a row.
 * @csspart status - The loading / count line.
 * @csspart empty - The message shown when there are no documents.
 * @csspart error - The error message with its retry button.
 * @csspart reference - The request reference in an error message (to quote to an operator).
 * @csspart footer - The footer with the count and "Load more".
 * @csspart load-more - The "Load more" button.
 * @csspart uploads - The list of uploads in progress or finished.
 * @csspart upload - One upload (`data-status` = uploading | done | error | canceled).
 * @csspart upload-retry - The "Retry" button of an upload that failed through an outage.
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

  /**
   * Documents fetched per page (1–200).
   * @default 50
   */
  @property({ attribute: 'page-size', type: Number, reflect: true }) pageSize = DOCUMENT_PAGE_SIZE_DEFAULT;

  /** Largest file the upload accepts, in bytes; larger files are refused without a request. */
  @property({ attribute: 'max-upload-bytes', type: Number, reflect: true }) maxUploadBytes?: number;

  /** Allowed upload types, as in `<input type=file accept>`: `.pdf,image/*,application/msword`. */
  @property({ reflect: true }) accept?: string;

  /** `bff` (default) lists through the authenticated BFF; `portal` is read-only (no upload). */
  @property({ reflect: true }) source: DocumentListSource = 'bff';

  /** Present while files are dragged over the list. */
  @property({ type: Boolean, reflect: true }) dragging = false;

  @state() private filter = '';
  @state() private notice?: { text: string; requestId?: string | undefined };

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly uploads = new LazyUploads(this, {
    strings: () => this.t,
    bytes: (n) => this.localize.bytes(n),
    rules: () => ({ maxBytes: this.validMaxBytes, accept: this.accept }),
    failed: (code, message) => this.emit(new XecmErrorEvent({ code, message })),
  });
  private filterTimer?: ReturnType<typeof setTimeout>;
  private readonly rowGroup = new RowsController<DocumentItem>(this, {
    key: (doc) => doc.id,
    render: (doc, i) => renderDocumentRow(doc, i, this.rowContext),
    nearEnd: () => {
      if (this.isConnected && this.pages.hasMore && this.pages.more.state === 'idle') void this.loadMore();
    },
  });
  private readonly grid = new GridFocusController(this, {
    rows: () => this.pages.rows.length,
    cols: COLUMNS.length,
    body: () => this.rowGroup.body(),
    reveal: (row) => this.rowGroup.reveal(row),
    activate: (row) => {
      const doc = this.pages.rows[row];
      if (doc) void this.requestOpen(doc, 'open');
    },
  });

  private readonly pages = new DocumentPages(this, () => this.target, {
    loaded: () => this.emit(new XecmLoadEvent()),
    failed: (detail) => this.emit(new XecmErrorEvent(detail)),
  });

  constructor() {
    super();
    new FileDropController(this, { enabled: () => !this.readOnly, drop: (files) => this.upload(files) });
    // The workspace key fires on writes and live events; the page key fires when a stale-while-revalidate
    // refresh lands, so the rows switch from the stale page to the fresh one. A portal list watches only its
    // page: the topic `workspace:<id>` would open the signed-in live-events stream, which an anonymous
    // portal page cannot use (401, retried forever).
    this.watch(
      () => {
        if (!this.workspaceId) return [];
        const page = firstPage(this.target);
        return this.readOnly
          ? [portalDocumentsKey(this.workspaceId, page)]
          : [workspaceKey(this.workspaceId), documentsKey(this.workspaceId, page)];
      },
      () => this.pages.rerun(),
    );
  }

  /** Fetches the next page and appends it. Resolves when it arrived (or failed; failures show inline). */
  loadMore(): Promise<void> {
    return this.pages.loadMore();
  }

  /** Reloads the first page from the server (not the cache), keeping the current rows visible meanwhile. */
  refresh(): Promise<unknown> {
    return this.pages.refresh();
  }

  private get target(): PagesTarget {
    return {
      client: this.bff,
      workspaceId: this.workspaceId,
      portal: this.readOnly,
      sort: this.effectiveSort,
      filter: this.filter,
      pageSize: this.effectivePageSize,
    };
  }

  /**
   * Uploads files as if the user had chosen them (validation, progress and refresh included). The upload
   * code loads on first use; on success the client invalidates `workspace:<id>` and the rows reload.
   */
  upload(files: Iterable<File>): void {
    const client = this.bff;
    const workspaceId = this.workspaceId;
    if (this.readOnly || !client || !workspaceId) return;
    this.uploads.add([...files], client, workspaceId).catch(() => {
      this.notice = { text: this.t.uploadFailed };
      this.emit(new XecmErrorEvent({ code: 'network', message: this.t.uploadFailed }));
    });
  }

  private get readOnly(): boolean {
    return this.source === 'portal';
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.filterTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    devCheck<DocumentListAttributes>(
      () => import('./document-list.warnings.js').then((m) => m.warnAboutAttributes),
      () => ({
        el: this,
        changed: new Set(changed.keys()),
        workspaceId: this.workspaceId,
        sort: String(this.sort),
        pageSize: this.pageSize,
        effectivePageSize: this.effectivePageSize,
        source: String(this.source),
        maxUploadBytes: this.maxUploadBytes,
        validMaxBytes: this.validMaxBytes,
      }),
    );
    if (changed.has('source') && this.readOnly) this.dragging = false;
  }

  // ---------- strings ----------

  private get t(): typeof documentList {
    return this.localize.strings('documentList');
  }

  /** "Reference: <requestId>" in the card's words, so both elements quote a failed request alike. */
  private reference(requestId: string | undefined): string | undefined {
    return requestId ? this.localize.strings('workspaceCard').reference(requestId) : undefined;
  }

  private errorText(code: string): string {
    return loadErrorText(this.t, this.localize.strings('common').errors, code);
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.t;
    const { status, rows, pagesLoaded } = this.pages;
    const pending = status === TaskStatus.PENDING;
    const failed = status === TaskStatus.ERROR;
    const initial = status === TaskStatus.INITIAL;
    const hasRows = rows.length > 0;
    const loadingFirst = pending && pagesLoaded === 0;
    const errorCode = failed ? errorDetail(this.pages.task.error).code : undefined;
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
      ${this.readOnly ? nothing : this.uploads.render()}
      ${
        errorCode === undefined
          ? nothing
          : errorView(
              this.errorText(errorCode),
              { label: this.localize.strings('common').retry, run: () => void this.refresh() },
              this.reference(requestIdOf(this.pages.task.error)),
            )
      }
      ${this.notice ? errorView(this.notice.text, undefined, this.reference(this.notice.requestId)) : nothing}
      ${failed && !hasRows ? nothing : this.renderGrid(loadingFirst || (initial && !hasRows))}
      ${
        !pending && !failed && !initial && !hasRows
          ? html`<p part="empty">
              ${this.filter ? t.emptyFiltered(this.filter) : this.readOnly ? t.emptyPortal : t.empty}
            </p>`
          : nothing
      }
      ${pagesLoaded === 0 && !pending ? nothing : footerView(t, this.footer)}
    `;
  }

  private renderGrid(skeleton: boolean): TemplateResult {
    const { rows, total } = this.pages;
    const busy = this.pages.status === TaskStatus.PENDING || this.pages.more.state === 'loading';
    return html`<div
      part="grid"
      role="grid"
      aria-label=${this.t.label}
      aria-rowcount=${skeleton ? -1 : total + 1}
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
          : rows.length > 0
            ? this.rowGroup.render(rows)
            : nothing
      }
    </div>`;
  }

  private get footer() {
    const t = this.t;
    const { rows, total, more } = this.pages;
    return {
      status:
        this.pages.pagesLoaded === 0
          ? t.loading
          : t.shown(this.localize.number(rows.length), this.localize.number(total)),
      hasMore: this.pages.hasMore,
      more: more.state,
      moreError: more.state === 'error' ? this.errorText(more.code ?? 'internal') : undefined,
      moreReference: more.state === 'error' ? this.reference(more.requestId) : undefined,
      loadMore: () => void this.loadMoreFromButton(),
    };
  }

  /**
   * "Load more" from its button. The last page removes the button, and focus would fall to <body>
   * (WCAG 2.4.3): it goes to the first row that page added instead, or to the row group when that row
   * cannot be rendered. Focus the user moved elsewhere meanwhile is left alone.
   */
  private async loadMoreFromButton(): Promise<void> {
    const firstNew = this.pages.rows.length;
    await this.loadMore();
    await this.updateComplete;
    await this.rowGroup.settled();
    const root = this.renderRoot as ShadowRoot;
    if (root.querySelector('[part~="load-more"]')) return;
    const lost = !root.activeElement && (!document.activeElement || document.activeElement === document.body);
    if (!lost || this.pages.rows.length === 0) return;
    const row = Math.min(firstNew, this.pages.rows.length - 1);
    const shown = await this.grid.focusCell(row, 0).catch(() => false);
    if (!shown) this.rowGroup.body()?.focus();
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
      // Portal rows carry signed, token-free links; the signed-in content route would answer 401 there.
      await deliverDocument(client, doc, action, { portal: this.readOnly });
    } catch (error) {
      const detail = errorDetail(error);
      this.notice = { text: this.t.openFailed, requestId: requestIdOf(error) };
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
