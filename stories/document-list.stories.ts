import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../src/elements/base/define.js';
import { XecmDocumentList } from '../src/elements/document-list/document-list.component.js';
import { XecmProvider } from '../src/elements/provider/provider.component.js';
import {
  createDocumentMock,
  DOCUMENTS_BFF_BASE,
  documentsPerApprovalState,
  hostileDocuments,
  sampleDocument,
  sampleDocuments,
  type DocumentMockOptions,
} from '../test/mocks/document-handlers.js';
import { HOSTILE_STRINGS } from '../test/mocks/fixtures.js';
import { fakeFile, inShadow, rendered, until } from './support/play.js';

// Registered here rather than by importing the registration modules: package.json `sideEffects`
// lists only dist/ files, so Vite would drop a bare side-effect import from src/.
define('xecm-provider', XecmProvider);
define('xecm-document-list', XecmDocumentList);

interface Args {
  workspaceId: string;
  sort: string;
  pageSize: number;
  maxUploadBytes?: number;
  accept?: string;
  source: 'bff' | 'portal';
  locale?: string;
  theme?: 'light' | 'dark';
  dir?: 'rtl';
  /** Width of the list's box (narrow lists drop columns). */
  width?: string;
}

const render = (a: Args) => {
  const dark = a.theme === 'dark' ? 'background:#0d1117;' : '';
  const width = a.width ? `width:${a.width};` : '';
  return html`<xecm-provider
    bff-url=${DOCUMENTS_BFF_BASE}
    locale=${ifDefined(a.locale)}
    theme=${ifDefined(a.theme)}
  >
    <div dir=${ifDefined(a.dir)} style="${dark}${width}padding:1rem;max-width:72rem">
      <xecm-document-list
        workspace-id=${a.workspaceId}
        sort=${a.sort}
        page-size=${a.pageSize}
        max-upload-bytes=${ifDefined(a.maxUploadBytes)}
        accept=${ifDefined(a.accept)}
        source=${a.source}
      ></xecm-document-list>
    </div>
  </xecm-provider>`;
};

const mock = (options: DocumentMockOptions = {}) => ({
  msw: { handlers: createDocumentMock(options).handlers },
});

const meta: Meta<Args> = {
  title: 'Elements/Document list',
  component: 'xecm-document-list',
  args: { workspaceId: '7001', sort: 'name', pageSize: 50, source: 'bff' },
  argTypes: {
    sort: {
      control: 'select',
      options: ['name', '-name', 'mimeType', 'size', '-size', 'version', 'modifiedAt', '-modifiedAt'],
    },
    source: { control: 'inline-radio', options: ['bff', 'portal'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'select', options: ['en', 'de', 'fr', 'es', 'ja', 'en-XA'] },
  },
  render,
  parameters: { ...mock(), docs: { story: { height: '640px' } } },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

export const Loading: Story = { parameters: mock({ mode: 'loading' }) };

export const Empty: Story = { parameters: mock({ documents: [] }) };

export const ServerError: Story = { parameters: mock({ mode: 'error' }) };

/** The first read fails; "Retry" succeeds. */
export const ErrorThenRetry: Story = { parameters: mock({ failFirst: 1 }) };

export const Forbidden: Story = { parameters: mock({ mode: 'forbidden' }) };

export const MalformedResponse: Story = { parameters: mock({ mode: 'malformed' }) };

/** 10,000 documents: pages of 200 load as you scroll; only the visible rows are in the DOM. */
export const Many: Story = {
  args: { pageSize: 200 },
  parameters: mock({ documents: sampleDocuments(10_000) }),
};

/**
 * Of 10,000 documents, five pages loaded and scrolled to the end (which asks for the next page): still
 * only the rows near the viewport are in the DOM.
 */
export const ManyScrolled: Story = {
  ...Many,
  play: async ({ canvasElement }) => {
    const { host } = await rendered(canvasElement, 'xecm-document-list', '[part="filter"]');
    await until(() => inShadow(host, '[part~="row"]'));
    const list = host as HTMLElement & { loadMore(): Promise<void> };
    for (let page = 2; page <= 5; page++) await list.loadMore();
    await until(() => {
      // The virtualizer learns the real height as it renders: keep going to the end until it is there.
      const body = inShadow(host, '[part~="body"]');
      if (body) body.scrollTop = body.scrollHeight;
      const rows = host.shadowRoot?.querySelectorAll('[part~="row"]') ?? [];
      return [...rows].some((row) => Number(row.getAttribute('aria-rowindex')) > 900);
    });
  },
};

export const LongAndHostileNames: Story = { parameters: mock({ documents: hostileDocuments() }) };

export const EachApprovalState: Story = { parameters: mock({ documents: documentsPerApprovalState() }) };

/** Try uploading a file over 1 kB, an .exe, or "Contract 0001.pdf" (name conflict). */
export const UploadErrors: Story = {
  args: { maxUploadBytes: 1024, accept: '.pdf,.docx,image/*' },
  parameters: mock({ documents: sampleDocuments(3) }),
};

/** Uploads take two seconds so progress and cancel can be seen. */
export const SlowUpload: Story = { parameters: mock({ documents: sampleDocuments(3), uploadDelayMs: 2000 }) };

/** `source="portal"`: read-only, no upload. */
export const PortalReadOnly: Story = {
  args: { source: 'portal' },
  parameters: mock({
    documents: documentsPerApprovalState()
      .filter((d) => d.approval.state === 'approved')
      .concat(sampleDocument(20, { approval: { state: 'approved' } })),
  }),
};

/** The workspace was deleted or never existed (404 `not-found`). */
export const NotFound: Story = { parameters: mock({ listFailsWith: { status: 404, code: 'not-found' } }) };

/** The BFF answers 401 and no new token comes. */
export const SessionEnded: Story = {
  parameters: mock({ listFailsWith: { status: 401, code: 'unauthenticated' } }),
};

/** The list waits until the first rows are in, then types `text` into the filter box. */
async function typeFilter(canvasElement: HTMLElement, text: string): Promise<HTMLElement> {
  const { host, part } = await rendered<HTMLInputElement>(
    canvasElement,
    'xecm-document-list',
    '[part="filter"]',
  );
  await until(() => inShadow(host, '[part~="row"]'));
  part.value = text;
  part.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return host;
}

/** The filter matches some documents: "Invoice". */
export const Filtered: Story = {
  play: async ({ canvasElement }) => {
    const host = await typeFilter(canvasElement, 'Invoice');
    await until(() => (host.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) <= 3);
  },
};

/** The filter matches nothing: the empty state names the filter. */
export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    const host = await typeFilter(canvasElement, 'no such document');
    await until(() => inShadow(host, '[part~="empty"]'));
  },
};

