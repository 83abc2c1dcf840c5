// Failed uploads of <xecm-document-list>: a localized reason per problem code, Retry, and the file-name
// rule checked in the browser before anything is sent.
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../src/contract/index.js';
import type { XecmDocumentList } from '../../src/elements/document-list/document-list.component.js';
import '../../src/elements/document-list/document-list.js';
import { createDocumentMock, sampleDocuments } from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { chooseFiles, fileOf, makeClient, mount, parts, rowNames } from './document-list.helpers.js';

const UPLOAD_URL = '/bff/v1/workspaces/:id/documents';

// What the real BFF answers; `detail` is its English developer text, which the list must not show.
const FAILURES = {
  'conflict.pdf': [409, 'name-conflict'],
  'big.pdf': [413, 'payload-too-large'],
  'odd.pdf': [415, 'unsupported-media-type'],
  'named.pdf': [400, 'bad-request'],
  'locked.pdf': [403, 'forbidden'],
  'down.pdf': [503, 'upstream-unavailable'],
  'broken.pdf': [502, 'upstream-error'],
} as const;

function problem(status: number, code: string): Response {
  return HttpResponse.json(
    {
      type: problemType(code),
      title: 'Upload refused',
      status,
      code,
      detail: 'The file needs a name (1 to 248 characters, no path).',
      requestId: 'mock-request',
    },
    { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
  );
}

/** Upload handler answering per file name; `offline.pdf` fails at the network level. */
function failingUploads(log: string[]) {
  return http.post(UPLOAD_URL, async ({ request }) => {
    const file = (await request.formData()).get('file') as File;
    log.push(file.name);
    if (file.name === 'offline.pdf') return HttpResponse.error();
    const failure = FAILURES[file.name as keyof typeof FAILURES];
    return failure ? problem(failure[0], failure[1]) : problem(500, 'internal');
  });
}

function uploadNamed(el: XecmDocumentList, name: string): HTMLElement {
  const row = parts(el, 'upload').find((u) => u.querySelector('.file')!.textContent === name);
  if (!row) throw new Error(`no upload row for ${name}`);
  return row;
}

const messageOf = (row: HTMLElement) => row.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const retryOf = (row: HTMLElement) => row.querySelector<HTMLButtonElement>('[part~="upload-retry"]');

describe('<xecm-document-list> failed uploads', () => {
  it('explains each failure by its problem code, in the user language, never with the BFF detail', async () => {
    const log: string[] = [];
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    useHandlers(failingUploads(log), ...mock.handlers);
    const el = await mount(makeClient());
    chooseFiles(
      el,
      [...Object.keys(FAILURES), 'offline.pdf'].map((n) => fileOf(n)),
    );
    await waitUntil(
      () => parts(el, 'upload').every((u) => u.dataset.status === 'error') && log.length === 8,
      'uploads did not all fail',
    );
    const expected: Record<string, string> = {
      'conflict.pdf': 'A document with this name already exists in the workspace.',
      'big.pdf': 'Too large: the server refused this file.',
      'odd.pdf': 'The server does not accept this file type.',
      'named.pdf':
        'The file name is not accepted: it needs 1 to 248 characters, no folder path and no text-direction control characters.',
      'locked.pdf': 'You may not add documents to this workspace.',
      'down.pdf': 'Extended ECM is not available right now. Try again later.',
      'broken.pdf': 'Extended ECM is not available right now. Try again later.',
      'offline.pdf': 'The server could not be reached. Check your connection and try again later.',
    };
    for (const [name, text] of Object.entries(expected)) {
      const row = uploadNamed(el, name);
      expect(messageOf(row), name).to.equal(text);
      expect(row.textContent).not.to.contain('The file needs a name');
    }
    // Retry where another attempt can help (an outage); not where the BFF would refuse the same file again.
    for (const name of ['down.pdf', 'broken.pdf', 'offline.pdf'])
      expect(retryOf(uploadNamed(el, name)), name).to.not.equal(null);
    for (const name of ['named.pdf', 'big.pdf', 'odd.pdf', 'conflict.pdf', 'locked.pdf'])
      expect(retryOf(uploadNamed(el, name)), name).to.equal(null);
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'de');
    await waitUntil(
      () => messageOf(uploadNamed(el, 'down.pdf')).startsWith('Extended ECM ist gerade nicht verfügbar'),
      'German reason not shown',
    );
    expect(messageOf(uploadNamed(el, 'named.pdf'))).to.contain('Der Dateiname wird nicht akzeptiert');
    expect(retryOf(uploadNamed(el, 'down.pdf'))!.textContent!.trim()).to.equal('Erneut versuchen');
    await expect(el).to.be.accessible();
  });

  it('fires xecm-error with the code and the localized reason', async () => {
    useHandlers(failingUploads([]), ...createDocumentMock({ documents: sampleDocuments(1) }).handlers);
    const el = await mount(makeClient());
    const error = oneEvent(el, 'xecm-error');
    chooseFiles(el, [fileOf('down.pdf')]);
    const { detail } = await error;
    expect(detail.code).to.equal('upstream-unavailable');
    expect(detail.message).to.equal('Extended ECM is not available right now. Try again later.');
  });

  it('retries a failed upload from the keyboard: one more request, then the document is listed', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    let attempts = 0;
    const firstFails = http.post(UPLOAD_URL, () => {
      attempts++;
      // Later attempts fall through to the mock, which stores the document.
      return attempts === 1 ? problem(503, 'upstream-unavailable') : undefined;
    });
    useHandlers(firstFails, ...mock.handlers);
    const el = await mount(makeClient());
    chooseFiles(el, [fileOf('Offer 2027.pdf', 2048)]);
    await waitUntil(() => parts(el, 'upload')[0]?.dataset.status === 'error', 'first attempt did not fail');
    const row = parts(el, 'upload')[0]!;
    const retry = retryOf(row)!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    expect(retry.getAttribute('aria-label')).to.equal('Retry upload of Offer 2027.pdf');
    // Dismiss sits right next to it.
    expect(retry.nextElementSibling!.getAttribute('aria-label')).to.equal('Dismiss Offer 2027.pdf');

    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(el, 'upload')[0]?.dataset.status === 'done', 'retry did not succeed');
    expect(parts(el, 'upload')).to.have.length(1); // the same row, not a second one
    expect(parts(el, 'upload')[0]!.textContent).to.contain('Uploaded');
    expect(retryOf(parts(el, 'upload')[0]!)).to.equal(null);
    await waitUntil(() => rowNames(el).includes('Offer 2027.pdf'), 'list not refreshed');
    await aTimeout(50);
    expect(attempts).to.equal(2);
    expect(mock.documents.filter((d) => d.name === 'Offer 2027.pdf')).to.have.length(1);
    // Focus stayed in the upload row instead of falling back to the page.
    expect(el.shadowRoot!.activeElement?.closest('[part~="upload"]')).to.equal(parts(el, 'upload')[0]);
    await expect(el).to.be.accessible();
  });

  it('a retry that fails again shows the reason again and can be retried once more', async () => {
    const log: string[] = [];
    useHandlers(failingUploads(log), ...createDocumentMock({ documents: sampleDocuments(1) }).handlers);
    const el = await mount(makeClient());
    chooseFiles(el, [fileOf('broken.pdf')]);
    const first = () => parts(el, 'upload')[0];
    await waitUntil(() => first() && retryOf(first()!) !== null, 'no retry offered');
    retryOf(parts(el, 'upload')[0]!)!.click();
    await waitUntil(() => log.length === 2 && retryOf(parts(el, 'upload')[0]!) !== null, 'no second failure');
    expect(messageOf(parts(el, 'upload')[0]!)).to.equal(
      'Extended ECM is not available right now. Try again later.',
    );
  });
});

