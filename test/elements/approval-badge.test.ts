import { aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { APPROVAL_STATES } from '../../src/contract/index.js';
import { sendKeys } from '@web/test-runner-commands';
import { BffClient } from '../../src/client/index.js';
import '../../src/elements/approval-badge/approval-badge.js';
import '../../src/elements/provider/provider.js';
import type { XecmApprovalBadge } from '../../src/elements/approval-badge/approval-badge.component.js';
import { useHandlers } from '../mocks/server-setup.js';
import {
  BFF_BASE,
  createWorkspaceMock,
  sampleDocument,
  sampleWorkspace,
} from '../mocks/workspace-handlers.js';

/** Generous: lazy locale chunks and a loaded shared runner can take seconds. */
const WAIT = { timeout: 5000 };

const base = (el: XecmApprovalBadge) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const label = (el: XecmApprovalBadge) => base(el).getAttribute('aria-label');
const ready = (el: XecmApprovalBadge) =>
  waitUntil(() => base(el)?.dataset.status !== 'loading', 'badge never loaded', WAIT);

describe('<xecm-approval-badge> with a host-supplied state', () => {
  for (const state of APPROVAL_STATES) {
    it(`shows ${state} as icon plus text, reflects it and is accessible`, async () => {
      const el = await fixture<XecmApprovalBadge>(
        html`<xecm-approval-badge state=${state}></xecm-approval-badge>`,
      );
      expect(el.getAttribute('state')).to.equal(state);
      const icon = el.shadowRoot!.querySelector('svg[part="icon"]')!;
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      const text = el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
      expect(text).to.not.equal('');
      expect(label(el)).to.equal(text);
      await expect(el).to.be.accessible();
    });
  }

  it('gives every state its own icon and text (never colour alone)', async () => {
    const seen = new Set<string>();
    for (const state of APPROVAL_STATES) {
      const el = await fixture<XecmApprovalBadge>(
        html`<xecm-approval-badge state=${state}></xecm-approval-badge>`,
      );
      seen.add(el.shadowRoot!.querySelector('svg[part="icon"]')!.innerHTML + '|' + label(el));
    }
    expect(seen.size).to.equal(APPROVAL_STATES.length);
  });

  it('defaults to "none" and reflects property changes to the attribute', async () => {
    const el = await fixture<XecmApprovalBadge>(html`<xecm-approval-badge></xecm-approval-badge>`);
    expect(el.getAttribute('state')).to.equal('none');
    el.state = 'rejected';
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('rejected');
    expect(label(el)).to.equal('Rejected');
  });

  it('puts the current step into the text and the accessible label while in review', async () => {
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge state="in-review" step="Legal review"></xecm-approval-badge>`,
    );
    expect(label(el)).to.equal('In review: Legal review');
    expect(el.shadowRoot!.querySelector('[part="step"]')!.textContent).to.equal('Legal review');
    await expect(el).to.be.accessible();
  });

  it('ignores a step outside of a review', async () => {
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge state="approved" step="Legal review"></xecm-approval-badge>`,
    );
    expect(label(el)).to.equal('Approved');
    expect(el.shadowRoot!.querySelector('[part="step"]')).to.equal(null);
  });

  it('warns about an invalid state and shows "none"', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = await fixture<XecmApprovalBadge>(
        html`<xecm-approval-badge state="bogus"></xecm-approval-badge>`,
      );
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('none');
      // Warnings come from a module development builds load on demand: a moment after the update.
      await waitUntil(
        () =>
          warnings
            .map((w) => w.join(' '))
            .join('\n')
            .includes('state="bogus"'),
        'no warning about the invalid state',
      );
    } finally {
      console.warn = original;
    }
  });

  it('renders a hostile step as inert text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">\u202Eevil';
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge state="in-review" .step=${hostile}></xecm-approval-badge>`,
    );
    const step = el.shadowRoot!.querySelector('[part="step"]')!;
    // Shown as text, without the right-to-left override that would reverse "evil".
    expect(step.textContent).to.equal('<img src=x onerror="window.__pwned=1">evil');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('switches language at runtime with the lang attribute', async () => {
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge state="approved"></xecm-approval-badge>`,
    );
    expect(label(el)).to.equal('Approved');
    for (const [lang, text] of [
      ['de', 'Freigegeben'],
      ['fr', 'Approuvé'],
      ['es', 'Aprobado'],
      ['ja', '承認済み'],
    ] as const) {
      el.setAttribute('lang', lang);
      // Locales other than English load on first use; the badge re-renders when they arrive.
      await waitUntil(() => label(el) === text, `${lang}: ${label(el)}`, WAIT);
    }
  });
});

