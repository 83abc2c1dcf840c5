import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../src/elements/base/define.js';
import { XecmProvider } from '../src/elements/provider/provider.component.js';
import { XecmWorkspaceCard } from '../src/elements/workspace-card/workspace-card.component.js';
import { fixtureWorkspace, hostileWorkspaces, workspacesPerApprovalState } from '../test/mocks/fixtures.js';
import {
  BFF_BASE,
  createWorkspaceMock,
  sampleWorkspace,
  workspaceScenarios,
} from '../test/mocks/workspace-handlers.js';
import { rendered, until } from './support/play.js';

// Registered here rather than by importing the registration modules: package.json `sideEffects`
// lists only dist/ files, so Vite would drop a bare side-effect import from src/.
define('xecm-provider', XecmProvider);
define('xecm-workspace-card', XecmWorkspaceCard);

interface Args {
  workspaceId?: string;
  system?: string;
  type?: string;
  boId?: string;
  layout: 'full' | 'compact';
  maxFields: number;
}

interface Frame {
  locale?: string;
  theme?: 'light' | 'dark';
  dir?: 'rtl';
}

/** Each story gets its own provider, hence its own client and cache: stories never share data. */
function frame(content: TemplateResult, { locale, theme, dir }: Frame = {}) {
  const dark = theme === 'dark' ? 'background:#0d1117;color:#e6edf3;' : '';
  return html`<xecm-provider bff-url=${BFF_BASE} locale=${ifDefined(locale)} theme=${ifDefined(theme)}>
    <div dir=${ifDefined(dir)} style="${dark}padding:1rem;max-inline-size:30rem;display:grid;gap:1rem">
      ${content}
    </div>
  </xecm-provider>`;
}

const card = (a: Partial<Args>) =>
  html`<xecm-workspace-card
    workspace-id=${ifDefined(a.workspaceId)}
    system=${ifDefined(a.system)}
    type=${ifDefined(a.type)}
    bo-id=${ifDefined(a.boId)}
    layout=${a.layout ?? nothing}
    max-fields=${a.maxFields ?? nothing}
  ></xecm-workspace-card>`;

const meta: Meta<Args> = {
  title: 'Elements/Workspace card',
  component: 'xecm-workspace-card',
  args: { system: 'crm', type: 'account', boId: 'A-1001', layout: 'full', maxFields: 4 },
  argTypes: {
    layout: { control: 'inline-radio', options: ['full', 'compact'] },
    maxFields: { control: { type: 'number', min: 0, max: 10 } },
  },
  parameters: { msw: { handlers: workspaceScenarios.ready() }, docs: { story: { height: '420px' } } },
  render: (args) => frame(card(args)),
};
export default meta;
type Story = StoryObj<Args>;

export const Ready: Story = {};

export const Compact: Story = { args: { layout: 'compact' } };

export const ByWorkspaceId: Story = {
  args: { workspaceId: '2002', system: undefined, type: undefined, boId: undefined },
};

export const Loading: Story = { parameters: { msw: { handlers: workspaceScenarios.loading() } } };

export const NotFoundMayCreate: Story = {
  args: { boId: 'A-9999' },
  parameters: { msw: { handlers: workspaceScenarios.notFound(true) } },
};

export const NotFoundMayNotCreate: Story = {
  args: { boId: 'A-9999' },
  parameters: { msw: { handlers: workspaceScenarios.notFound(false) } },
};

export const Forbidden: Story = { parameters: { msw: { handlers: workspaceScenarios.forbidden() } } };

/** The first request fails; Retry succeeds. */
export const ErrorThenRetry: Story = {
  parameters: { msw: { handlers: workspaceScenarios.errorThenReady() } },
};

export const ServerError: Story = { parameters: { msw: { handlers: workspaceScenarios.error() } } };

export const MalformedResponse: Story = { parameters: { msw: { handlers: workspaceScenarios.malformed() } } };

export const Offline: Story = { parameters: { msw: { handlers: workspaceScenarios.network() } } };

/** The BFF answers 401 and no new token comes: "Your session has ended. Sign in again." */
export const SessionEnded: Story = { parameters: { msw: { handlers: workspaceScenarios.sessionEnded() } } };

/** The BFF is up, Extended ECM is not (503 `upstream-unavailable`). */
export const ExtendedEcmUnavailable: Story = {
  parameters: { msw: { handlers: workspaceScenarios.upstreamUnavailable() } },
};

export const RateLimited: Story = { parameters: { msw: { handlers: workspaceScenarios.rateLimited() } } };

/** A `workspace-id` that does not exist (404 `not-found`): no create action, since there is no record. */
export const NotFoundById: Story = {
  args: { workspaceId: '2999', system: undefined, type: undefined, boId: undefined },
};

/** Neither `workspace-id` nor a business object. */
export const NoTarget: Story = {
  args: { system: undefined, type: undefined, boId: undefined },
};

/** A new workspace: no documents, no key fields, no approval. */
export const EmptyWorkspace: Story = {
  args: { workspaceId: '2950', system: undefined, type: undefined, boId: undefined },
  parameters: {
    msw: {
      handlers: workspaceScenarios.ready([
        sampleWorkspace({
          id: '2950',
          name: 'Northwind Traders',
          metadata: [],
          documentCount: 0,
          approval: { state: 'none' },
        }),
      ]),
    },
  },
};

