import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/document-list/document-list.js';
import {
  createDocumentMock,
  hostileDocuments,
  HOSTILE_NAMES,
  sampleDocuments,
} from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { grid, makeClient, mount, part, rowNames, rows } from './document-list.helpers.js';

describe('<xecm-document-list> paging, filter and virtual scrolling', () => {
  it('loads more pages with "Load more" and keeps aria-rowcount at the total', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(45) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient(), { pageSize: 20 });
    await aTimeout(50);
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('46');
    expect(part(el, 'status')!.textContent).to.contain('20 of 45');
    part(el, 'load-more')!.click();
    await waitUntil(() => part(el, 'status')!.textContent!.includes('40 of 45'), 'page 2 not appended');
    await el.loadMore();
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.contain('45 of 45');
    expect(part(el, 'load-more')).to.equal(null);
    expect(mock.requests.map((r) => new URL(r.path, location.href).searchParams.get('page'))).to.deep.equal([
      '1',
      '2',
      '3',
    ]);
    await expect(el).to.be.accessible();
  });

  it('loads the next page by itself when scrolled to the end of the loaded rows', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(45) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient(), { pageSize: 20 });
    const body = part(el, 'body')!;
    body.scrollTop = body.scrollHeight;
    await waitUntil(() => part(el, 'status')!.textContent!.includes('40 of 45'), 'no page loaded on scroll');
    expect(mock.count('page=2')).to.equal(1);
  });

  it('renders a short list as plain rows (all in the DOM, no virtualizer) that scroll on their own', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(60) }).handlers);
    const el = await mount(makeClient());
    expect(rows(el)).to.have.length(50);
    const body = part(el, 'body')!;
    expect(body.classList.contains('plain')).to.equal(true);
    expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
    expect(getComputedStyle(body).overflowY).to.equal('auto');
  });

  it('loads small pages by itself until the rows fill the scroller, then waits for scrolling', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(30) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient(), { pageSize: 3 });
    const body = () => part(el, 'body')!;
    await waitUntil(() => rows(el).length > 0 && body().scrollHeight > body().clientHeight, 'never filled', {
      timeout: 4000,
    });
    await aTimeout(200);
    const loaded = rows(el).length;
    expect(loaded).to.be.within(6, 27);
    expect(mock.count('/documents', 'GET')).to.equal(loaded / 3);
  });

  it('keeps the DOM small with 10,000 documents and renders rows far down when scrolled', async function () {
    // 50 pages through msw and the virtualizer: more than mocha's 10 s on a busy 2-core runner.
    this.timeout(120_000);
    useHandlers(...createDocumentMock({ documents: sampleDocuments(10_000) }).handlers);
    const el = await mount(makeClient(), { pageSize: 200 });
    // A bounded loop: were "Load more" to stay after the last page, the test fails instead of spinning.
    for (let page = 2; page <= 50; page++) await el.loadMore();
    await el.updateComplete;
    expect(part(el, 'load-more')).to.equal(null);
    expect(part(el, 'status')!.textContent).to.contain('10,000 of 10,000');
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('10001');
    await aTimeout(50);
    expect(rows(el).length).to.be.within(5, 80);
    const body = part(el, 'body')!;
    body.scrollTop = body.scrollHeight;
    await waitUntil(
      () => rows(el).some((r) => r.getAttribute('aria-rowindex') === '10001'),
      'last row not rendered',
    );
    expect(rows(el).length).to.be.within(5, 80);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(3000);
  });

  it('filters by name after a pause in typing (one request, q param) and shows a filtered empty state', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(16) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const input = part(el, 'filter') as HTMLInputElement;
    for (const value of ['i', 'in', 'inv']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await waitUntil(() => mock.count('q=inv') === 1, 'no filtered request');
    await waitUntil(() => rowNames(el).every((n) => n.startsWith('Invoice')), 'rows not filtered');
    expect(rowNames(el)).to.deep.equal(['Invoice 0002.docx', 'Invoice 0010.txt']);
    expect(mock.count('q=i&')).to.equal(0);
    input.value = 'zzz';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(() => part(el, 'empty'), 'no empty state');
    expect(part(el, 'empty')!.textContent).to.contain('zzz');
    await expect(el).to.be.accessible();
  });

  it('keeps the current rows visible (aria-busy) while a refresh is in flight', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(3), delayMs: 0 });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    mock.setMode('loading');
    void el.refresh();
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    expect(rows(el)).to.have.length(3);
  });

  it('renders hostile names as inert text with the full name as tooltip and accessible name', async () => {
    useHandlers(...createDocumentMock({ documents: hostileDocuments() }).handlers);
    const el = await mount(makeClient());
    await aTimeout(50);
    expect((window as { __xecmHacked?: number }).__xecmHacked).to.equal(undefined);
    expect(
      el.shadowRoot!.querySelector('[part~="body"] img, [part~="body"] script, [part~="body"] b'),
    ).to.equal(null);
    const names = rows(el).map((r) => r.querySelector<HTMLButtonElement>('[part~="name"]')!);
    for (const hostile of HOSTILE_NAMES) {
      // As text; a right-to-left override is dropped ("invoice\u202Egpj.exe" would show as "invoiceexe.jpg").
      const name = hostile.replace('\u202E', '');
      const button = names.find((b) => b.textContent!.trim() === name);
      expect(button, name).to.not.equal(undefined);
      expect(button!.title).to.equal(name);
      expect(button!.querySelector('bdi')).to.not.equal(null); // an RTL override cannot leak into the row
    }
    const long = names.find((b) => b.textContent!.trim().length > 400)!;
    expect(long.scrollWidth).to.be.greaterThan(long.clientWidth); // truncated visually, not in text
    await expect(el).to.be.accessible();
  });
});
