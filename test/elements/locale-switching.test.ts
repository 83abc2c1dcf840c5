import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { XecmApprovalBadge } from '../../src/elements/approval-badge/approval-badge.component.js';
import '../../src/elements/approval-badge/approval-badge.js';
import { loadLocale } from '../../src/elements/i18n/registry.js';

function label(badge: XecmApprovalBadge): string {
  return badge.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim();
}

function direction(badge: XecmApprovalBadge): string {
  return (badge as unknown as { localize: { dir: string } }).localize.dir;
}

describe('locale and direction switching at runtime', () => {
  before(() => loadLocale('de'));

  it('re-renders when the lang property is set on the element (locale already loaded)', async () => {
    const badge = await fixture<XecmApprovalBadge>(
      html`<xecm-approval-badge state="approved"></xecm-approval-badge>`,
    );
    expect(label(badge)).to.equal('Approved');
    badge.lang = 'de';
    await badge.updateComplete;
    expect(label(badge)).to.equal('Freigegeben');
    expect(badge.getAttribute('lang')).to.equal('de');
    badge.lang = 'en';
    await badge.updateComplete;
    expect(label(badge)).to.equal('Approved');
  });

  it('follows a lang change on any ancestor, not only <html>', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<section lang="en">
        <div><xecm-approval-badge state="approved"></xecm-approval-badge></div>
      </section>`,
    );
    const badge = wrapper.querySelector('xecm-approval-badge')!;
    await badge.updateComplete;
    expect(label(badge)).to.equal('Approved');
    wrapper.setAttribute('lang', 'de');
    await waitUntil(() => label(badge) === 'Freigegeben', 'the badge did not follow its ancestor');
    wrapper.querySelector('div')!.setAttribute('lang', 'en');
    await waitUntil(() => label(badge) === 'Approved', 'the nearer ancestor does not win');
  });

  it('follows a lang or dir change on an ancestor inside another shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p lang="en"><xecm-approval-badge state="rejected"></xecm-approval-badge></p>';
    const badge = root.querySelector('xecm-approval-badge')!;
    await badge.updateComplete;
    expect(label(badge)).to.equal('Rejected');
    root.querySelector('p')!.setAttribute('lang', 'de');
    await waitUntil(() => label(badge) === 'Abgelehnt', 'a change inside a shadow root went unnoticed');
    expect(direction(badge)).to.equal('ltr');
    root.querySelector('p')!.setAttribute('dir', 'rtl');
    await waitUntil(() => direction(badge) === 'rtl');
  });

  it('does not re-render elements outside the changed subtree', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <span class="a"><xecm-approval-badge state="draft"></xecm-approval-badge></span>
        <span class="b"><xecm-approval-badge state="draft"></xecm-approval-badge></span>
      </div>`,
    );
    const [a, b] = [...wrapper.querySelectorAll('xecm-approval-badge')];
    await Promise.all([a!.updateComplete, b!.updateComplete]);
    let updates = 0;
    b!.addController({ hostUpdated: () => updates++ });
    wrapper.querySelector('.a')!.setAttribute('lang', 'de');
    await waitUntil(() => label(a!) === 'Entwurf');
    await b!.updateComplete;
    expect(updates).to.equal(0);
    expect(label(b!)).to.equal('Draft');
  });
});