/** Clicks "Create workspace" in a not-found card. */
async function clickCreate(canvasElement: HTMLElement): Promise<HTMLElement> {
  const { host, part } = await rendered(canvasElement, 'xecm-workspace-card', '[part="create-button"]');
  part.click();
  return host;
}

/** "Create workspace" was clicked and the request has not answered yet. */
export const Creating: Story = {
  args: { boId: 'A-9999' },
  parameters: {
    msw: {
      handlers: createWorkspaceMock({ mode: 'not-found', createDelayMs: 'infinite' }).handlers,
    },
  },
  play: async ({ canvasElement }) => {
    const host = await clickCreate(canvasElement);
    await until(() => host.shadowRoot?.querySelector('[part="create-button"][aria-disabled="true"]'));
  },
};

/** The create request failed (502): an alert, and the button again. */
export const CreateFailed: Story = {
  args: { boId: 'A-9999' },
  parameters: {
    msw: { handlers: createWorkspaceMock({ mode: 'not-found', createFailsWith: 502 }).handlers },
  },
  play: async ({ canvasElement }) => {
    const host = await clickCreate(canvasElement);
    await until(() => host.shadowRoot?.querySelector('[role="alert"]'));
  },
};

/** "Create workspace" succeeded: the card shows the new, empty workspace. */
export const Created: Story = {
  args: { boId: 'A-9999' },
  parameters: { msw: { handlers: createWorkspaceMock({ mode: 'not-found' }).handlers } },
  play: async ({ canvasElement }) => {
    const host = await clickCreate(canvasElement);
    await until(() => host.shadowRoot?.querySelector('[part="link"]'));
  },
};

export const ManyMetadataFields: Story = {
  args: { workspaceId: '2900', system: undefined, type: undefined, boId: undefined, maxFields: 8 },
  parameters: {
    msw: {
      handlers: workspaceScenarios.ready([
        sampleWorkspace({
          id: '2900',
          metadata: Array.from({ length: 12 }, (_, i) => ({
            key: `f${i}`,
            label: `Field ${i + 1}`,
            value: i % 3 === 0 ? 'A rather long value that has to wrap inside its column' : `Value ${i + 1}`,
          })),
        }),
      ]),
    },
  },
};

const hostile = [
  ...hostileWorkspaces(),
  fixtureWorkspace(120, { name: 'N'.repeat(500), url: 'javascript:alert(1)' }),
];

/** Hostile names and values render as inert text; long names wrap (full) or end in an ellipsis (compact). */
export const LongAndHostileNames: Story = {
  parameters: { msw: { handlers: workspaceScenarios.ready(hostile) } },
  render: (args) =>
    frame(
      html`${hostile.map((ws) => card({ workspaceId: ws.id, layout: 'full', maxFields: args.maxFields }))}
      ${hostile.map((ws) => card({ workspaceId: ws.id, layout: 'compact' }))}`,
    ),
};

const perState = workspacesPerApprovalState();

export const EachApprovalState: Story = {
  parameters: { msw: { handlers: workspaceScenarios.ready(perState) } },
  render: (args) => frame(html`${perState.map((ws) => card({ workspaceId: ws.id, layout: args.layout }))}`),
};

export const CompactList: Story = {
  ...EachApprovalState,
  args: { layout: 'compact' },
};

export const RightToLeft: Story = {
  parameters: { msw: { handlers: workspaceScenarios.ready() } },
  render: (args) =>
    frame(html`${card(args)}${card({ ...args, layout: 'compact' })}`, { dir: 'rtl', locale: 'en' }),
};

export const Dark: Story = {
  parameters: { msw: { handlers: workspaceScenarios.ready(perState) } },
  render: () =>
    frame(
      html`${perState.slice(0, 3).map((ws) => card({ workspaceId: ws.id }))}${card({ workspaceId: '7004', layout: 'compact' })}`,
      {
        theme: 'dark',
      },
    ),
};

export const DarkNotFound: Story = {
  ...NotFoundMayCreate,
  render: (args) => frame(card(args), { theme: 'dark' }),
};

const inLocale = (locale: string): Story => ({
  render: (args) => frame(html`${card(args)}${card({ ...args, layout: 'compact' })}`, { locale }),
});

export const German = inLocale('de');
export const French = inLocale('fr');
export const Spanish = inLocale('es');
export const Japanese = inLocale('ja');
export const PseudoLocale = inLocale('en-XA');

export const GermanNotFound: Story = {
  ...NotFoundMayCreate,
  render: (args) => frame(card(args), { locale: 'de' }),
};

const many = Array.from({ length: 50 }, (_, i) =>
  fixtureWorkspace(i + 1, { approval: perState[i % 5]!.approval }),
);

/** Fifty compact cards (e.g. a CRM list): one `lookup:batch` request loads them all. */
export const Many: Story = {
  parameters: { msw: { handlers: workspaceScenarios.ready(many) } },
  render: () => frame(html`${many.map((ws) => card({ workspaceId: ws.id, layout: 'compact' }))}`),
};
