import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../src/elements/base/define.js';
import { XecmProvider } from '../src/elements/provider/provider.component.js';
import { XecmStartReview } from '../src/elements/start-review/start-review.component.js';
import { createReviewMock, REVIEWS_BFF_BASE, type ReviewMockOptions } from '../test/mocks/review-handlers.js';

// Registered here rather than by importing the registration modules: package.json `sideEffects`
// lists only dist/ files, so Vite would drop a bare side-effect import from src/.
define('xecm-provider', XecmProvider);
define('xecm-start-review', XecmStartReview);

interface Args {
  targetKind: 'workspace' | 'document';
  targetId: string;
  locale?: string;
  theme?: 'light' | 'dark';
  dir?: 'rtl';
}

const render = (a: Args) => {
  const dark = a.theme === 'dark' ? 'background:#0d1117;' : '';
  return html`<xecm-provider
    bff-url=${REVIEWS_BFF_BASE}
    locale=${ifDefined(a.locale)}
    theme=${ifDefined(a.theme)}
  >
    <div dir=${ifDefined(a.dir)} style="${dark}padding:1rem">
      <xecm-start-review target-kind=${a.targetKind} target-id=${a.targetId}></xecm-start-review>
    </div>
  </xecm-provider>`;
};

const mock = (options: ReviewMockOptions = {}) => ({ msw: { handlers: createReviewMock(options).handlers } });

const meta: Meta<Args> = {
  title: 'Elements/Start review',
  component: 'xecm-start-review',
  args: { targetKind: 'document', targetId: '50000' },
  argTypes: {
    targetKind: { control: 'inline-radio', options: ['workspace', 'document'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'select', options: ['en', 'de', 'fr', 'es', 'ja', 'en-XA'] },
  },
  render,
  parameters: mock(),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

export const SeveralWorkflows: Story = {
  args: { targetKind: 'workspace' },
  parameters: mock({ mode: 'several-workflows' }),
};

export const ReviewRunning: Story = { parameters: mock({ mode: 'running' }) };

export const NotPermitted: Story = { parameters: mock({ mode: 'not-permitted' }) };

export const NoWorkflows: Story = { parameters: mock({ mode: 'no-workflows' }) };

export const LoadingOptions: Story = { parameters: mock({ mode: 'loading' }) };

export const OptionsError: Story = { parameters: mock({ mode: 'options-error' }) };

/** The start request never answers: the dialog shows its pending state after "Start review". */
export const Pending: Story = { parameters: mock({ startDelayMs: 'infinite' }) };

/** The start request fails with 502: the dialog shows an error and keeps the input. */
export const StartError: Story = {
  parameters: mock({ startFailsWith: { status: 502, code: 'upstream-error' } }),
};

export const RightToLeft: Story = { args: { dir: 'rtl' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const German: Story = { args: { locale: 'de' } };
export const French: Story = { args: { locale: 'fr' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Japanese: Story = { args: { locale: 'ja' } };
