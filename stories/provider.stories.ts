import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { XecmApprovalBadge } from '../src/elements/approval-badge/approval-badge.component.js';
import { define } from '../src/elements/base/define.js';
import { XecmProvider } from '../src/elements/provider/provider.component.js';
import { XecmWorkspaceCard } from '../src/elements/workspace-card/workspace-card.component.js';
import { fixtureWorkspace, workspacesPerApprovalState } from '../test/mocks/fixtures.js';
import { createWorkspaceMock } from '../test/mocks/workspace-handlers.js';

// Registered here rather than by importing the registration modules: package.json `sideEffects`
// lists only dist/ files, so Vite drops a bare side-effect import from src/ (this story showed
// undefined elements when opened first).
define('xecm-provider', XecmProvider);
define('xecm-approval-badge', XecmApprovalBadge);
define('xecm-workspace-card', XecmWorkspaceCard);

interface Args {
  locale?: string;
  theme?: 'auto' | 'light' | 'dark';
}

const workspaces = workspacesPerApprovalState();

const meta: Meta<Args> = {
  title: 'Elements/Provider',
  component: 'xecm-provider',
  args: { locale: 'en', theme: 'auto' },
  argTypes: {
    locale: { control: 'select', options: ['en', 'de', 'fr', 'es', 'ja', 'en-XA'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  render: ({ locale, theme }) => html`
    <xecm-provider bff-url="/bff" locale=${ifDefined(locale)} theme=${ifDefined(theme)}>
      <div style="display:grid;gap:.75rem;max-width:28rem">
        ${workspaces.map((ws) => html`<xecm-workspace-card workspace-id=${ws.id}></xecm-workspace-card>`)}
      </div>
    </xecm-provider>
  `,
  parameters: {
    msw: { handlers: createWorkspaceMock({ workspaces }).handlers },
    docs: { story: { height: '640px' } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** One provider gives five cards one client: they load with a single batch request. */
export const SharedClient: Story = {};

export const German: Story = { args: { locale: 'de' } };
export const French: Story = { args: { locale: 'fr' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Japanese: Story = { args: { locale: 'ja' } };
export const PseudoLocale: Story = { args: { locale: 'en-XA' } };
export const Dark: Story = { args: { theme: 'dark' } };

/** Inner providers override only what they set: locale and theme per subtree, the client from outside. */
export const NestedScopes: Story = {
  render: () => html`
    <xecm-provider bff-url="/bff" locale="en">
      <div style="display:grid;gap:1rem">
        ${(['en', 'de', 'fr', 'es', 'ja'] as const).map(
          (locale, i) => html`
            <xecm-provider locale=${locale} theme=${i % 2 ? 'dark' : 'light'}>
              <div
                style="display:flex;gap:.5rem;align-items:center;padding:.5rem;background:light-dark(#fff,#0d1117);color-scheme:inherit"
              >
                <code style="color:light-dark(#1f2328,#e6edf3)">${locale}</code>
                <xecm-approval-badge state="approved"></xecm-approval-badge>
                <xecm-approval-badge state="in-review" step="Legal review"></xecm-approval-badge>
                <xecm-approval-badge state="rejected"></xecm-approval-badge>
              </div>
            </xecm-provider>
          `,
        )}
      </div>
    </xecm-provider>
  `,
};

export const RightToLeft: Story = {
  render: ({ locale, theme }) => html`
    <div dir="rtl">
      <xecm-provider bff-url="/bff" locale=${ifDefined(locale)} theme=${ifDefined(theme)}>
        <xecm-workspace-card workspace-id=${workspaces[2]!.id}></xecm-workspace-card>
      </xecm-provider>
    </div>
  `,
};

const many = Array.from({ length: 50 }, (_, i) => fixtureWorkspace(i + 1));

/** Fifty compact cards under one provider: one `lookup:batch` request loads them all. */
export const ManyCards: Story = {
  parameters: { msw: { handlers: createWorkspaceMock({ workspaces: many }).handlers } },
  render: ({ locale, theme }) => html`
    <xecm-provider bff-url="/bff" locale=${ifDefined(locale)} theme=${ifDefined(theme)}>
      <div style="display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))">
        ${many.map(
          (ws) => html`<xecm-workspace-card workspace-id=${ws.id} layout="compact"></xecm-workspace-card>`,
        )}
      </div>
    </xecm-provider>
  `,
};
