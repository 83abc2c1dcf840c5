// Shared helpers of the <xecm-document-list> tests (not a test file itself).
import { fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { BffClient } from '../../src/client/index.js';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import { documentList as de } from '../../src/elements/i18n/de/document-list.js';
import { documentList as en } from '../../src/elements/i18n/en/document-list.js';
import { documentList as es } from '../../src/elements/i18n/es/document-list.js';
import { documentList as fr } from '../../src/elements/i18n/fr/document-list.js';
import { documentList as ja } from '../../src/elements/i18n/ja/document-list.js';

export function makeClient(): BffClient {
  return new BffClient({ baseUrl: '/bff', tokenProvider: () => 'test-token' });
}

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(el: Element, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export function grid(el: Element): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
}

/** Document rows currently in the DOM (the virtualizer renders only those near the viewport). */
export function rows(el: Element): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="body"] [role="row"]')].sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );
}

export function cells(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>('[role="gridcell"], [role="rowheader"]')];
}

export function rowNames(el: Element): string[] {
  return rows(el).map((r) => r.querySelector('[part~="name"]')!.textContent!.trim());
}

export async function mount(
  client: BffClient,
  options: { pageSize?: number; onLoad?: () => void; workspaceId?: string; source?: string } = {},
): Promise<XecmDocumentList> {
  const el = await fixture<XecmDocumentList>(
    html`<xecm-document-list
      workspace-id=${options.workspaceId ?? '7001'}
      page-size=${options.pageSize ?? nothing}
      source=${options.source ?? nothing}
      .client=${client}
      @xecm-load=${() => options.onLoad?.()}
    ></xecm-document-list>`,
  );
  await waitUntil(() => rows(el).length > 0 || part(el, 'empty'), 'the list never loaded', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Picks `files` in the list's file input, as the browser's file chooser does. */
export function chooseFiles(el: XecmDocumentList, files: File[]): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

export const fileOf = (name: string, bytes = 10, type = 'application/pdf'): File =>
  new File([new Uint8Array(bytes)], name, { type });

const COLUMN_TITLES = { en, de, fr, es, ja } as const;

/**
 * The list in a `<div>` of the given width, language and direction, as a host page places it; resolves once
 * rows are shown and the column headers speak `lang` (other locales load on demand).
 */
export async function mountIn(
  page: { width?: number; lang?: string; dir?: string },
  pageSize?: number,
): Promise<XecmDocumentList> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div
      style=${page.width === undefined ? nothing : `width:${page.width}px`}
      lang=${page.lang ?? nothing}
      dir=${page.dir ?? nothing}
    >
      <xecm-document-list
        workspace-id="7001"
        page-size=${pageSize ?? nothing}
        .client=${makeClient()}
      ></xecm-document-list>
    </div>`,
  );
  const el = wrapper.querySelector<XecmDocumentList>('xecm-document-list')!;
  await waitUntil(() => rows(el).length > 0, 'the list never loaded', { timeout: 4000 });
  const lang = page.lang ?? 'en';
  const expected = COLUMN_TITLES[lang as keyof typeof COLUMN_TITLES]?.colApproval;
  const header = () =>
    el.shadowRoot!.querySelector('[role="columnheader"][aria-colindex="6"]')?.textContent?.trim();
  // A pseudo-locale (en-XA) has no strings of its own: it is there once the header is no longer English.
  await waitUntil(
    () => (expected ? header() === expected : header() !== en.colApproval),
    `no ${lang} strings`,
  );
  await el.updateComplete;
  return el;
}

// @lit-labs/virtualizer measures rows with ResizeObservers; Chromium then reports the innocuous
// "ResizeObserver loop completed with undelivered notifications" as a window error (lit/lit#3154),
// which mocha would count as a test failure. Swallow exactly that message, nothing else.
window.addEventListener(
  'error',
  (e) => {
    if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
  },
  true,
);