describe('<xecm-approval-badge> loading its state', () => {
  const client = () => new BffClient({ baseUrl: BFF_BASE });

  it('shows a busy placeholder, then the workspace state, and fires xecm-load once', async () => {
    const mock = createWorkspaceMock({
      workspaces: [sampleWorkspace({ id: '7001', approval: { state: 'in-review', step: 'Final approval' } })],
      delayMs: 50,
    });
    useHandlers(...mock.handlers);
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge workspace-id="7001" .client=${client()}></xecm-approval-badge>`,
    );
    expect(base(el).getAttribute('aria-busy')).to.equal('true');
    expect(el.hasAttribute('state')).to.equal(false);
    await expect(el).to.be.accessible();
    let loads = 0;
    el.addEventListener('xecm-load', () => loads++);
    await ready(el);
    expect(el.getAttribute('state')).to.equal('in-review');
    expect(label(el)).to.equal('In review: Final approval');
    await aTimeout(20);
    expect(loads).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('loads a document state with document-id', async () => {
    const mock = createWorkspaceMock({ documents: [sampleDocument('8001', { state: 'rejected' })] });
    useHandlers(...mock.handlers);
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge document-id="8001" .client=${client()}></xecm-approval-badge>`,
    );
    await ready(el);
    expect(el.getAttribute('state')).to.equal('rejected');
    expect(mock.count('/v1/documents/8001')).to.equal(1);
  });

  it('shows "unavailable" (not a stale state) and fires xecm-error on a server error', async () => {
    const mock = createWorkspaceMock({ mode: 'error' });
    useHandlers(...mock.handlers);
    const el = document.createElement('xecm-approval-badge');
    el.client = client();
    el.workspaceId = '2001';
    const failed = oneEvent(el, 'xecm-error');
    document.body.append(el);
    try {
      const event = await failed;
      expect(event.detail.code).to.equal('internal');
      expect(event.detail.status).to.equal(500);
      await el.updateComplete;
      expect(base(el).dataset.status).to.equal('error');
      expect(label(el)).to.equal('Approval status unavailable');
      expect(el.hasAttribute('state')).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('offers a labelled retry button after a failure; Enter reloads and keeps focus in the badge', async () => {
    const mock = createWorkspaceMock({
      workspaces: [sampleWorkspace({ id: '7004', approval: { state: 'approved' } })],
      failFirst: 1,
    });
    useHandlers(...mock.handlers);
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge workspace-id="7004" .client=${client()}></xecm-approval-badge>`,
    );
    await ready(el);
    expect(base(el).dataset.status).to.equal('error');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="retry-button"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry');
    const box = retry.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
    await expect(el).to.be.accessible();
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.getAttribute('state') === 'approved', 'retry did not reload', WAIT);
    await el.updateComplete;
    expect(label(el)).to.equal('Approved');
    expect(el.shadowRoot!.activeElement).to.equal(base(el));
    await expect(el).to.be.accessible();
  });

  it('loads again by itself when the window regains focus after a failure', async () => {
    const mock = createWorkspaceMock({
      workspaces: [sampleWorkspace({ id: '7005', approval: { state: 'draft' } })],
      mode: 'error',
    });
    useHandlers(...mock.handlers);
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge workspace-id="7005" .client=${client()}></xecm-approval-badge>`,
    );
    await ready(el);
    expect(base(el).dataset.status).to.equal('error');
    mock.setMode('ready');
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => el.getAttribute('state') === 'draft', 'badge did not recover', WAIT);
    // A loaded badge does not reload on focus.
    const before = mock.count();
    window.dispatchEvent(new Event('focus'));
    await aTimeout(50);
    expect(mock.count()).to.equal(before);
  });

  it('says the session has ended when the token provider cannot give a token', async () => {
    useHandlers(...createWorkspaceMock().handlers);
    const signedOut = new BffClient({
      baseUrl: BFF_BASE,
      tokenProvider: () => {
        throw new Error('token endpoint answered 401');
      },
    });
    const el = document.createElement('xecm-approval-badge');
    el.client = signedOut;
    el.workspaceId = '2001';
    const failed = oneEvent(el, 'xecm-error');
    document.body.append(el);
    try {
      const event = await failed;
      expect(event.detail.code).to.equal('unauthenticated');
      expect(event.detail.message).to.contain('Your session has ended.');
      await el.updateComplete;
      expect(label(el)).to.contain('Approval status unavailable');
      expect(label(el)).to.contain('Your session has ended.');
    } finally {
      el.remove();
    }
  });

  it('repaints with new data after client.invalidate of its cache key', async () => {
    const mock = createWorkspaceMock({
      workspaces: [sampleWorkspace({ id: '7002', approval: { state: 'draft' } })],
    });
    useHandlers(...mock.handlers);
    const bff = client();
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge workspace-id="7002" .client=${bff}></xecm-approval-badge>`,
    );
    await ready(el);
    expect(el.getAttribute('state')).to.equal('draft');
    mock.upsert(sampleWorkspace({ id: '7002', approval: { state: 'approved' } }));
    bff.invalidate('workspace:7002');
    await waitUntil(() => el.getAttribute('state') === 'approved', 'badge did not repaint', WAIT);
    expect(label(el)).to.equal('Approved');
  });

  it('does not repaint for another workspace’s invalidation', async () => {
    const mock = createWorkspaceMock({
      workspaces: [sampleWorkspace({ id: '7003', approval: { state: 'draft' } })],
    });
    useHandlers(...mock.handlers);
    const bff = client();
    const el = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge workspace-id="7003" .client=${bff}></xecm-approval-badge>`,
    );
    await ready(el);
    const before = mock.count();
    bff.invalidate('workspace:9999');
    await aTimeout(50);
    expect(mock.count()).to.equal(before);
  });

  it('gets its client from <xecm-provider>', async () => {
    const mock = createWorkspaceMock();
    useHandlers(...mock.handlers);
    const provider = await fixture(
      html`<xecm-provider bff-url=${BFF_BASE}
        ><xecm-approval-badge workspace-id="2003"></xecm-approval-badge
      ></xecm-provider>`,
    );
    const el = provider.querySelector('xecm-approval-badge')!;
    await ready(el);
    expect(el.getAttribute('state')).to.equal('draft');
  });
});

describe('<xecm-approval-badge> theme', () => {
  const background = (el: XecmApprovalBadge) => getComputedStyle(base(el)).backgroundColor;

  it('uses the dark palette under <xecm-provider theme="dark"> and the light one under theme="light"', async () => {
    // fixtureSync: fixture() waits for an animation frame on plain wrappers, which a background tab
    // (parallel test files) may never get.
    const wrapper = fixtureSync<HTMLElement>(
      html`<div>
        <xecm-provider theme="light"
          ><xecm-approval-badge state="approved"></xecm-approval-badge
        ></xecm-provider>
        <xecm-provider theme="dark"
          ><xecm-approval-badge state="approved"></xecm-approval-badge
        ></xecm-provider>
      </div>`,
    );
    const [light, dark] = [...wrapper.querySelectorAll('xecm-approval-badge')];
    await Promise.all([light!.updateComplete, dark!.updateComplete]);
    expect(background(light!)).to.equal('rgb(220, 252, 231)');
    expect(background(dark!)).to.equal('rgb(20, 83, 45)');
  });
});
