import { html, nothing, type TemplateResult } from 'lit';
import type { DocumentSort, DocumentSortKey } from '../../contract/index.js';
import type { documentList } from '../i18n/en/document-list.js';
import { COLUMNS } from './columns.js';

// Plain functions of data → template for the parts of the list around its rows; the element class keeps
// state and behaviour.

type Strings = typeof documentList;

export interface ToolbarView {
  readOnly: boolean;
  accept: string | undefined;
  onFilterInput(e: Event): void;
  onFilterKeydown(e: KeyboardEvent): void;
  onChooseFiles(): void;
  onFilesChosen(e: Event): void;
}

export function toolbarView(t: Strings, v: ToolbarView): TemplateResult {
  return html`<div part="toolbar">
    <input
      part="filter"
      type="search"
      aria-label=${t.filterLabel}
      placeholder=${t.filterPlaceholder}
      maxlength="200"
      @input=${v.onFilterInput}
      @keydown=${v.onFilterKeydown}
    />
    ${
      v.readOnly
        ? html`<span class="hint">${t.readOnly}</span>`
        : html`<button class="btn" part="upload-button" @click=${v.onChooseFiles}>${t.upload}</button>
            <span class="hint">${t.dropHint}</span>
            <input type="file" multiple hidden accept=${v.accept ?? nothing} @change=${v.onFilesChosen} />`
    }
  </div>`;
}

/** The message for a failed load (of page 1 or a later page). */
export function loadErrorText(t: Strings, errors: Record<string, string>, code: string): string {
  if (code === 'bad-response') return t.malformed;
  if (code === 'forbidden') return t.forbidden;
  if (code === 'workspace-not-found' || code === 'not-found') return t.notFound;
  const specific = errors[code];
  return specific ? `${t.loadError} ${specific}` : t.loadError;
}

/**
 * An error line with an optional retry button, and the request reference (`Reference: …`, the BFF's
 * `requestId`) an operator can look up in the logs, as the workspace card shows it.
 */
export function errorView(
  text: string,
  retry?: { label: string; run(): void },
  reference?: string,
): TemplateResult {
  return html`<div part="error" role="alert">
    <span
      >${text}${reference ? html`<span part="reference" class="reference">${reference}</span>` : nothing}</span
    >
    ${retry ? html`<button class="btn" @click=${retry.run}>${retry.label}</button>` : nothing}
  </div>`;
}

export interface HeaderView {
  sort: DocumentSort;
  tab(row: number, col: number): '0' | '-1';
  toggleSort(key: DocumentSortKey): void;
}

/** The header row: sort buttons with `aria-sort`, the actions column labelled for screen readers only. */
export function headerView(t: Strings, v: HeaderView): TemplateResult {
  return html`<div role="rowgroup" class="head">
    <div role="row" class="row head-row" part="header" aria-rowindex="1">
      ${COLUMNS.map((col, c) => headerCell(t, v, col.sort, t[col.label], c))}
    </div>
  </div>`;
}

function headerCell(
  t: Strings,
  v: HeaderView,
  sort: DocumentSortKey | undefined,
  label: string,
  c: number,
): TemplateResult {
  const dir =
    sort === undefined
      ? undefined
      : v.sort === sort
        ? 'ascending'
        : v.sort === `-${sort}`
          ? 'descending'
          : undefined;
  return html`<div
    role="columnheader"
    class="cell"
    aria-colindex=${c + 1}
    aria-sort=${dir ?? nothing}
    data-row="-1"
    data-col=${c}
    tabindex=${sort ? nothing : v.tab(-1, c)}
  >
    ${
      sort
        ? html`<button
            class="sort"
            tabindex=${v.tab(-1, c)}
            title=${t.sortBy(label)}
            @click=${() => v.toggleSort(sort)}
          >
            <span>${label}</span
            ><svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
              <path d="M5 2l4 6H1z" fill="currentColor" />
            </svg>
          </button>`
        : c === COLUMNS.length - 1
          ? html`<span class="visually-hidden">${label}</span>`
          : label
    }
  </div>`;
}

export interface FooterView {
  status: string;
  hasMore: boolean;
  more: 'idle' | 'loading' | 'error';
  moreError: string | undefined;
  /** `Reference: …` of the failed "load more" request. */
  moreReference: string | undefined;
  loadMore(): void;
}

export function footerView(t: Strings, v: FooterView): TemplateResult {
  return html`<div part="footer">
    <span part="status" role="status"><bdi>${v.status}</bdi></span>
    ${
      v.hasMore
        ? html`<button
            class="btn"
            part="load-more"
            aria-disabled=${v.more === 'loading' ? 'true' : 'false'}
            @click=${v.loadMore}
          >
            ${v.more === 'loading' ? t.loadingMore : t.loadMore}
          </button>`
        : nothing
    }
    ${
      v.moreError
        ? html`<span role="alert" class="hint"
            >${v.moreError}${
              v.moreReference
                ? html`<span part="reference" class="reference">${v.moreReference}</span>`
                : nothing
            }</span
          >`
        : nothing
    }
  </div>`;
}
