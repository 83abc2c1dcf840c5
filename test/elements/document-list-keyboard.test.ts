import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import '../../src/elements/document-list/document-list.js';
import { createDocumentMock, sampleDocuments } from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { grid, makeClient, mount, mountIn, rowNames, rows } from './document-list.helpers.js';

/** The element inside the shadow root that has focus. */
function focused(el: XecmDocumentList): HTMLElement | null {
  return el.shadowRoot!.activeElement as HTMLElement | null;
}

function position(el: XecmDocumentList): { row: number; col: number } {
  const cell = focused(el)!.closest<HTMLElement>('[data-col]')!;
  return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
}

async function press(el: XecmDocumentList, key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
}

describe('<xecm-document-list> keyboard', () => {
  it('is one tab stop: Tab enters the grid at the header, and only one cell is tabbable', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(30) }).handlers);
    const el = await mount(makeClient());
    const tabbable = grid(el).querySelectorAll('[tabindex="0"]');
    expect(tabbable).to.have.length(1);
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="filter"]')!.focus();
    await sendKeys({ press: 'Tab' }); // upload button
    await sendKeys({ press: 'Tab' }); // into the grid
    expect(focused(el)!.closest('[role="columnheader"]')).to.not.equal(null);
    expect(position(el)).to.deep.equal({ row: -1, col: 0 });
  });

  it('moves with arrows, Home/End, Ctrl+End, PageDown/PageUp, and keeps the roving tabindex in step', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(60) }).handlers);
    const el = await mount(makeClient());
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await press(el, 'ArrowDown');
    expect(position(el)).to.deep.equal({ row: 0, col: 0 });
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(position(el)).to.deep.equal({ row: 0, col: 2 });
    await press(el, 'End');
    expect(position(el)).to.deep.equal({ row: 0, col: 6 });
    expect(focused(el)!.getAttribute('part')).to.contain('download');
    await press(el, 'Home');
    expect(position(el)).to.deep.equal({ row: 0, col: 0 });
    await press(el, 'PageDown');
    const afterPage = position(el).row;
    expect(afterPage).to.be.greaterThan(1);
    await press(el, 'PageUp');
    expect(position(el).row).to.equal(0);
    await press(el, 'Control+End');
    expect(position(el)).to.deep.equal({ row: 49, col: 6 }); // last loaded row (page 1 of 60)
    expect(grid(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await press(el, 'Control+Home');
    expect(position(el)).to.deep.equal({ row: -1, col: 0 });
    await press(el, 'ArrowUp');
    expect(position(el)).to.deep.equal({ row: -1, col: 0 });
  });

  it('keeps the same keys working once many rows are virtualized (rows off screen are revealed)', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(450) }).handlers);
    const el = await mount(makeClient(), { pageSize: 200 });
    await waitUntil(() => rows(el).length > 0, 'first page never rendered', { timeout: 4000 });
    await el.loadMore();
    await waitUntil(
      () => rows(el).length > 0 && rows(el).length < 100,
      'rows were not virtualized (all of them are in the DOM)',
      { timeout: 4000 },
    );
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await press(el, 'Control+End');
    await waitUntil(() => focused(el)?.closest('[data-col]')?.getAttribute('data-row') === '399');
    expect(position(el)).to.deep.equal({ row: 399, col: 6 });
    expect(rows(el).length).to.be.below(100);
    await press(el, 'ArrowUp');
    expect(position(el)).to.deep.equal({ row: 398, col: 6 });
    await press(el, 'Control+Home');
    expect(position(el)).to.deep.equal({ row: -1, col: 0 });
    await press(el, 'ArrowDown');
    await waitUntil(() => focused(el)?.closest('[data-col]')?.getAttribute('data-row') === '0');
    expect(position(el)).to.deep.equal({ row: 0, col: 0 });
    expect(grid(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
  });

  it('mirrors left and right in RTL', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(3) }).handlers);
    const el = await mountIn({ dir: 'rtl' });
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await press(el, 'ArrowLeft');
    expect(position(el)).to.deep.equal({ row: -1, col: 1 });
    await press(el, 'ArrowRight');
    expect(position(el)).to.deep.equal({ row: -1, col: 0 });
    await expect(el).to.be.accessible();
  });

  it('sorts by keyboard: Enter on a column header toggles the order and sets aria-sort', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(5) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const nameHeader = () => grid(el).querySelector('[role="columnheader"][aria-colindex="1"]')!;
    expect(nameHeader().getAttribute('aria-sort')).to.equal('ascending');
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await press(el, 'Enter');
    await waitUntil(() => mock.count('sort=-name') === 1, 'no descending request');
    await waitUntil(() => rowNames(el)[0] === 'Specification 0005.txt', 'rows not re-sorted');
    expect(nameHeader().getAttribute('aria-sort')).to.equal('descending');
    expect(el.getAttribute('sort')).to.equal('-name');
    await press(el, 'ArrowRight');
    await press(el, ' ');
    await waitUntil(() => el.getAttribute('sort') === 'mimeType', 'type sort not applied');
    expect(
      grid(el).querySelector('[aria-colindex="2"][role="columnheader"]')!.getAttribute('aria-sort'),
    ).to.equal('ascending');
    expect(nameHeader().hasAttribute('aria-sort')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens the focused row with Enter (cancelable xecm-document-open)', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(3) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const opened: string[] = [];
    el.addEventListener('xecm-document-open', (e) => {
      opened.push(`${e.detail.action}:${e.detail.document.name}`);
      e.preventDefault();
    });
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowRight'); // the type cell of row 2
    await press(el, 'Enter');
    await press(el, 'End');
    await press(el, 'Enter'); // the download button
    expect(opened).to.deep.equal(['open:Invoice 0002.docx', 'download:Invoice 0002.docx']);
    expect(mock.count('/content')).to.equal(0);
  });

  it('skips the columns a narrow list hides, and moves the tab stop off a column that gets hidden', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(3) }).handlers);
    const el = await mountIn({ width: 760 });
    const wrapper = el.parentElement!;
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await press(el, 'ArrowRight');
    expect(position(el)).to.deep.equal({ row: -1, col: 1 }); // Type, shown at this width
    // Narrower: Type, Size and Version go (only Name, Modified, Approval, Actions stay).
    wrapper.style.width = '480px';
    const stop = () => grid(el).querySelector<HTMLElement>('[tabindex="0"]');
    await waitUntil(() => stop()?.closest('[data-col]')?.getAttribute('data-col') === '0', 'tab stop hidden');
    expect(stop()!.getClientRects().length).to.be.greaterThan(0);
    stop()!.focus();
    await press(el, 'ArrowRight');
    expect(position(el)).to.deep.equal({ row: -1, col: 4 });
    await press(el, 'ArrowDown');
    await press(el, 'ArrowRight');
    expect(position(el)).to.deep.equal({ row: 0, col: 5 });
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowLeft');
    expect(position(el)).to.deep.equal({ row: 0, col: 0 });
    await press(el, 'End');
    expect(position(el)).to.deep.equal({ row: 0, col: 6 });
    await press(el, 'Home');
    expect(position(el)).to.deep.equal({ row: 0, col: 0 });
    expect(grid(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
  });

  it('moves focus to the first new row when "Load more" brings the last page and goes away', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(33) }).handlers);
    const el = await mount(makeClient(), { pageSize: 20 });
    await waitUntil(() => rows(el).length === 20, 'page 1 never rendered', { timeout: 4000 });
    const loadMore = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!;
    loadMore.focus();
    await press(el, 'Enter');
    await waitUntil(() => rows(el).length === 33, 'page 2 never rendered', { timeout: 4000 });
    await waitUntil(() => focused(el) !== null, `focus fell to ${document.activeElement?.tagName}`);
    expect(el.shadowRoot!.querySelector('[part~="load-more"]')).to.equal(null);
    expect(position(el)).to.deep.equal({ row: 20, col: 0 });
    expect(focused(el)!.getAttribute('part')).to.contain('name');
    // The roving tab stop moved with it: Tab leaves and Shift+Tab comes back to the same row.
    expect(grid(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('moves focus to the first new row also when that page makes the rows virtualized', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(130) }).handlers);
    const el = await mount(makeClient(), { pageSize: 100 });
    await waitUntil(() => rows(el).length === 100, 'page 1 never rendered', { timeout: 4000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!.focus();
    await press(el, 'Enter');
    await waitUntil(
      () => rows(el).length > 0 && rows(el).length < 100,
      'rows were not virtualized (all of them are in the DOM)',
      { timeout: 4000 },
    );
    await waitUntil(() => focused(el) !== null, `focus fell to ${document.activeElement?.tagName}`);
    await aTimeout(100); // the virtualizer settles its layout
    expect(focused(el), `focus fell to ${document.activeElement?.tagName}`).to.not.equal(null);
    expect(position(el)).to.deep.equal({ row: 100, col: 0 });
  });

  it('keeps focus on "Load more" while more pages remain', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(50) }).handlers);
    const el = await mount(makeClient(), { pageSize: 20 });
    await waitUntil(() => rows(el).length === 20, 'page 1 never rendered', { timeout: 4000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!.focus();
    await press(el, 'Enter');
    await waitUntil(() => rows(el).length === 40, 'page 2 never rendered', { timeout: 4000 });
    await el.updateComplete;
    expect(focused(el)!.getAttribute('part')).to.equal('load-more');
  });

  it('has no extra tab stop on the scrolling row group', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(33) }).handlers);
    const el = await mount(makeClient(), { pageSize: 20 });
    await waitUntil(() => rows(el).length === 20, 'page 1 never rendered', { timeout: 4000 });
    const body = el.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!;
    expect(body.scrollHeight).to.be.greaterThan(body.clientHeight); // it scrolls, so Chromium would stop on it
    grid(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('part')).to.equal('load-more');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)!.closest('[role="columnheader"]')).to.not.equal(null);
  });
});
