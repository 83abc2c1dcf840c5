import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';

// Proves the Chromium harness compiles TypeScript decorators-free Lit code and renders shadow DOM.
class HarnessProbe extends LitElement {
  static override properties = { label: { type: String } };
  label = 'ready';
  override render() {
    return litHtml`<p part="text">${this.label}</p>`;
  }
}
customElements.define('harness-probe', HarnessProbe);

describe('browser test harness', () => {
  it('renders a Lit element into its shadow root', async () => {
    const el = await fixture<HarnessProbe>(
      html`<harness-probe label="rendered in Chromium"></harness-probe>`,
    );
    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('rendered in Chromium');
    el.label = 'updated';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('updated');
  });
});
