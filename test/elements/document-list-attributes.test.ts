import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import '../../src/elements/document-list/document-list.js';
import { createDocumentMock, sampleDocuments } from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { grid, makeClient, mount, part, rows } from './document-list.helpers.js';

const headers = (el: XecmDocumentList) =>
  [...grid(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.trim());

describe('<xecm-document-list> attributes, parts and locales', () => {
  it('reflects its properties to attributes and sends them as query parameters', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(4) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    expect(el.getAttribute('sort')).to.equal('name');
    expect(el.getAttribute('page-size')).to.equal('50');
    expect(el.getAttribute('source')).to.equal('bff');
    el.sort = '-modifiedAt';
    el.pageSize = 2;
    el.maxUploadBytes = 1024;
    el.accept = '.pdf';
    await el.updateComplete;
    expect(el.getAttribute('sort')).to.equal('-modifiedAt');
    expect(el.getAttribute('page-size')).to.equal('2');
    expect(el.getAttribute('max-upload-bytes')).to.equal('1024');
    expect(el.getAttribute('accept')).to.equal('.pdf');
    await waitUntil(() => mock.count('page=1&pageSize=2&sort=-modifiedAt') === 1, 'query not sent');
    expect(
      grid(el).querySelector('[aria-colindex="5"][role="columnheader"]')!.getAttribute('aria-sort'),
    ).to.equal('descending');
    // Two rows do not fill the list: the next page follows by itself.
    await waitUntil(
      () => mock.count('page=2&pageSize=2&sort=-modifiedAt') === 1,
      'page 2 not requested to fill the list',
    );
    await waitUntil(() => part(el, 'status')!.textContent!.includes('4 of 4') && !part(el, 'load-more'));
    expect(rows(el)).to.have.length(4);
  });

  it('falls back to safe values for invalid attributes (and warns in development)', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(2) });
    useHandlers(...mock.handlers);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => warnings.push(String(msg));
    try {
      const el = await fixture<XecmDocumentList>(
        html`<xecm-document-list
          workspace-id="7001"
          sort="colour"
          page-size="5000"
          .client=${makeClient()}
        ></xecm-document-list>`,
      );
      await waitUntil(() => rows(el).length === 2);
      expect(mock.requests[0]!.path).to.contain('pageSize=200&sort=name');
      // The warnings are a lazy chunk of development builds: on a cold, busy runner they come after the rows.
      await waitUntil(() => warnings.length >= 2, 'no development warnings');
    } finally {
      console.warn = original;
    }
    expect(warnings.some((w) => w.includes('sort="colour"'))).to.equal(true);
    expect(warnings.some((w) => w.includes('page-size="5000"'))).to.equal(true);
  });

  it('exposes the documented parts', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(60) }).handlers);
    const el = await mount(makeClient());
    for (const name of [
      'toolbar',
      'filter',
      'upload-button',
      'grid',
      'header',
      'body',
      'row',
      'cell',
      'name',
      'action',
      'download',
      'approval',
      'status',
      'footer',
      'load-more',
      'dropzone',
    ]) {
      expect(part(el, name), name).to.not.equal(null);
    }
  });

  it('switches language at runtime (its own lang, or <html lang>), including number formats', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(2) }).handlers);
    const el = await mount(makeClient());
    expect(headers(el).slice(0, 6)).to.deep.equal([
      'Name',
      'Type',
      'Size',
      'Version',
      'Modified',
      'Approval',
    ]);
    const expectations: [string, string, string][] = [
      ['de', 'Typ', 'Dateien hochladen'],
      ['fr', 'Taille', 'Téléverser des fichiers'],
      ['es', 'Tamaño', 'Subir archivos'],
      ['ja', 'サイズ', 'ファイルをアップロード'],
    ];
    for (const [lang, header, upload] of expectations) {
      el.setAttribute('lang', lang);
      await waitUntil(() => part(el, 'upload-button')!.textContent!.trim() === upload, `${lang} not applied`);
      expect(headers(el)).to.include(header);
      await expect(el).to.be.accessible();
    }
    el.setAttribute('lang', 'de');
    await waitUntil(() => part(el, 'upload-button')!.textContent!.trim() === 'Dateien hochladen');
    expect(part(el, 'status')!.textContent).to.contain('2 von 2');
    const htmlLang = document.documentElement.lang;
    try {
      el.removeAttribute('lang');
      document.documentElement.lang = 'es';
      await waitUntil(
        () => part(el, 'upload-button')!.textContent!.trim() === 'Subir archivos',
        '<html lang> ignored',
      );
    } finally {
      document.documentElement.lang = htmlLang;
    }
  });

  it('is accessible in dark mode', async () => {
    useHandlers(...createDocumentMock({ documents: sampleDocuments(5) }).handlers);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--xecm-color-scheme: dark; color-scheme: dark; background: #0d1117">
        <xecm-document-list workspace-id="7001" .client=${makeClient()}></xecm-document-list>
      </div>`,
    );
    const el = wrapper.querySelector('xecm-document-list')!;
    await waitUntil(() => rows(el).length === 5);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});
