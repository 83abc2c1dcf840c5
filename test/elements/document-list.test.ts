import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../src/contract/index.js';
import '../../src/elements/document-list/document-list.js';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import {
  createDocumentMock,
  documentsPerApprovalState,
  sampleDocuments,
} from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import {
  cells,
  grid,
  makeClient,
  mount,
  mountIn,
  part,
  parts,
  rowNames,
  rows,
} from './document-list.helpers.js';

describe('<xecm-document-list> data states', () => {
  it('shows skeleton rows and aria-busy while the first page loads, and is accessible', async () => {
    const mock = createDocumentMock({ mode: 'loading' });
    useHandlers(...mock.handlers);
    const el = await fixture<XecmDocumentList>(
      html`<xecm-document-list workspace-id="7001" .client=${makeClient()}></xecm-document-list>`,
    );
    await waitUntil(() => mock.count('/documents') === 1, 'no request');
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('.skeleton-row').length).to.be.greaterThan(0);
    expect(part(el, 'status')!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('lists the documents with name, type, size, version, modified and approval, and fires xecm-load once', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(3) });
    useHandlers(...mock.handlers);
    let loads = 0;
    const el = await mount(makeClient(), { onLoad: () => loads++ });
    expect(rowNames(el)).to.deep.equal(['Contract 0001.pdf', 'Invoice 0002.docx', 'Offer 0003.xlsx']);
    const first = cells(rows(el)[0]!);
    expect(first.map((c) => c.getAttribute('role'))).to.deep.equal([
      'rowheader',
      'gridcell',
      'gridcell',
      'gridcell',
      'gridcell',
      'gridcell',
      'gridcell',
    ]);
    expect(first[1]!.textContent!.trim()).to.equal('PDF');
    expect(first[2]!.textContent!.trim()).to.match(/kB/);
    expect(first[3]!.textContent!.trim()).to.equal('v1');
    expect(first[4]!.querySelector('time')!.getAttribute('datetime')).to.equal(
      sampleDocuments(1)[0]!.modifiedAt,
    );
    expect(first[5]!.querySelector('xecm-approval-badge')!.getAttribute('state')).to.equal('none');
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('4');
    expect(grid(el).getAttribute('aria-busy')).to.equal('false');
    expect(part(el, 'status')!.textContent).to.contain('3 of 3');
    await aTimeout(50);
    expect(loads).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows every approval state through the shared badge, with the review step', async () => {
    useHandlers(...createDocumentMock({ documents: documentsPerApprovalState() }).handlers);
    const el = await mount(makeClient());
    const badges = rows(el).map((r) => r.querySelector('xecm-approval-badge')!);
    expect(badges.map((b) => b.getAttribute('state')).sort()).to.deep.equal([
      'approved',
      'draft',
      'in-review',
      'none',
      'rejected',
    ]);
    const inReview = badges.find((b) => b.getAttribute('state') === 'in-review')!;
    await (inReview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(inReview.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(
      'In review: Legal review',
    );
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when the workspace has no documents', async () => {
    useHandlers(...createDocumentMock({ documents: [] }).handlers);
    const el = await mount(makeClient());
    await waitUntil(() => part(el, 'empty'), 'no empty state');
    expect(part(el, 'empty')!.textContent).to.contain('no documents');
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows an alert with retry on error, fires xecm-error once, and recovers on retry', async () => {
    const mock = createDocumentMock({ failFirst: 1, documents: sampleDocuments(2) });
    useHandlers(...mock.handlers);
    const errors: string[] = [];
    const el = await fixture<XecmDocumentList>(
      html`<xecm-document-list
        workspace-id="7001"
        .client=${makeClient()}
        @xecm-error=${(e: CustomEvent<{ code: string }>) => errors.push(e.detail.code)}
      ></xecm-document-list>`,
    );
    await waitUntil(() => part(el, 'error'), 'no error state');
    const alert = part(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('could not be loaded');
    expect(errors).to.deep.equal(['upstream-unavailable']);
    // The BFF's requestId, quoted like the workspace card does, for the operator's logs.
    expect(part(el, 'reference')!.textContent).to.equal('Reference: mock-request');
    expect(alert.contains(part(el, 'reference'))).to.equal(true);
    await expect(el).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => rows(el).length === 2, 'retry did not load');
    expect(part(el, 'error')).to.equal(null);
    expect(mock.count('/documents')).to.equal(2);
  });

  it('treats a malformed answer as an error state, not a crash', async () => {
    useHandlers(...createDocumentMock({ mode: 'malformed' }).handlers);
    const el = await fixture<XecmDocumentList>(
      html`<xecm-document-list workspace-id="7001" .client=${makeClient()}></xecm-document-list>`,
    );
    const error = await oneEvent(el, 'xecm-error');
    expect(error.detail.code).to.equal('bad-response');
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(part(el, 'error')!.textContent).to.contain('cannot read');
    // Nothing answered with a problem document, so there is no request to quote.
    expect(part(el, 'reference')).to.equal(null);
  });

  it('quotes the request reference of a failed "load more" and a failed download, in the page language', async () => {
    const mock = createDocumentMock({
      documents: sampleDocuments(30),
      contentFailsWith: { status: 502, code: 'upstream-error' },
    });
    useHandlers(
      http.get(
        '/bff/v1/workspaces/:id/documents',
        ({ request }) =>
          new URL(request.url).searchParams.get('page') === '2'
            ? HttpResponse.json(
                {
                  type: problemType('upstream-error'),
                  title: 'Failed',
                  status: 502,
                  code: 'upstream-error',
                  requestId: 'req-page-2',
                },
                { status: 502, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
              )
            : undefined, // falls through to the mock
      ),
      ...mock.handlers,
    );
    const el = await mountIn({ lang: 'de' }, 20);
    await waitUntil(
      () => rows(el).length === 20 && part(el, 'load-more')?.textContent?.trim() === 'Mehr laden',
      'no page 1 in de',
      { timeout: 4000 },
    );
    await el.loadMore();
    await waitUntil(() => part(el, 'reference'), 'no reference for the failed page');
    expect(part(el, 'reference')!.textContent).to.equal('Referenz: req-page-2');
    await expect(el).to.be.accessible();
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
    await waitUntil(() => part(el, 'error'), 'no error for the failed download');
    expect(part(el, 'error')!.querySelector('[part~="reference"]')!.textContent).to.equal(
      'Referenz: mock-request',
    );
  });

  it('sends the bearer token and no request without a valid workspace-id', async () => {
    const mock = createDocumentMock();
    useHandlers(...mock.handlers);
    await mount(makeClient());
    expect(mock.requests[0]!.authorization).to.equal('Bearer test-token');
    expect(mock.requests[0]!.path).to.equal('/bff/v1/workspaces/7001/documents?page=1&pageSize=50&sort=name');
    const bad = await fixture<XecmDocumentList>(
      html`<xecm-document-list workspace-id="../admin" .client=${makeClient()}></xecm-document-list>`,
    );
    await aTimeout(50);
    expect(mock.count('admin')).to.equal(0);
    expect(parts(bad, 'row')).to.have.length(0);
  });
});