describe('<xecm-document-list> file-name rule before sending', () => {
  it('refuses a name over 248 characters, an empty name and text-direction controls without a request', async () => {
    const mock = createDocumentMock({ documents: sampleDocuments(1) });
    useHandlers(...mock.handlers);
    const el = await mount(makeClient());
    const long = `${'n'.repeat(496)}.pdf`;
    const longest = `${'m'.repeat(244)}.pdf`; // exactly 248: allowed
    chooseFiles(el, [
      fileOf(long),
      fileOf(''),
      fileOf('   '),
      fileOf('invoice\u202Efdp.exe'),
      fileOf(longest),
    ]);
    await waitUntil(() => parts(el, 'upload').length === 5);
    const [tooLong, empty, blank, bidi] = parts(el, 'upload');
    expect(messageOf(tooLong!)).to.equal('The file name is too long: at most 248 characters.');
    expect(messageOf(empty!)).to.equal('The file needs a name.');
    expect(messageOf(blank!)).to.equal('The file needs a name.');
    expect(messageOf(bidi!)).to.contain('hidden text-direction characters');
    for (const row of [tooLong!, empty!, blank!, bidi!]) {
      expect(row.dataset.status).to.equal('error');
      expect(retryOf(row)).to.equal(null);
    }
    await waitUntil(() => mock.count('/documents', 'POST') === 1, 'the 248-character name was not sent');
    await aTimeout(50);
    expect(mock.count('/documents', 'POST')).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
