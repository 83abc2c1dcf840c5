import { expect } from '@open-wc/testing';
import '../../src/elements/document-list/document-list.js';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import { createDocumentMock, sampleDocuments } from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { grid, mountIn, part, rows } from './document-list.helpers.js';

function headerCells(el: XecmDocumentList): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="columnheader"]')];
}

function shown(cells: HTMLElement[]): HTMLElement[] {
  return cells.filter((c) => c.getClientRects().length > 0);
}

async function expectFits(el: XecmDocumentList): Promise<void> {
  for (const cell of shown(headerCells(el))) {
    const label = cell.textContent!.trim();
    expect(cell.scrollWidth, `header "${label}" is clipped`).to.be.at.most(cell.clientWidth);
    const box = cell.getBoundingClientRect();
    for (const text of cell.querySelectorAll('span:not(.visually-hidden)')) {
      const r = text.getBoundingClientRect();
      expect(r.right, `header "${label}" runs past its cell`).to.be.at.most(box.right + 0.5);
      expect(r.left).to.be.at.least(box.left - 0.5);
    }
  }
  const host = el.getBoundingClientRect();
  for (const row of [part(el, 'header')!, ...rows(el)]) {
    expect(row.getBoundingClientRect().right).to.be.at.most(host.right + 0.5);
    expect(row.scrollWidth).to.be.at.most(row.clientWidth);
  }
  const body = part(el, 'body')!;
  expect(body.scrollWidth, 'the rows scroll sideways').to.be.at.most(body.clientWidth);
  expect(grid(el).scrollWidth).to.be.at.most(grid(el).clientWidth);
  expect(el.scrollWidth).to.be.at.most(el.clientWidth);
}

// The demo's CRM card gives the list about 700 px: every column header must be readable there and the rows
// must not be wider than the list (the header "Version" used to be clipped to "Versi").
for (const lang of ['en', 'de', 'fr', 'es', 'ja']) {
  describe(`<xecm-document-list> at 700 px (${lang})`, () => {
    it('shows every column header in full and does not overflow horizontally', async () => {
      useHandlers(...createDocumentMock({ documents: sampleDocuments(3) }).handlers);
      const el = await mountIn({ width: 700, lang });
      expect(shown(headerCells(el))).to.have.length(7);
      await expectFits(el);
    });
  });
}

describe('<xecm-document-list> in narrower containers', () => {
  const expected: [number, string[]][] = [
    [600, ['Name', 'Size', 'Version', 'Modified', 'Approval', 'Actions']],
    [520, ['Name', 'Size', 'Modified', 'Approval', 'Actions']],
    [480, ['Name', 'Modified', 'Approval', 'Actions']],
    [360, ['Name', 'Approval', 'Actions']],
  ];
  for (const [width, columns] of expected) {
    it(`drops the least telling columns at ${width} px and still fits (en and es)`, async () => {
      useHandlers(...createDocumentMock({ documents: sampleDocuments(3) }).handlers);
      for (const lang of ['en', 'es'] as const) {
        const el = await mountIn({ width, lang });
        const heads = shown(headerCells(el));
        if (lang === 'en') expect(heads.map((h) => h.textContent!.trim())).to.deep.equal(columns);
        // Rows hide the same columns as the header, so cells stay under their headers.
        for (const row of rows(el)) {
          const cells = shown([...row.querySelectorAll<HTMLElement>('[data-col]')]);
          expect(cells.map((c) => c.dataset.col)).to.deep.equal(heads.map((h) => h.dataset.col));
        }
        await expectFits(el);
      }
    });
  }

  it('keeps the grid accessible with hidden columns', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(3) }).handlers);
    const el = await mountIn({ width: 480, lang: 'en' });
    await expect(el).to.be.accessible();
  });
});
