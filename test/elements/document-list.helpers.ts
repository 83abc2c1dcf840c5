// Shared helpers of the <xecm-document-list> tests (not a test file itself).
import { fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { BffClient } from '../../src/client/index.js';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';

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
  options: { pageSize?: number; onLoad?: () => void; workspaceId?: string } = {},
): Promise<XecmDocumentList> {
  const el = await fixture<XecmDocumentList>(
    html`<xecm-document-list
      workspace-id=${options.workspaceId ?? '7001'}
      page-size=${options.pageSize ?? nothing}
      .client=${client}
      @xecm-load=${() => options.onLoad?.()}
    ></xecm-document-list>`,
  );
  await waitUntil(() => rows(el).length > 0 || part(el, 'empty'), 'the list never loaded', { timeout: 4000 });
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
