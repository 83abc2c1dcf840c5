import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ApprovalState, DocumentItem } from '../../contract/index.js';
import { displayText } from '../base/display-text.js';
import { renderApproval } from './approval-cell.js';
import { typeLabel } from './columns.js';
import type { documentList } from '../i18n/en/document-list.js';

/** What a row needs from its list: strings, formatters, roving tabindex and the actions. */
export interface RowContext {
  readonly t: typeof documentList;
  readonly approvalStates: Record<ApprovalState, string>;
  bytes(n: number): string;
  relativeTime(date: Date): string;
  dateTime(date: Date): string;
  tab(row: number, col: number): '0' | '-1';
  open(doc: DocumentItem): void;
  download(doc: DocumentItem): void;
}

const downloadIcon = svg`<path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13.5h10" fill="none" stroke="currentColor" stroke-width="1.6"/>`;

/**
 * One virtualized row. Names and every other server string go through text bindings only,
 * wrapped in <bdi> so right-to-left overrides inside a name cannot reorder the rest of the row. Formatted
 * values ("61 kB", "12 months ago") are isolated too: in a right-to-left page their own language's
 * direction applies, not the page's ("kB 61").
 */
export function renderDocumentRow(doc: DocumentItem, index: number, ctx: RowContext): TemplateResult {
  const { t } = ctx;
  const modified = new Date(doc.modifiedAt);
  const exact = ctx.dateTime(modified);
  const name = displayText(doc.name);
  // Portal answers name no xECM user: then there is no "by …" to say.
  const by = doc.modifiedBy ? t.modifiedBy(doc.modifiedBy) : undefined;
  const approvalLabel =
    doc.approval.state === 'in-review' && doc.approval.step
      ? t.inReviewStep(displayText(doc.approval.step))
      : ctx.approvalStates[doc.approval.state];
  return html`<div role="row" class="row" part="row" aria-rowindex=${index + 2} data-id=${doc.id}>
    <div role="rowheader" class="cell" part="cell" aria-colindex="1" data-row=${index} data-col="0">
      <button part="name" tabindex=${ctx.tab(index, 0)} title=${name} @click=${() => ctx.open(doc)}>
        <bdi>${name}</bdi>
      </button>
    </div>
    <div
      role="gridcell"
      class="cell"
      part="cell"
      aria-colindex="2"
      data-row=${index}
      data-col="1"
      tabindex=${ctx.tab(index, 1)}
      title=${doc.mimeType}
    >
      ${typeLabel(doc.mimeType)}
    </div>
    <div
      role="gridcell"
      class="cell"
      part="cell"
      aria-colindex="3"
      data-row=${index}
      data-col="2"
      tabindex=${ctx.tab(index, 2)}
    >
      <bdi>${ctx.bytes(doc.size)}</bdi>
    </div>
    <div
      role="gridcell"
      class="cell"
      part="cell"
      aria-colindex="4"
      data-row=${index}
      data-col="3"
      tabindex=${ctx.tab(index, 3)}
    >
      ${t.version(doc.version)}
    </div>
    <div
      role="gridcell"
      class="cell"
      part="cell"
      aria-colindex="5"
      data-row=${index}
      data-col="4"
      tabindex=${ctx.tab(index, 4)}
      title=${by ? `${exact} · ${by}` : exact}
    >
      <time datetime=${doc.modifiedAt}><bdi>${ctx.relativeTime(modified)}</bdi></time
      ><span class="visually-hidden">, ${exact}${by ? html`, <bdi>${by}</bdi>` : nothing}</span>
    </div>
    <div
      role="gridcell"
      class="cell"
      part="cell"
      aria-colindex="6"
      data-row=${index}
      data-col="5"
      tabindex=${ctx.tab(index, 5)}
      title=${approvalLabel}
    >
      ${renderApproval(doc.approval)}
    </div>
    <div role="gridcell" class="cell" part="cell" aria-colindex="7" data-row=${index} data-col="6">
      <button
        class="icon-btn"
        part="action download"
        tabindex=${ctx.tab(index, 6)}
        aria-label=${t.downloadNamed(name)}
        title=${t.download}
        @click=${() => ctx.download(doc)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${downloadIcon}</svg>
      </button>
    </div>
  </div>`;
}

/** Placeholder rows while the first page loads; hidden from assistive technology (the grid is aria-busy). */
export function renderSkeletonRows(count: number): TemplateResult {
  return html`${Array.from(
    { length: count },
    () =>
      html`<div class="row skeleton-row" aria-hidden="true">
        ${Array.from({ length: 7 }, () => html`<div class="cell"></div>`)}
      </div>`,
  )}`;
}
