import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { APPROVAL_STATES, type Approval, type ApprovalState } from '../src/contract/index.js';
import { define } from '../src/elements/base/define.js';
import { XecmProvider } from '../src/elements/provider/provider.component.js';
import { XecmApprovalBadge } from '../src/elements/approval-badge/approval-badge.component.js';
import { fixtureWorkspace, HOSTILE_STRINGS, APPROVAL_FIXTURES } from '../test/mocks/fixtures.js';
import { createLiveMock } from '../test/mocks/live-handlers.js';
import {
  BFF_BASE,
  createWorkspaceMock,
  sampleDocument,
  sampleWorkspace,
  workspaceScenarios,
} from '../test/mocks/workspace-handlers.js';

// Registered here rather than by importing the registration modules: package.json `sideEffects`
// lists only dist/ files, so Vite would drop a bare side-effect import from src/.
define('xecm-provider', XecmProvider);
define('xecm-approval-badge', XecmApprovalBadge);

interface Args {
  state?: ApprovalState;
  step?: string;
  workspaceId?: string;
  documentId?: string;
}

function frame(content: TemplateResult, opts: { locale?: string; theme?: 'dark'; dir?: 'rtl' } = {}) {
  const dark = opts.theme === 'dark' ? 'background:#0d1117;color:#e6edf3;' : '';
  return html`<xecm-provider
    bff-url=${BFF_BASE}
    locale=${ifDefined(opts.locale)}
    theme=${ifDefined(opts.theme)}
  >
    <div
      dir=${ifDefined(opts.dir)}
      style="${dark}padding:1rem;display:flex;flex-wrap:wrap;gap:.75rem;align-items:center"
    >
      ${content}
    </div>
  </xecm-provider>`;
}

const badge = (a: Args) =>
  html`<xecm-approval-badge
    state=${ifDefined(a.state)}
    step=${ifDefined(a.step)}
    workspace-id=${ifDefined(a.workspaceId)}
    document-id=${ifDefined(a.documentId)}
  ></xecm-approval-badge>`;

const all = () =>
  html`${APPROVAL_STATES.map((state) =>
    badge({ state, ...(state === 'in-review' ? { step: 'Legal review' } : {}) }),
  )}`;

const meta: Meta<Args> = {
  title: 'Elements/Approval badge',
  component: 'xecm-approval-badge',
  args: { state: 'approved' },
  argTypes: {
    state: { control: 'select', options: APPROVAL_STATES },
    step: { control: 'text' },
  },
  render: (args) => frame(badge(args)),
  parameters: { docs: { story: { height: '200px' } } },
};
export default meta;
type Story = StoryObj<Args>;

export const None: Story = { args: { state: 'none' } };
export const Draft: Story = { args: { state: 'draft' } };
export const InReview: Story = { args: { state: 'in-review', step: 'Legal review' } };
export const Approved: Story = { args: { state: 'approved' } };
export const Rejected: Story = { args: { state: 'rejected' } };

export const AllStates: Story = { render: () => frame(all()) };

/** Loads the state of workspace 2002 (in review, step "Legal review"). */
export const FromWorkspace: Story = {
  args: { state: undefined, workspaceId: '2002' },
  parameters: { msw: { handlers: workspaceScenarios.ready() } },
};

export const FromDocument: Story = {
  args: { state: undefined, documentId: '8100' },
  parameters: {
    msw: {
      handlers: createWorkspaceMock({ documents: [sampleDocument('8100', { state: 'rejected' })] }).handlers,
    },
  },
};

export const Loading: Story = {
  args: { state: undefined, workspaceId: '2001' },
  parameters: { msw: { handlers: workspaceScenarios.loading() } },
};

export const Unavailable: Story = {
  args: { state: undefined, workspaceId: '2001' },
  parameters: { msw: { handlers: workspaceScenarios.error() } },
};

/** The first load fails; the Retry button (or coming back to the tab) loads the state. */
export const UnavailableThenRetry: Story = {
  args: { state: undefined, workspaceId: '2001' },
  parameters: { msw: { handlers: createWorkspaceMock({ failFirst: 1 }).handlers } },
};

