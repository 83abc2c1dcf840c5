import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { BffClient } from '../../src/client/index.js';
import { define } from '../../src/elements/base/define.js';
import { devWarn } from '../../src/elements/base/dev-warn.js';
import { XecmDataElement } from '../../src/elements/base/xecm-data-element.js';
import { XecmElement } from '../../src/elements/base/xecm-element.js';
import { XecmReviewStartEvent } from '../../src/elements/events/index.js';
import { loadLocale } from '../../src/elements/i18n/registry.js';
import { registerAll } from '../../src/elements/register-all.js';

function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(String(args[0]));
  return { messages, restore: () => (console.warn = original) };
}

class EmitProbe extends XecmElement {
  fire() {
    return this.emit(
      new XecmReviewStartEvent({
        target: { kind: 'workspace', id: '1' },
        workflow: { key: 'k', name: 'K' },
        comment: '',
      }),
    );
  }
  format() {
    return this.localize;
  }
}
define('base-emit-probe', EmitProbe);

class WatchProbe extends XecmDataElement {
  @property({ attribute: 'ws' }) ws = '1';
  runs = 0;
  constructor() {
    super();
    this.watch(
      () => [`workspace:${this.ws}`],
      () => this.runs++,
    );
  }
  override render() {
    return litHtml`<span>${this.ws}</span>`;
  }
}
define('base-watch-probe', WatchProbe);

describe('define()', () => {
  it('tolerates registering the same class twice', () => {
    class Twice extends XecmElement {}
    define('base-twice', Twice);
    expect(() => define('base-twice', Twice)).to.not.throw();
    expect(customElements.get('base-twice')).to.equal(Twice);
  });

  it('keeps the first class and warns when another class claims the tag', () => {
    class First extends XecmElement {}
    class Second extends XecmElement {}
    define('base-claimed', First);
    const warnings = captureWarnings();
    try {
      define('base-claimed', Second);
    } finally {
      warnings.restore();
    }
    expect(customElements.get('base-claimed')).to.equal(First);
    expect(warnings.messages.join()).to.contain('<base-claimed> is already defined');
  });
});

describe('registerAll()', () => {
  it('registers every element under a host prefix, repeatably', () => {
    registerAll('acme');
    registerAll('acme');
    for (const name of ['provider', 'workspace-card', 'document-list', 'approval-badge', 'start-review']) {
      expect(customElements.get(`acme-${name}`), name).to.not.equal(undefined);
    }
    expect(document.createElement('acme-approval-badge')).to.be.instanceOf(
      customElements.get('acme-approval-badge')!,
    );
  });

  it('rejects a prefix that cannot form a tag name', () => {
    expect(() => registerAll('Bad Prefix')).to.throw(TypeError, /prefix/);
  });
});

describe('XecmElement', () => {
  it('emit() returns false when a host vetoes a cancelable event, and the event crosses shadow roots', async () => {
    // A plain host built by hand: fixture() waits a frame for non-Lit elements, which background tabs delay.
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const probe = document.createElement('base-emit-probe') as EmitProbe;
    root.append(probe);
    let heard = 0;
    host.addEventListener('xecm-review-start', (e) => {
      heard++;
      e.preventDefault();
    });
    expect(probe.fire()).to.equal(false);
    expect(heard).to.equal(1);
    host.remove();
  });

  it('emit() returns true when nobody vetoes', async () => {
    const probe = await fixture<EmitProbe>(html`<base-emit-probe></base-emit-probe>`);
    expect(probe.fire()).to.equal(true);
  });

  it('reflects lang and dir as attributes', async () => {
    const probe = await fixture<EmitProbe>(html`<base-emit-probe></base-emit-probe>`);
    probe.lang = 'de';
    probe.dir = 'rtl';
    await probe.updateComplete;
    expect(probe.getAttribute('lang')).to.equal('de');
    expect(probe.getAttribute('dir')).to.equal('rtl');
    expect(probe.format().dir).to.equal('rtl');
  });

  it('formats numbers, bytes, dates and relative times in its locale', async () => {
    await loadLocale('de');
    const probe = await fixture<EmitProbe>(html`<base-emit-probe lang="de"></base-emit-probe>`);
    const l = probe.format();
    const now = Date.parse('2026-11-20T09:30:00Z');
    expect(l.number(1234.5)).to.equal('1.234,5');
    expect(l.bytes(1_500_000)).to.equal('1,5 MB');
    expect(l.relativeTime(now - 3 * 3600_000, now)).to.equal('vor 3 Stunden');
    expect(l.relativeTime(now - 24 * 3600_000, now)).to.equal('gestern');
    expect(l.dateTime('2026-11-20T09:30:00Z', { dateStyle: 'long', timeZone: 'UTC' })).to.equal(
      '20. November 2026',
    );
    expect(l.term('common', 'approval')['in-review']).to.equal('In Prüfung');
    probe.lang = 'en';
    await probe.updateComplete;
    expect(l.bytes(512)).to.equal('512 bytes');
    expect(l.relativeTime(now + 2 * 86400_000, now)).to.equal('in 2 days');
  });

  it('pseudo-localizes en-XA but keeps interpolated values intact', async () => {
    await loadLocale('en-XA');
    const probe = await fixture<EmitProbe>(html`<base-emit-probe lang="en-XA"></base-emit-probe>`);
    const text = probe.format().term('common', 'requestId', 'req-Abc');
    expect(text).to.match(/^\[.*req-Abc.*·+\]$/);
    expect(text).to.not.contain('Reference');
    expect(probe.format().strings('common').retry).to.match(/^\[Ŕéţŕý ·+\]$/);
  });
});

describe('XecmDataElement.watch()', () => {
  it('calls back when a watched key is invalidated, follows key changes, and stops when disconnected', async () => {
    const client = new BffClient({ baseUrl: '/bff' });
    const probe = await fixture<WatchProbe>(html`<base-watch-probe .client=${client}></base-watch-probe>`);
    client.invalidate('workspace:1');
    expect(probe.runs).to.equal(1);
    probe.ws = '2';
    await probe.updateComplete;
    client.invalidate('workspace:1');
    client.invalidate('workspace:2');
    expect(probe.runs).to.equal(2);
    probe.remove();
    client.invalidate('workspace:2');
    expect(probe.runs).to.equal(2);
  });

  it('moves its subscription to a new client', async () => {
    const first = new BffClient({ baseUrl: '/a' });
    const second = new BffClient({ baseUrl: '/b' });
    const probe = await fixture<WatchProbe>(html`<base-watch-probe .client=${first}></base-watch-probe>`);
    probe.client = second;
    await probe.updateComplete;
    first.invalidate('workspace:1');
    second.invalidate('workspace:1');
    expect(probe.runs).to.equal(1);
  });
});

describe('devWarn()', () => {
  it('warns once per element and message in development builds, with a docs link', async () => {
    const probe = await fixture<EmitProbe>(html`<base-emit-probe></base-emit-probe>`);
    const warnings = captureWarnings();
    try {
      devWarn(probe, 'state="bogus" is not valid.');
      devWarn(probe, 'state="bogus" is not valid.');
      await aTimeout(0);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.length).to.equal(1);
    expect(warnings.messages[0]).to.contain('<base-emit-probe> state="bogus" is not valid.');
    expect(warnings.messages[0]).to.contain('docs/elements.md');
  });
});
