import { html, nothing, svg, type TemplateResult } from 'lit';
import type { WorkspaceSummary } from '../../contract/index.js';
import { displayText } from '../base/display-text.js';
import type { common } from '../i18n/en/common.js';
import type { workspaceCard } from '../i18n/en/workspace-card.js';
import { EXTERNAL_LINK_ICON, workspaceTypeIcon } from './workspace-type-icons.js';
import { safeHttpUrl } from './safe-url.js';

/** The card's strings plus the shared ones it uses (`opensInNewTab`, `retry`). */
export type Strings = typeof workspaceCard & Pick<typeof common, 'opensInNewTab' | 'retry'>;

export interface ReadyView {
  workspace: WorkspaceSummary;
  maxFields: number;
  compact: boolean;
  busy: boolean;
  count: string;
  relative: string;
  exact: string;
}

// Plain functions of data → template, so the element class keeps only state and behaviour.

export function readyView(t: Strings, v: ReadyView): TemplateResult {
  const { workspace: ws } = v;
  const href = safeHttpUrl(ws.url);
  const name = html`<span part="name" class="name">${displayText(ws.name)}</span>`;
  const fields = v.compact ? [] : ws.metadata.slice(0, v.maxFields);
  return html`<article part="base" class="card" aria-labelledby="name" aria-busy=${v.busy ? 'true' : nothing}>
    <div part="header" class="header">
      <span part="icon" class="icon">${workspaceTypeIcon(ws.type)}</span>
      <div class="title">
        ${
          href
            ? html`<a
                part="link"
                id="name"
                class="link"
                href=${href}
                title=${displayText(ws.name)}
                target="_blank"
                rel="noopener noreferrer"
                >${name}${EXTERNAL_LINK_ICON}<span class="visually-hidden"> ${t.opensInNewTab}</span></a
              >`
            : html`<span id="name" class="link">${name}</span>`
        }
        <span class=${v.compact ? 'visually-hidden' : 'type'}>${t.type(ws.type)}</span>
      </div>
      <xecm-approval-badge
        exportparts="base: badge"
        .state=${ws.approval.state}
        .step=${ws.approval.step}
      ></xecm-approval-badge>
    </div>
    ${
      fields.length
        ? html`<dl part="metadata" class="metadata" aria-label=${t.metadata}>
            ${fields.map(
              (f) =>
                html`<div class="field">
                  <dt>${displayText(f.label)}</dt>
                  <dd>${displayText(f.value)}</dd>
                </div>`,
            )}
          </dl>`
        : nothing
    }
    <div part="footer" class="footer">
      <span class="count">${v.count}</span>
      <span class="updated"
        >${updatedParts(t, v.relative, ws.updatedAt)}<span id="exact" role="tooltip" class="tooltip"
          >${t.updatedExact(v.exact)}</span
        ></span
      >
    </div>
  </article>`;
}

// Escape hides the tooltip without moving focus (WCAG 1.4.13); it shows again on the next focus or hover.
const dismissOnEscape = (e: KeyboardEvent) => {
  if (e.key === 'Escape') (e.currentTarget as Element).toggleAttribute('data-dismissed', true);
};
const undismiss = (e: Event) => (e.currentTarget as Element).removeAttribute('data-dismissed');

/** "Updated <time>3 days ago</time>" with the relative part focusable, whatever the word order of the locale. */
function updatedParts(t: Strings, relative: string, iso: string) {
  const marker = '\u0000';
  const [before = '', after = ''] = t.updated(marker).split(marker);
  return html`${before}<time
      datetime=${iso}
      tabindex="0"
      aria-describedby="exact"
      @keydown=${dismissOnEscape}
      @blur=${undismiss}
      @mouseleave=${undismiss}
      >${relative}</time
    >${after}`;
}

export function loadingView(t: Strings, compact: boolean): TemplateResult {
  return html`<div part="base" class="card" aria-busy="true">
    <div part="header" class="header">
      <span part="icon" class="icon skeleton"></span>
      <div class="title">
        <span class="skeleton line"></span>
        ${compact ? nothing : html`<span class="skeleton line short"></span>`}
      </div>
    </div>
    <p part="status" class="status" role="status">
      <span class="visually-hidden">${t.loading}</span>
    </p>
  </div>`;
}

const INFO_ICON = svg`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor"
  stroke-width="1.6" stroke-linecap="round" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6"/>
  <path d="M8 7.5V11M8 5v.01"/></svg>`;
const LOCK_ICON = svg`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor"
  stroke-width="1.6" stroke-linecap="round" aria-hidden="true" focusable="false"><rect x="3" y="7" width="10" height="7" rx="1"/>
  <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"/></svg>`;
const ERROR_ICON = svg`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor"
  stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <path d="M8 2.5l6 11H2z"/><path d="M8 6.5v3M8 11.5v.01"/></svg>`;

export function messageView(kind: 'info' | 'forbidden', text: string): TemplateResult {
  return html`<div part="base" class="card">
    <p part="status" class="status">${kind === 'forbidden' ? LOCK_ICON : INFO_ICON}<span>${text}</span></p>
  </div>`;
}

export interface NotFoundView {
  /** Addressed by `workspace-id`: the workspace itself is gone (not "none yet for this record"). */
  byId: boolean;
  canCreate: boolean;
  pending: boolean;
  failed?: string;
  onCreate: () => void;
}

export function notFoundView(t: Strings, v: NotFoundView): TemplateResult {
  return html`<div part="base" class="card">
    <p part="status" class="status">
      ${INFO_ICON}<span>${v.byId ? t.notFoundById : v.canCreate ? t.notFound : t.notFoundNoCreate}</span>
    </p>
    ${
      v.canCreate
        ? html`<div class="actions">
            <button
              part="create-button"
              type="button"
              aria-disabled=${v.pending ? 'true' : 'false'}
              @click=${v.onCreate}
            >
              ${v.pending ? t.creating : t.create}
            </button>
          </div>`
        : nothing
    }
    ${v.failed ? html`<p class="status error-text" role="alert">${ERROR_ICON}<span>${v.failed}</span></p>` : nothing}
  </div>`;
}

export interface ErrorView {
  message: string;
  requestId?: string;
  onRetry: () => void;
}

export function errorView(t: Strings, v: ErrorView): TemplateResult {
  return html`<div part="base" class="card">
    <div part="status" class="status error-text" role="alert">
      ${ERROR_ICON}
      <span
        >${v.message}${v.requestId ? html`<span class="reference">${t.reference(v.requestId)}</span>` : nothing}</span
      >
    </div>
    <div class="actions">
      <button part="retry-button" type="button" @click=${v.onRetry}>${t.retry}</button>
    </div>
  </div>`;
}