/** A document id the BFF does not know (404). */
export const NotFound: Story = {
  args: { state: undefined, documentId: '8999' },
  parameters: { msw: { handlers: createWorkspaceMock({ documents: [] }).handlers } },
};

export const Forbidden: Story = {
  args: { state: undefined, workspaceId: '2001' },
  parameters: { msw: { handlers: workspaceScenarios.forbidden() } },
};

/** The BFF answers 401 and no new token comes: the cause is part of the label. */
export const SessionEnded: Story = {
  args: { state: undefined, workspaceId: '2001' },
  parameters: { msw: { handlers: workspaceScenarios.sessionEnded() } },
};

const manyWorkspaces = Array.from({ length: 100 }, (_, i) =>
  fixtureWorkspace(i + 1, {
    approval: APPROVAL_FIXTURES[APPROVAL_STATES[i % APPROVAL_STATES.length]!],
  }),
);

/** A hundred badges loading their own state: one `lookup:batch` request answers them all. */
export const Many: Story = {
  parameters: {
    msw: { handlers: workspaceScenarios.ready(manyWorkspaces) },
    docs: { story: { height: '640px' } },
  },
  render: () => frame(html`${manyWorkspaces.map((ws) => badge({ workspaceId: ws.id }))}`),
};

export const LongAndHostileStep: Story = {
  render: () =>
    frame(
      html`${Object.values(HOSTILE_STRINGS).map((step) => badge({ state: 'in-review', step }))}
        <div style="inline-size:12rem">
          ${badge({ state: 'in-review', step: 'A very long workflow step name '.repeat(5) })}
        </div>`,
    ),
};

export const Dark: Story = { render: () => frame(all(), { theme: 'dark' }) };

export const RightToLeft: Story = { render: () => frame(all(), { dir: 'rtl' }) };

const inLocale = (locale: string): Story => ({ render: () => frame(all(), { locale }) });
export const German = inLocale('de');
export const French = inLocale('fr');
export const Spanish = inLocale('es');
export const Japanese = inLocale('ja');
export const PseudoLocale = inLocale('en-XA');

/** Data from the workspace list: what the card embeds (no request of its own). */
export const InsideHostMarkup: Story = {
  parameters: {
    msw: {
      handlers: workspaceScenarios.ready([sampleWorkspace({ id: '2500', approval: { state: 'draft' } })]),
    },
  },
  render: () => frame(html`<p style="margin:0">Contract status: ${badge({ workspaceId: '2500' })}</p>`),
};

const liveWorkspace = sampleWorkspace({ id: '2600', approval: { state: 'draft' } });
const liveBff = createWorkspaceMock({ workspaces: [liveWorkspace] });
const live = createLiveMock();
let liveStep = 0;

/** What xECM does next when the button is pressed: the workflow moves on, the BFF pushes an event. */
function advanceWorkflow(): void {
  const next: Approval[] = [
    { state: 'in-review', step: 'Legal review' },
    { state: 'in-review', step: 'Final approval' },
    { state: 'approved' },
    { state: 'rejected' },
    { state: 'draft' },
  ];
  const approval = next[liveStep++ % next.length]!;
  liveBff.upsert({ ...liveWorkspace, approval });
  live.push({
    id: `evt-${liveStep}`,
    type: approval.state === 'in-review' ? 'review.step-changed' : 'workspace.updated',
    occurredAt: new Date().toISOString(),
    workspaceId: liveWorkspace.id,
    data: { state: approval.state },
  });
}

/**
 * Live update: each press changes the workspace in the fake xECM and pushes an event over the live stream
 * (`/v1/events`), as the BFF does; the badge repaints by itself, without a reload.
 */
export const LiveUpdate: Story = {
  parameters: { msw: { handlers: [...live.handlers, ...liveBff.handlers] } },
  render: () =>
    frame(
      html`${badge({ workspaceId: liveWorkspace.id })}
        <button type="button" @click=${advanceWorkflow}>Advance the workflow in Extended ECM</button>`,
    ),
};
