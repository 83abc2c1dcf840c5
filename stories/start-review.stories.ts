import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../src/elements/base/define.js';
import { XecmProvider } from '../src/elements/provider/provider.component.js';
import { XecmStartReview } from '../src/elements/start-review/start-review.component.js';
import { HOSTILE_STRINGS } from '../test/mocks/fixtures.js';
import { createReviewMock, REVIEWS_BFF_BASE, type ReviewMockOptions } from '../test/mocks/review-handlers.js';
import { inShadow, rendered, until } from './support/play.js';

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
  parameters: { ...mock(), docs: { story: { height: '520px' } } },
};
export default meta;
type Story = StoryObj<Args>;

/** Clicks "Start review" once the options allow it and waits for the open dialog's form. */
async function openDialog(canvasElement: HTMLElement): Promise<HTMLElement> {
  const { host, part } = await rendered(canvasElement, 'xecm-start-review', '[part="button"]');
  await until(() => part.getAttribute('aria-disabled') === 'false');
  part.click();
  await until(() => inShadow(host, 'dialog[open] [part="submit"]'));
  return host;
}

/** Opens the dialog, writes a comment and confirms. */
async function submitDialog(canvasElement: HTMLElement): Promise<HTMLElement> {
  const host = await openDialog(canvasElement);
  const comment = inShadow<HTMLTextAreaElement>(host, '[part="comment"]')!;
  comment.value = 'Please check the liability clause.';
  inShadow(host, '[part="submit"]')!.click();
  return host;
}

const withDialog: Pick<Story, 'play'> = {
  play: ({ canvasElement }) => openDialog(canvasElement).then(() => undefined),
};

export const Default: Story = {};

/** The confirmation dialog with the only workflow named and a comment box. */
export const DialogOpen: Story = { ...withDialog };

/** Several workflows apply: the dialog offers a choice. */
export const SeveralWorkflows: Story = {
  args: { targetKind: 'workspace' },
  parameters: mock({ mode: 'several-workflows' }),
  ...withDialog,
};

/** Workflow names from xECM are shown as inert text, long ones wrap. */
export const HostileWorkflowNames: Story = {
  parameters: mock({
    mode: 'several-workflows',
    workflows: Object.values(HOSTILE_STRINGS).map((name, i) => ({ key: `wf-${i}`, name })),
  }),
  ...withDialog,
};

export const ReviewRunning: Story = { parameters: mock({ mode: 'running' }) };

export const NotPermitted: Story = { parameters: mock({ mode: 'not-permitted' }) };

export const NoWorkflows: Story = { parameters: mock({ mode: 'no-workflows' }) };

export const LoadingOptions: Story = { parameters: mock({ mode: 'loading' }) };

export const OptionsError: Story = { parameters: mock({ mode: 'options-error' }) };

/** The BFF answers 401 and no new token comes. */
export const SessionEnded: Story = {
  parameters: mock({ optionsFailWith: { status: 401, code: 'unauthenticated' } }),
};

/** The start request never answers: the dialog shows its pending state after "Start review". */
export const Pending: Story = {
  parameters: mock({ startDelayMs: 'infinite' }),
  play: async ({ canvasElement }) => {
    const host = await submitDialog(canvasElement);
    await until(() => host.hasAttribute('pending'));
  },
};

/** The start request fails with 502: the dialog shows an error and keeps the input. */
export const StartError: Story = {
  parameters: mock({ startFailsWith: { status: 502, code: 'upstream-error' } }),
  play: async ({ canvasElement }) => {
    const host = await submitDialog(canvasElement);
    await until(() => inShadow(host, '[part="error"]'));
  },
};

/**
 * The review started: the dialog closed and the button says a review is running. Its own fake BFF, which
 * remembers the start, so the other stories still offer one (shown again, the story finds it running).
 */
export const Started: Story = {
  parameters: mock(),
  play: async ({ canvasElement }) => {
    const { host, part } = await rendered(canvasElement, 'xecm-start-review', '[part="button"]');
    await until(() => part.getAttribute('aria-disabled') === 'false' || inShadow(host, '[part="reason"]'));
    if (inShadow(host, '[part="reason"]')) return;
    await submitDialog(canvasElement);
    await until(() => inShadow(host, '[part="reason"]'));
  },
};

export const RightToLeft: Story = { args: { dir: 'rtl' }, ...withDialog };
export const Dark: Story = { args: { theme: 'dark' }, ...withDialog };
/** The button only (the other locale stories open the dialog). */
export const GermanButton: Story = { args: { locale: 'de' } };
export const German: Story = { args: { locale: 'de' }, ...withDialog };
export const French: Story = { args: { locale: 'fr' }, ...withDialog };
export const Spanish: Story = { args: { locale: 'es' }, ...withDialog };
export const Japanese: Story = { args: { locale: 'ja' }, ...withDialog };
export const PseudoLocale: Story = { args: { locale: 'en-XA' }, ...withDialog };
