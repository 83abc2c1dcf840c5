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
}

const render = (a: Args) => {
  const dark = a.theme === 'dark' ? 'background:#0d1117;' : '';
  return html`<xecm-provider
    bff-url=${DOCUMENTS_BFF_BASE}
    locale=${ifDefined(a.locale)}
    theme=${ifDefined(a.theme)}
  >
    <div dir=${ifDefined(a.dir)} style="${dark}padding:1rem;max-width:72rem">
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
  parameters: mock(),
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

export const RightToLeft: Story = { args: { dir: 'rtl' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const German: Story = { args: { locale: 'de' } };
export const French: Story = { args: { locale: 'fr' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Japanese: Story = { args: { locale: 'ja' } };
export const PseudoLocale: Story = { args: { locale: 'en-XA' } };
