import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import '../../src/elements/document-list/document-list.js';
import { createDocumentMock, sampleDocuments } from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import {
  chooseFiles,
  fileOf,
  makeClient,
  mount,
  part,
  parts,
  rowNames,
  rows,
} from './document-list.helpers.js';

/** Catches the links the list clicks to hand content to the browser, so the test page stays put. */
function captureLinks(): { links: HTMLAnchorElement[]; stop(): void } {
  const links: HTMLAnchorElement[] = [];
  const listener = (e: Event) => {
    const a = e.target as HTMLElement;
    if (a instanceof HTMLAnchorElement) {
      links.push(a);
      e.preventDefault();
    }
  };
  document.addEventListener('click', listener, true);
  return { links, stop: () => document.removeEventListener('click', listener, true) };
}

describe('<xecm-document-list> open and download', () => {
  it('lets the host veto: no content request when xecm-document-open is canceled', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(2) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    el.addEventListener('xecm-document-open', (e) => e.preventDefault());
    const event = oneEvent(el, 'xecm-document-open');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="name"]')!.click();
    const { detail } = await event;
    expect(detail.action).to.equal('open');
    expect(detail.document.name).to.equal('Contract 0001.pdf');
    await aTimeout(50);
    expect(mock.count('/content')).to.equal(0);
  });

  it('downloads through the client with the bearer token and saves under the document name', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(2) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const capture = captureLinks();
    try {
      rows(el)[1]!.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
      await waitUntil(() => capture.links.length === 1, 'no download handed to the browser');
      const req = mock.requests.find((r) => r.path.includes('/content'))!;
      expect(req.path).to.equal('/bff/v1/documents/50001/content?download=1');
      expect(req.authorization).to.equal('Bearer test-token');
      const link = capture.links[0]!;
      expect(link.href).to.match(/^blob:/);
      expect(link.download).to.equal('Invoice 0002.docx');
      expect(await (await fetch(link.href)).text()).to.equal('Content of document 50001');
    } finally {
      capture.stop();
    }
  });

  it('opens in a new tab from an object URL (token never in a URL)', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const capture = captureLinks();
    try {
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="name"]')!.click();
      await waitUntil(() => capture.links.length === 1);
      expect(capture.links[0]!.target).to.equal('_blank');
      expect(capture.links[0]!.href).to.match(/^blob:/);
      expect(mock.requests.find((r) => r.path.includes('/content'))!.path).to.equal(
        '/bff/v1/documents/50000/content',
      );
    } finally {
      capture.stop();
    }
  });

  it('reports a failed download with xecm-error and an alert', async () => {
    const mock = createDocumentMock({
      documents: sampleDocuments(1),
      contentFailsWith: { status: 404, code: 'not-found' },
    });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const error = oneEvent(el, 'xecm-error');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
    expect((await error).detail.code).to.equal('not-found');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('could not be opened');
  });
});

describe('<xecm-document-list> upload', () => {
  it('uploads a chosen file with per-file progress, then refreshes the list', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(2), uploadDelayMs: 400 });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const file = fileOf('Quote 2026.pdf', 256 * 1024);
    chooseFiles(el, [file]);
    await waitUntil(() => el.shadowRoot!.querySelector('progress'), 'no progress bar');
    const progress = el.shadowRoot!.querySelector('progress')!;
    expect(progress.max).to.equal(file.size);
    expect(progress.getAttribute('aria-label')).to.equal('Uploading Quote 2026.pdf');
    await waitUntil(() => progress.value === file.size, 'progress never reached the file size');
    await waitUntil(() => parts(el, 'upload')[0]?.dataset.status === 'done', 'upload did not finish');
    expect(parts(el, 'upload')[0]!.textContent).to.contain('Uploaded');
    await waitUntil(() => rowNames(el).includes('Quote 2026.pdf'), 'list not refreshed');
    const post = mock.requests.find((r) => r.method === 'POST')!;
    expect(post.requestedWith).to.equal('xecm-elements');
    expect(post.authorization).to.equal('Bearer test-token');
    await expect(el).to.be.accessible();
  });

  it('uploads dropped files and shows the drop overlay while dragging', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const dt = new DataTransfer();
    dt.items.add(fileOf('Dropped.pdf', 100));
    el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.hasAttribute('dragging')).to.equal(true);
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.hasAttribute('dragging')).to.equal(false);
    await waitUntil(() => rowNames(el).includes('Dropped.pdf'), 'dropped file not uploaded');
  });

  it('cancels an upload in flight', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1), uploadDelayMs: 5000 });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    chooseFiles(el, [fileOf('Slow.pdf', 1000)]);
    await waitUntil(() => mock.count('/documents', 'POST') === 1, 'upload not sent');
    const cancel = parts(el, 'upload')[0]!.querySelector('button')!;
    expect(cancel.getAttribute('aria-label')).to.equal('Cancel upload of Slow.pdf');
    cancel.click();
    await waitUntil(() => parts(el, 'upload')[0]?.dataset.status === 'canceled', 'not canceled');
    expect(parts(el, 'upload')[0]!.textContent).to.contain('Canceled');
    expect(mock.count('/documents', 'GET')).to.equal(1);
  });

  it('refuses too large and disallowed files with clear messages and without a request', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    useHandlers(...mock.handlers);
    const el = await fixture<XecmDocumentList>(
      html`<xecm-document-list
        workspace-id="7001"
        max-upload-bytes="1000"
        accept=".pdf,image/*"
        .client=${makeClient()}
      ></xecm-document-list>`,
    );
    await waitUntil(() => rows(el).length === 1);
    chooseFiles(el, [
      fileOf('Big.pdf', 5000),
      fileOf('tool.exe', 10, 'application/x-msdownload'),
      fileOf('ok.png', 10, 'image/png'),
    ]);
    await waitUntil(() => parts(el, 'upload').length === 3);
    const [big, exe] = parts(el, 'upload');
    expect(big!.dataset.status).to.equal('error');
    expect(big!.querySelector('[role="alert"]')!.textContent).to.contain('at most 1');
    expect(exe!.querySelector('[role="alert"]')!.textContent).to.contain(
      'not allowed (allowed: .pdf,image/*)',
    );
    await waitUntil(() => mock.count('/documents', 'POST') === 1);
    await aTimeout(50);
    expect(mock.count('/documents', 'POST')).to.equal(1); // only ok.png was sent
    await expect(el).to.be.accessible();
  });

  it('explains a name conflict (409 name-conflict) and fires xecm-error', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const error = oneEvent(el, 'xecm-error');
    chooseFiles(el, [fileOf('Contract 0001.pdf', 10)]);
    expect((await error).detail.code).to.equal('name-conflict');
    await el.updateComplete;
    expect(parts(el, 'upload')[0]!.textContent).to.contain('already exists');
    parts(el, 'upload')[0]!.querySelector('button')!.click();
    await el.updateComplete;
    expect(parts(el, 'upload')).to.have.length(0);
  });

  it('is read-only with source="portal": no upload button, input or drop', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(2) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient(), { source: 'portal' });
    expect(part(el, 'upload-button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input[type="file"]')).to.equal(null);
    expect(part(el, 'dropzone')).to.equal(null);
    expect(part(el, 'toolbar')!.textContent).to.contain('Read-only');
    const dt = new DataTransfer();
    dt.items.add(fileOf('x.pdf', 1));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    el.upload([fileOf('y.pdf', 1)]);
    await aTimeout(50);
    expect(mock.count('/documents', 'POST')).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