/** 60 documents, pages of 20: "Load more" under the rows. */
export const LoadMore: Story = {
  args: { pageSize: 20 },
  parameters: mock({ documents: sampleDocuments(60) }),
};

/** The list as a user uploads: `upload()` is what choosing or dropping files does. */
async function uploadFiles(canvasElement: HTMLElement, files: File[], settled: string): Promise<void> {
  const { host } = await rendered(canvasElement, 'xecm-document-list', '[part="filter"]');
  await until(() => inShadow(host, '[part~="row"]'));
  (host as HTMLElement & { upload(files: Iterable<File>): void }).upload(files);
  await until(() => host.shadowRoot?.querySelectorAll(settled).length === files.length);
}

/** Three uploads in flight (the BFF takes its time): each with a progress bar and Cancel. */
export const UploadsInProgress: Story = {
  parameters: mock({ documents: sampleDocuments(3), uploadDelayMs: 10 * 60_000 }),
  play: ({ canvasElement }) =>
    uploadFiles(
      canvasElement,
      [
        fakeFile('Offer 2027.pdf', 180_000),
        fakeFile('Site photo north.png', 2_400_000, 'image/png'),
        fakeFile('Minutes.txt', 900, 'text/plain'),
      ],
      '[part~="upload"][data-status="uploading"]',
    ),
};

let refusedVisits = 0;

/** One upload done, four refused: too large, type not allowed, name taken, text-direction characters in the name. */
export const UploadRefused: Story = {
  args: { maxUploadBytes: 1_000_000, accept: '.pdf,.docx,image/*' },
  parameters: mock({ documents: sampleDocuments(3) }),
  play: ({ canvasElement }) =>
    uploadFiles(
      canvasElement,
      [
        // The fake BFF keeps what was uploaded: a new name each visit, so it is never a name conflict.
        fakeFile(`Signed offer${refusedVisits++ ? ` (${refusedVisits})` : ''}.pdf`, 40_000),
        fakeFile('Scan of the whole archive.pdf', 3_000_000),
        fakeFile('setup.exe', 1_000, 'application/x-msdownload'),
        fakeFile(
          'Invoice 0002.docx',
          2_000,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
        fakeFile(`${HOSTILE_STRINGS.rtlOverride}.pdf`, 1_000),
      ],
      '[part~="upload"]:not([data-status="uploading"])',
    ),
};

/** Extended ECM is down while uploading (503): the row offers Retry besides Dismiss. */
export const UploadServerError: Story = {
  parameters: mock({
    documents: sampleDocuments(3),
    uploadFailsWith: { status: 503, code: 'upstream-unavailable' },
  }),
  play: ({ canvasElement }) =>
    uploadFiles(
      canvasElement,
      [fakeFile('Offer 2027.pdf', 180_000)],
      '[part~="upload"][data-status="error"]',
    ),
};

/** A list about 420 px wide: only Name, Approval and Actions. */
export const Narrow: Story = { args: { width: '26rem' } };

/** About 560 px wide: Type and Version give way. */
export const Medium: Story = { args: { width: '35rem' } };

export const RightToLeft: Story = { args: { dir: 'rtl' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const German: Story = { args: { locale: 'de' } };
export const French: Story = { args: { locale: 'fr' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Japanese: Story = { args: { locale: 'ja' } };
export const PseudoLocale: Story = { args: { locale: 'en-XA' } };
