import { aTimeout, expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BffClient } from '../../src/client/index.js';
import '../../src/elements/workspace-card/workspace-card.js';
import '../../src/elements/provider/provider.js';
import type { XecmProvider } from '../../src/elements/provider/provider.component.js';
import type { XecmWorkspaceCard } from '../../src/elements/workspace-card/workspace-card.component.js';
import type { XecmApprovalBadge } from '../../src/elements/approval-badge/approval-badge.component.js';
import { useHandlers } from '../mocks/server-setup.js';
import {
  BFF_BASE,
  createWorkspaceMock,
  sampleWorkspace,
  type WorkspaceMockOptions,
} from '../mocks/workspace-handlers.js';

/** Generous: lazy locale chunks and a loaded shared runner can take seconds. */
const WAIT = { timeout: 5000 };

const $ = <T extends Element = HTMLElement>(el: XecmWorkspaceCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const loaded = (el: XecmWorkspaceCard) =>
  waitUntil(() => $(el, '[part~="footer"]') && !$(el, '[aria-busy="true"]'), 'card never became ready', WAIT);

function mockBff(options: WorkspaceMockOptions = {}) {
  const mock = createWorkspaceMock(options);
  useHandlers(...mock.handlers);
  return { mock, client: new BffClient({ baseUrl: BFF_BASE }) };
}

async function card(template: ReturnType<typeof html>) {
  const el = await fixture<XecmWorkspaceCard>(template);
  await loaded(el);
  return el;
}

function captureWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('<xecm-workspace-card> ready', () => {
  it('shows name, deep link, type, document count, approval, last update and metadata', async () => {
    const { client } = mockBff();
    const el = await card(
      html`<xecm-workspace-card
        system="crm"
        type="account"
        bo-id="A-1001"
        .client=${client}
      ></xecm-workspace-card>`,
    );
    const link = $<HTMLAnchorElement>(el, 'a[part~="link"]')!;
    expect($(el, '[part~="name"]')!.textContent).to.equal('Acme Corporation');
    expect(link.href).to.equal('https://xecm.example.com/app/nodes/2001');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.contain('(opens in a new tab)');
    expect(el.shadowRoot!.textContent).to.contain('Workspace type: Customer');
    expect($(el, '.count')!.textContent).to.equal('12 documents');
    const badge = $<XecmApprovalBadge>(el, 'xecm-approval-badge')!;
    expect(badge.getAttribute('state')).to.equal('approved');
    const time = $(el, 'time')!;
    expect($(el, '.updated')!.textContent).to.contain('Updated 3 days ago');
    expect(time.getAttribute('tabindex')).to.equal('0');
    expect(time.getAttribute('datetime')).to.equal(sampleWorkspace({ id: '2001' }).updatedAt);
    const exact = el.shadowRoot!.getElementById(time.getAttribute('aria-describedby')!)!;
    expect(exact.textContent).to.match(/^Last updated on .*2\d{3}/);
    const terms = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).to.deep.equal(['Account number', 'Owner', 'Region', 'Status']);
    await expect(el).to.be.accessible();
  });

  it('exposes its parts', async () => {
    const { client } = mockBff();
    const el = await card(
      html`<xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>`,
    );
    for (const part of ['base', 'header', 'icon', 'link', 'name', 'metadata', 'footer']) {
      expect($(el, `[part~="${part}"]`), part).to.not.equal(null);
    }
    expect($(el, 'xecm-approval-badge')!.getAttribute('exportparts')).to.contain('badge');
  });

  it('uses the state it already has for the badge: one request in all', async () => {
    const { mock, client } = mockBff();
    const el = await card(
      html`<xecm-workspace-card workspace-id="2002" .client=${client}></xecm-workspace-card>`,
    );
    const badge = $<XecmApprovalBadge>(el, 'xecm-approval-badge')!;
    await badge.updateComplete;
    expect(badge.getAttribute('state')).to.equal('in-review');
    expect(badge.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(
      'In review: Legal review',
    );
    expect(mock.count()).to.equal(1);
    expect($(el, '.count')!.textContent).to.equal('1 document');
  });

  it('reflects layout, hides metadata when compact, and shows at most max-fields fields', async () => {
    const { client } = mockBff();
    const el = await card(
      html`<xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>`,
    );
    expect(el.getAttribute('layout')).to.equal('full');
    el.maxFields = 2;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('dt').length).to.equal(2);
    el.setAttribute('max-fields', '0');
    await el.updateComplete;
    expect($(el, 'dl')).to.equal(null);
    el.maxFields = 4;
    el.layout = 'compact';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('compact');
    expect($(el, 'dl')).to.equal(null);
    expect($(el, '[part~="link"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes --xecm-card-gap from the host in both layouts', async () => {
    const { client } = mockBff();
    const el = await card(
      html`<xecm-workspace-card
        workspace-id="2001"
        style="--xecm-card-gap: 2rem"
        .client=${client}
      ></xecm-workspace-card>`,
    );
    const gap = () => getComputedStyle($(el, '.card')!).rowGap;
    expect(gap()).to.equal('32px');
    el.layout = 'compact';
    await el.updateComplete;
    expect(gap()).to.equal('32px');
    el.style.removeProperty('--xecm-card-gap');
    expect(gap()).to.equal('4px');
  });

  it('warns in development about invalid attribute values and falls back', async () => {
    const { client } = mockBff();
    const { warnings, restore } = captureWarnings();
    try {
      const el = await card(
        html`<xecm-workspace-card
          workspace-id="2001"
          system="crm"
          type="account"
          bo-id="A-1"
          layout="huge"
          max-fields="-3"
          .client=${client}
        ></xecm-workspace-card>`,
      );
      expect(el.getAttribute('layout')).to.equal('full');
      expect(el.maxFields).to.equal(4);
      // The warnings are a lazy chunk of development builds: on a cold, busy runner they may come later.
      await waitUntil(() => warnings.length >= 3, 'no development warnings');
      const text = warnings.join('\n');
      expect(text).to.contain('layout="huge"');
      expect(text).to.contain('max-fields="-3"');
      expect(text).to.contain('either workspace-id or system/type/bo-id');
      // workspace-id wins over the business object.
      expect($(el, '[part~="name"]')!.textContent).to.equal('Acme Corporation');
    } finally {
      restore();
    }
  });

  it('fires xecm-load once per load, not per render', async () => {
    const { client } = mockBff({ delayMs: 20 });
    let loads = 0;
    const el = await fixture<XecmWorkspaceCard>(
      html`<xecm-workspace-card
        workspace-id="2001"
        .client=${client}
        @xecm-load=${() => loads++}
      ></xecm-workspace-card>`,
    );
    await loaded(el);
    el.layout = 'compact';
    await el.updateComplete;
    el.layout = 'full';
    await el.updateComplete;
    await aTimeout(30);
    expect(loads).to.equal(1);
  });

  it('is operable by keyboard: Tab reaches the link, then the time with its exact-time tooltip', async () => {
    const { client } = mockBff();
    const before = document.createElement('button');
    before.textContent = 'before';
    const el = await card(
      html`<xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>`,
    );
    el.before(before);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('link');
      await sendKeys({ press: 'Tab' });
      const time = el.shadowRoot!.activeElement!;
      expect(time.localName).to.equal('time');
      // The exact time shows as a tooltip on keyboard focus, and Escape hides it again.
      const tooltip = $(el, '[role="tooltip"]')!;
      expect(tooltip.getBoundingClientRect().width).to.be.greaterThan(50);
      await sendKeys({ press: 'Escape' });
      expect(tooltip.getBoundingClientRect().width).to.be.below(2);
      expect(el.shadowRoot!.activeElement).to.equal(time);
    } finally {
      before.remove();
    }
  });

  it('repaints after client.invalidate, keeping the old data visible while it reloads', async () => {
    const { mock, client } = mockBff({ workspaces: [sampleWorkspace({ id: '2101', name: 'Old name' })] });
    const el = await card(
      html`<xecm-workspace-card workspace-id="2101" .client=${client}></xecm-workspace-card>`,
    );
    mock.upsert(sampleWorkspace({ id: '2101', name: 'New name', approval: { state: 'rejected' } }));
    client.invalidate('workspace:2101');
    await el.updateComplete;
    expect($(el, '[part~="name"]')!.textContent).to.equal('Old name');
    await waitUntil(() => $(el, '[part~="name"]')!.textContent === 'New name', 'card did not repaint', WAIT);
    const badge = $<XecmApprovalBadge>(el, 'xecm-approval-badge')!;
    await badge.updateComplete;
    expect(badge.getAttribute('state')).to.equal('rejected');
  });

  it('shows the latest target when its id changes while loading (no stale answer, one xecm-load)', async () => {
    const { client } = mockBff({ delayMs: 40 });
    let loads = 0;
    const el = await fixture<XecmWorkspaceCard>(
      html`<xecm-workspace-card
        workspace-id="2001"
        .client=${client}
        @xecm-load=${() => loads++}
      ></xecm-workspace-card>`,
    );
    el.workspaceId = '2003';
    await loaded(el);
    await aTimeout(80);
    expect($(el, '[part~="name"]')!.textContent).to.equal('Warranty claim 88-1234');
    expect(loads).to.equal(1);
  });

  it('renders 20 cards of one workspace with a single request', async function () {
    this.timeout(30_000); // twenty elements plus axe: slow on a loaded shared runner
    const { mock, client } = mockBff();
    // fixtureSync: fixture() waits for an animation frame on plain wrappers, which a background tab
    // (parallel test files) may never get.
    const wrapper = fixtureSync<HTMLElement>(
      html`<div>
        ${Array.from({ length: 20 }, () => html`<xecm-workspace-card system="crm" type="account" bo-id="A-1001" .client=${client}></xecm-workspace-card>`)}
      </div>`,
    );
    const cards = [...wrapper.querySelectorAll('xecm-workspace-card')];
    await Promise.all(cards.map(loaded));
    expect(mock.count()).to.equal(1);
    expect(cards.every((c) => $(c, '[part~="name"]')!.textContent === 'Acme Corporation')).to.equal(true);
  });
});

describe('<xecm-workspace-card> hostile data', () => {
  const hostile = ['<img src=x onerror="window.__pwned=1">', '\u202Egnp.exe Invoice', 'N'.repeat(500)];

  for (const name of hostile) {
    it(`renders ${JSON.stringify(name.slice(0, 24))}… as inert text`, async () => {
      const ws = sampleWorkspace({
        id: '2201',
        name,
        metadata: [{ key: 'x', label: name, value: name }],
      });
      const { client } = mockBff({ workspaces: [ws] });
      const el = await card(
        html`<xecm-workspace-card
          workspace-id="2201"
          .client=${client}
          style="width: 320px"
        ></xecm-workspace-card>`,
      );
      // As text; a right-to-left override is dropped ("\u202Egnp.exe Invoice" would show as "Invoice exe.png").
      const shown = name.replace('\u202E', '');
      expect($(el, '[part~="name"]')!.textContent).to.equal(shown);
      expect($(el, 'dt')!.textContent).to.equal(shown);
      expect($(el, 'dd')!.textContent).to.equal(shown);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      // Long names wrap inside the card instead of widening it.
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect($(el, '[part~="base"]')!.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  }

  it('does not turn a javascript: deep link into a link', async () => {
    const ws = sampleWorkspace({ id: '2202', url: 'javascript:window.__pwned=1' });
    const { client } = mockBff({ workspaces: [ws] });
    const el = await card(
      html`<xecm-workspace-card workspace-id="2202" .client=${client}></xecm-workspace-card>`,
    );
    expect($(el, 'a')).to.equal(null);
    expect($(el, '[part~="name"]')!.textContent).to.equal('Acme Corporation');
  });

  it('wraps a name between words, not inside one, on a phone-width card next to the badge', async () => {
    const names = ['Acme Corporation', 'Globex International Holdings', 'Initech Software Solutions'];
    for (const [i, name] of names.entries()) {
      const ws = sampleWorkspace({
        id: `230${i}`,
        name,
        approval: { state: 'in-review', step: 'Legal review' },
      });
      const { client } = mockBff({ workspaces: [ws] });
      for (const width of [280, 328, 360]) {
        const el = await card(
          html`<xecm-workspace-card
            workspace-id=${ws.id}
            .client=${client}
            style=${`width: ${width}px`}
          ></xecm-workspace-card>`,
        );
        await (el.shadowRoot!.querySelector('xecm-approval-badge') as XecmApprovalBadge).updateComplete;
        const text = [...$(el, '[part~="name"]')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!;
        const source = text.textContent!;
        // A word laid out on one line has one client rect; a word split across lines has two.
        let at = 0;
        for (const word of source.split(' ')) {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          at += word.length + 1;
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          expect(lines.size, `"${word}" of "${name}" at ${width}px`).to.equal(1);
        }
        expect(el.getBoundingClientRect().width).to.be.at.most(width);
        el.remove();
      }
    }
  });

  it('keeps a 500-character name on one line with an ellipsis when compact', async () => {
    const ws = sampleWorkspace({ id: '2203', name: 'W'.repeat(500) });
    const { client } = mockBff({ workspaces: [ws] });
    const el = await card(
      html`<xecm-workspace-card
        workspace-id="2203"
        layout="compact"
        .client=${client}
        style="width: 300px"
      ></xecm-workspace-card>`,
    );
    const name = $(el, '[part~="name"]')!;
    expect(getComputedStyle(name).textOverflow).to.equal('ellipsis');
    expect(name.getBoundingClientRect().height).to.be.below(40);
    expect(el.getBoundingClientRect().width).to.be.at.most(300);
  });
});

describe('<xecm-workspace-card> language', () => {
  it('switches its texts at runtime when the page language changes', async () => {
    const { client } = mockBff();
    const html_ = document.documentElement;
    const original = html_.lang;
    const el = await card(
      html`<xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>`,
    );
    expect($(el, '.count')!.textContent).to.equal('12 documents');
    const expected = {
      de: ['12 Dokumente', 'Aktualisiert vor 3 Tagen'],
      fr: ['12 documents', 'Mis à jour il y a 3 jours'],
      es: ['12 documentos', 'Actualizado hace 3 días'],
      ja: ['ドキュメント 12 件', '3 日前に更新'],
    };
    try {
      for (const [lang, [count, updated]] of Object.entries(expected)) {
        html_.lang = lang;
        // Locales other than English load on first use; the element re-renders when they arrive.
        await waitUntil(
          () => $(el, '.updated')!.textContent!.includes(updated!),
          `${lang}: ${$(el, '.updated')!.textContent}`,
          WAIT,
        );
        expect($(el, '.count')!.textContent).to.equal(count);
      }
    } finally {
      html_.lang = original;
    }
  });

  it('gets its client and language from <xecm-provider> and follows a locale change', async () => {
    mockBff();
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url=${BFF_BASE} locale="de"
        ><xecm-workspace-card workspace-id="2001"></xecm-workspace-card
      ></xecm-provider>`,
    );
    const el = provider.querySelector('xecm-workspace-card')!;
    await waitUntil(
      () => $(el, '.count')?.textContent === '12 Dokumente',
      'no German card from the provider',
      WAIT,
    );
    provider.locale = 'es';
    await waitUntil(
      () => $(el, '.count')!.textContent === '12 documentos',
      'did not follow the provider locale',
      WAIT,
    );
  });

  it('prefers its own lang attribute', async () => {
    const { client } = mockBff();
    const el = await card(
      html`<xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>`,
    );
    el.setAttribute('lang', 'de');
    await waitUntil(() => $(el, '.count')!.textContent === '12 Dokumente', 'did not switch to German', WAIT);
    expect($(el, '[part~="link"]')!.textContent).to.contain('(öffnet in neuem Tab)');
    await expect(el).to.be.accessible();
  });

  it('mirrors in a right-to-left context', async function () {
    this.timeout(30_000); // layout plus axe: slow on a loaded shared runner
    const { client } = mockBff();
    // fixtureSync: fixture() waits for an animation frame on plain wrappers, which a background tab
    // (parallel test files) may never get.
    const wrapper = fixtureSync<HTMLElement>(
      html`<div dir="rtl" style="width: 400px">
        <xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>
      </div>`,
    );
    const el = wrapper.querySelector('xecm-workspace-card')!;
    await loaded(el);
    const icon = $(el, '[part~="icon"]')!.getBoundingClientRect();
    const link = $(el, '[part~="link"]')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(link.left);
    await expect(el).to.be.accessible();
  });
});
