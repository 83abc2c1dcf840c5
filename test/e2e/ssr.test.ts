// Every element renders on the server with @lit-labs/ssr (Lit's Node build brings a DOM shim): no DOM
// access in constructors or first render, declarative shadow DOM in the output.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, type TemplateResult } from 'lit';
import type { ELEMENTS } from '../../src/elements/register-all.js';
import { registerAll } from '../../src/elements/register-all.js';

registerAll();

const ssr = (template: TemplateResult) => collectResult(render(template));

const CASES: Record<keyof typeof ELEMENTS, TemplateResult> = {
  provider: html`<xecm-provider bff-url="/bff" locale="de" theme="dark"><p>inside</p></xecm-provider>`,
  'workspace-card': html`<xecm-workspace-card
    system="crm"
    type="account"
    bo-id="A-1001"
  ></xecm-workspace-card>`,
  'document-list': html`<xecm-document-list workspace-id="7001"></xecm-document-list>`,
  'approval-badge': html`<xecm-approval-badge state="approved"></xecm-approval-badge>`,
  'start-review': html`<xecm-start-review target-kind="workspace" target-id="7001"></xecm-start-review>`,
};

describe('server-side rendering', () => {
  for (const [name, template] of Object.entries(CASES)) {
    it(`renders <xecm-${name}> with a declarative shadow root`, async () => {
      const out = await ssr(template);
      assert.match(
        out,
        new RegExp(`<xecm-${name}[^>]*>\\s*(<!--[^>]*-->\\s*)*<template shadowroot(mode)?="open"`),
      );
    });
  }

  it('renders an approval state as text on the server', async () => {
    const out = await ssr(html`<xecm-approval-badge state="rejected"></xecm-approval-badge>`);
    assert.match(out, /Rejected/);
  });

  it('renders elements nested in a provider', async () => {
    const out = await ssr(
      html`<xecm-provider bff-url="/bff" locale="fr">
        <xecm-workspace-card workspace-id="7001"></xecm-workspace-card>
        <xecm-approval-badge state="approved"></xecm-approval-badge>
      </xecm-provider>`,
    );
    for (const tag of ['xecm-provider', 'xecm-workspace-card', 'xecm-approval-badge']) {
      assert.match(
        out,
        new RegExp(`<${tag}[^>]*>\\s*(<!--[^>]*-->\\s*)*<template shadowroot(mode)?="open"`),
        tag,
      );
    }
    assert.match(out, /lang="fr"/);
  });
});
