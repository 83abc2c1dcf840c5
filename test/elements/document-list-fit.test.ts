// What the audit in real Chromium found at the demo's widths: values reordered in right-to-left pages,
// approval badges and short values clipped in longer languages.
import { expect } from '@open-wc/testing';
import '../../src/elements/document-list/document-list.js';
import { APPROVAL_STATES } from '../../src/contract/index.js';
import {
  createDocumentMock,
  documentsPerApprovalState,
  sampleDocuments,
} from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { mountIn, part, rows } from './document-list.helpers.js';

const DAY = 86_400_000;

/** Screen x of the first character in `root`'s visible text that matches `pattern`. */
function xOf(root: Element, pattern: RegExp): { x: number; index: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('.visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const i = text.search(pattern);
    if (i >= 0) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return { x: range.getBoundingClientRect().left, index: offset + i };
    }
    offset += text.length;
  }
  throw new Error(`no ${pattern} in "${root.textContent}"`);
}

/** Digits and words of an LTR language keep their reading order (the first one in the text is leftmost). */
function expectLtrOrder(root: Element, what: string): void {
  const digit = xOf(root, /\d/);
  const letter = xOf(root, /\p{L}/u);
  const text = root.textContent!.replace(/\s+/g, ' ').trim();
  expect(digit.x < letter.x, `${what} "${text}" is reordered`).to.equal(digit.index < letter.index);
}

describe('<xecm-document-list> in a right-to-left page with an LTR language', () => {
  it('keeps sizes, dates and the count line in reading order', async () => {
    const documents = sampleDocuments(33).map((d, i) =>
      i === 0 ? { ...d, size: 61_000, modifiedAt: new Date(Date.now() - 60 * DAY).toISOString() } : d,
    );
    useHandlers(...createDocumentMock({ documents }).handlers);
    const el = await mountIn({ width: 960, lang: 'en', dir: 'rtl' }, 20);
    const first = rows(el)[0]!;
    expectLtrOrder(first.querySelector('[aria-colindex="3"]')!, 'size');
    expectLtrOrder(first.querySelector('[aria-colindex="5"] time')!, 'modified');
    const status = part(el, 'status')!;
    expect(status.textContent).to.contain('20 of 33');
    expectLtrOrder(status, 'count line');
    await expect(el).to.be.accessible();
  });
});

/** Content wider than its box is clipped (the cells hide overflow, the badge's step uses an ellipsis). */
function expectNotClipped(box: Element, what: string): void {
  expect(box.scrollWidth, `${what} "${box.textContent!.trim()}" is clipped`).to.be.at.most(box.clientWidth);
}

function expectInside(inner: Element, outer: Element, what: string): void {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  expect(a.left, `${what} sticks out`).to.be.at.least(b.left - 0.5);
  expect(a.right, `${what} sticks out`).to.be.at.most(b.right + 0.5);
}

for (const width of [776, 960]) {
  for (const lang of ['de', 'fr', 'es', 'en-XA', 'en']) {
    describe(`<xecm-document-list> at ${width} px (${lang})`, () => {
      it('shows every approval badge, size, date and type in full', async () => {
        const documents = documentsPerApprovalState().map((d, i) => ({
          ...d,
          size: 289 + i,
          modifiedAt: new Date(Date.now() - 360 * DAY).toISOString(),
          ...(d.approval.state === 'in-review'
            ? { approval: { state: 'in-review', step: 'Final approval' } }
            : {}),
        })) as ReturnType<typeof documentsPerApprovalState>;
        useHandlers(...createDocumentMock({ documents }).handlers);
        const el = await mountIn({ width, lang });
        expect(rows(el)).to.have.length(APPROVAL_STATES.length);
        for (const row of rows(el)) {
          const cell = row.querySelector<HTMLElement>('[aria-colindex="6"]')!;
          const badge = cell.querySelector('xecm-approval-badge')!;
          await badge.updateComplete;
          const base = badge.shadowRoot!.querySelector('[part~="base"]')!;
          expectNotClipped(cell, 'approval cell');
          expectNotClipped(base, 'approval badge');
          expectInside(base, cell, `badge "${base.textContent!.trim()}"`);
          for (const text of badge.shadowRoot!.querySelectorAll('[part~="label"], [part~="step"]')) {
            expectNotClipped(text, 'badge text');
            expectInside(text, base, `badge text "${text.textContent!.trim()}"`);
          }
          for (const col of [2, 3, 5]) {
            const value = row.querySelector<HTMLElement>(`[aria-colindex="${col}"]`)!;
            if (value.getClientRects().length > 0) expectNotClipped(value, `column ${col}`);
          }
        }
        await expect(el).to.be.accessible();
      });
    });
  }
}
