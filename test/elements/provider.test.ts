import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { http, HttpResponse } from 'msw';
import { BffClient } from '../../src/client/index.js';
import { XecmDataElement } from '../../src/elements/base/xecm-data-element.js';
import { define } from '../../src/elements/base/define.js';
import { loadLocale } from '../../src/elements/i18n/registry.js';
import '../../src/elements/provider/provider.js';
import '../../src/elements/approval-badge/approval-badge.js';
import type { XecmProvider } from '../../src/elements/provider/provider.component.js';
import { fixtureDocument } from '../mocks/fixtures.js';
import { MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';

/** A minimal data element: shows the retry label of its locale and exposes its client. */
class ProbeElement extends XecmDataElement {
  get usedClient() {
    return this.bff;
  }
  override render() {
    return litHtml`<span part="label">${this.localize.strings('common').retry}</span>`;
  }
}
define('provider-probe', ProbeElement);

const label = (el: Element) => el.shadowRoot!.querySelector('[part="label"]')!.textContent;

describe('<xecm-provider>', () => {
  it('gives nested elements (also inside other shadow roots) a client for its bff-url', async () => {
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url="/bff">
        <div><provider-probe></provider-probe></div>
      </xecm-provider>`,
    );
    const probe = provider.querySelector<ProbeElement>('provider-probe')!;
    expect(probe.usedClient).to.be.instanceOf(BffClient);
    expect(probe.usedClient).to.equal(provider.effectiveClient);
    expect(probe.usedClient!.baseUrl).to.equal('/bff');

    const host = document.createElement('div');
    provider.append(host);
    const inner = document.createElement('provider-probe') as ProbeElement;
    host.attachShadow({ mode: 'open' }).append(inner);
    await inner.updateComplete;
    expect(inner.usedClient).to.equal(provider.effectiveClient);
  });

  it('lets a nested provider with its own bff-url override the outer client for its subtree', async () => {
    const outer = await fixture<XecmProvider>(
      html`<xecm-provider bff-url="/outer">
        <provider-probe id="a"></provider-probe>
        <xecm-provider bff-url="/inner"><provider-probe id="b"></provider-probe></xecm-provider>
      </xecm-provider>`,
    );
    const a = outer.querySelector<ProbeElement>('#a')!;
    const b = outer.querySelector<ProbeElement>('#b')!;
    expect(a.usedClient!.baseUrl).to.equal('/outer');
    expect(b.usedClient!.baseUrl).to.equal('/inner');
  });

  it('passes the outer client through a nested provider that only sets locale or theme', async () => {
    const outer = await fixture<XecmProvider>(
      html`<xecm-provider bff-url="/outer">
        <xecm-provider locale="de" theme="dark"><provider-probe></provider-probe></xecm-provider>
      </xecm-provider>`,
    );
    const probe = outer.querySelector<ProbeElement>('provider-probe')!;
    expect(probe.usedClient).to.equal(outer.effectiveClient);
  });

  it('switches to a new client when bff-url changes, and elements follow', async () => {
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url="/one"><provider-probe></provider-probe></xecm-provider>`,
    );
    const probe = provider.querySelector<ProbeElement>('provider-probe')!;
    provider.bffUrl = '/two';
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.usedClient!.baseUrl).to.equal('/two');
  });

  it('prefers an element’s own client property over the provider’s', async () => {
    const own = new BffClient({ baseUrl: '/own' });
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url="/bff"><provider-probe .client=${own}></provider-probe></xecm-provider>`,
    );
    expect(provider.querySelector<ProbeElement>('provider-probe')!.usedClient).to.equal(own);
  });

  it('gives up on a BFF that never answers after its timeout, and the elements say so', async () => {
    useHandlers(http.get(`${MOCK_BFF_BASE}/v1/documents/8001`, () => new Promise<never>(() => undefined)));
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url=${MOCK_BFF_BASE} timeout="150" live="off">
        <xecm-approval-badge document-id="8001"></xecm-approval-badge>
      </xecm-provider>`,
    );
    const badge = provider.querySelector('xecm-approval-badge')!;
    const failed = await oneEvent(badge, 'xecm-error');
    expect(failed.detail).to.include({ code: 'network', status: 0 });
    await waitUntil(() => badge.shadowRoot!.querySelector('[part~="retry-button"]'), 'no retry shown');
  });

  it('calls its tokenProvider for the requests of the elements inside', async () => {
    const seen: (string | null)[] = [];
    useHandlers(
      http.get(`${MOCK_BFF_BASE}/v1/documents/:id`, ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return HttpResponse.json(fixtureDocument(1));
      }),
    );
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url=${MOCK_BFF_BASE} .tokenProvider=${() => 'jwt-1'}>
        <provider-probe></provider-probe>
      </xecm-provider>`,
    );
    await provider.querySelector<ProbeElement>('provider-probe')!.usedClient!.getDocument('8001');
    provider.tokenProvider = () => 'jwt-2';
    await provider.effectiveClient!.getDocument('8002');
    expect(seen).to.deep.equal(['Bearer jwt-1', 'Bearer jwt-2']);
  });

  it('translates the elements inside and switches locale at runtime', async () => {
    await loadLocale('de');
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider locale="de"><provider-probe></provider-probe></xecm-provider>`,
    );
    const probe = provider.querySelector('provider-probe')!;
    expect(provider.getAttribute('lang')).to.equal('de');
    expect(label(probe)).to.equal('Erneut versuchen');
    // French is not loaded yet: English shows until it arrives, then the element re-renders.
    provider.locale = 'fr';
    await waitUntil(() => label(probe) === 'Réessayer', 'French never arrived');
    provider.locale = 'en-XA';
    await waitUntil(() => label(probe)!.startsWith('[Ŕéţŕý'), 'pseudo-locale not applied');
  });

  it('lets an element’s own lang win over the provider’s locale, and a nested provider scope its locale', async () => {
    await Promise.all([loadLocale('de'), loadLocale('ja')]);
    const outer = await fixture<XecmProvider>(
      html`<xecm-provider locale="de">
        <provider-probe id="own" lang="ja"></provider-probe>
        <xecm-provider locale="es"><provider-probe id="nested"></provider-probe></xecm-provider>
        <provider-probe id="outer"></provider-probe>
      </xecm-provider>`,
    );
    await loadLocale('es');
    const probe = (id: string) => outer.querySelector(`#${id}`)!;
    await waitUntil(() => label(probe('nested')) === 'Reintentar');
    expect(label(probe('own'))).to.equal('再試行');
    expect(label(probe('outer'))).to.equal('Erneut versuchen');
  });

  it('follows <html lang> without a provider locale', async () => {
    await loadLocale('fr');
    const before = document.documentElement.lang;
    try {
      const probe = await fixture(html`<provider-probe></provider-probe>`);
      document.documentElement.lang = 'fr-CA';
      await waitUntil(() => label(probe) === 'Réessayer', 'did not follow <html lang>');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('sets the color scheme of its subtree from theme', async () => {
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider theme="dark"><provider-probe></provider-probe></xecm-provider>`,
    );
    const probe = provider.querySelector('provider-probe')!;
    expect(getComputedStyle(probe).colorScheme).to.equal('dark');
    provider.theme = 'light';
    await provider.updateComplete;
    expect(getComputedStyle(probe).colorScheme).to.equal('light');
    provider.theme = 'auto';
    await provider.updateComplete;
    expect(getComputedStyle(probe).colorScheme).to.equal('light dark');
  });

  it('clears the cache of its client on signOut', async () => {
    const provider = await fixture<XecmProvider>(html`<xecm-provider bff-url="/bff"></xecm-provider>`);
    provider.effectiveClient!.cache.set('workspace:1', { any: 1 });
    provider.signOut();
    expect(provider.effectiveClient!.cache.has('workspace:1')).to.equal(false);
  });

  it('is accessible and renders its children', async () => {
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url="/bff"><p>Content</p></xecm-provider>`,
    );
    expect(provider.shadowRoot!.querySelector('slot')).to.not.equal(null);
    await expect(provider).to.be.accessible();
  });
});
