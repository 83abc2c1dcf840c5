import { expect, waitUntil } from '@open-wc/testing';
import { BffClient, type LiveEventsFactory } from '../../src/client/index.js';
import '../../src/elements/document-list/document-list.js';
import { createDocumentMock, sampleDocument } from '../mocks/document-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { mount, part, rows } from './document-list.helpers.js';

// Portal rows carry signed, token-free links (as the BFF's /portal/v1 listing mints them).
function portalDocuments() {
  return [0, 1, 2].map((i) => {
    const id = String(60_000 + i);
    const openUrl = `${location.origin}/bff/portal/v1/content/${id}?v=1&exp=1800000000&w=7001&sig=sig${i}`;
    return sampleDocument(i, {
      id,
      // The portal names no xECM user (the BFF leaves modifiedBy empty for anonymous visitors).
      modifiedBy: '',
      approval: { state: 'approved' },
      openUrl,
      downloadUrl: `${openUrl}&download=1`,
    });
  });
}

interface Followed {
  href: string;
  target: string;
  download: string;
}

/** Links the list clicks to hand content to the browser, caught before the browser follows them. */
function catchLinks(): { followed: Followed[]; stop(): void } {
  const followed: Followed[] = [];
  const listener = (e: MouseEvent) => {
    if (!(e.target instanceof HTMLAnchorElement)) return;
    e.preventDefault();
    followed.push({ href: e.target.href, target: e.target.target, download: e.target.download });
  };
  window.addEventListener('click', listener, true);
  return { followed, stop: () => window.removeEventListener('click', listener, true) };
}

/** The modified cell's tooltip and the text a screen reader hears after the relative time. */
function modifiedCell(row: Element): { title: string; spoken: string } {
  const cell = row.querySelector('[data-col="4"]')!;
  return {
    title: cell.getAttribute('title') ?? '',
    spoken: cell.querySelector('.visually-hidden')!.textContent!.replace(/\s+/g, ' ').trim(),
  };
}

describe('<xecm-document-list source="portal">', () => {
  it('says when a document changed but not by whom when the portal names nobody', async () => {
    useHandlers(...createDocumentMock({ documents: portalDocuments() }).handlers);
    const el = await mount(new BffClient({ baseUrl: '/bff' }), { source: 'portal' });
    const { title, spoken } = modifiedCell(rows(el)[0]!);
    expect(title).to.match(/\d{4}/);
    expect(title).not.to.contain('·');
    expect(spoken).to.equal(`, ${title}`);
    // Signed-in rows name the person.
    useHandlers(
      ...createDocumentMock({ documents: [sampleDocument(0, { modifiedBy: 'lena.legal' })] }).handlers,
    );
    const signedIn = await mount(new BffClient({ baseUrl: '/bff' }));
    const named = modifiedCell(rows(signedIn)[0]!);
    expect(named.title).to.match(/ · by lena\.legal$/);
    expect(named.spoken).to.match(/, by lena\.legal$/);
  });

  it('opens and downloads through the signed links of the portal listing, never the signed-in content route', async () => {
    const mock = createDocumentMock({ documents: portalDocuments() });
    useHandlers(...mock.handlers);
    // The anonymous portal page has no token.
    const el = await mount(new BffClient({ baseUrl: '/bff' }), { source: 'portal' });
    expect(mock.count('/portal/v1/workspaces/7001/documents')).to.be.greaterThan(0);
    const errors: string[] = [];
    el.addEventListener('xecm-error', (e) => errors.push(e.detail.code));
    const links = catchLinks();
    try {
      const [first] = rows(el);
      first!.querySelector<HTMLButtonElement>('[part~="name"]')!.click();
      await waitUntil(() => links.followed.length === 1, 'open followed no link');
      first!.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
      await waitUntil(() => links.followed.length === 2, 'download followed no link');
    } finally {
      links.stop();
    }
    const docs = portalDocuments().sort((a, b) => a.name.localeCompare(b.name));
    expect(links.followed[0]).to.deep.equal({ href: docs[0]!.openUrl, target: '_blank', download: '' });
    expect(links.followed[1]).to.deep.include({ href: docs[0]!.downloadUrl, download: docs[0]!.name });
    expect(mock.count('/v1/documents/')).to.equal(0);
    expect(errors).to.deep.equal([]);
    expect(part(el, 'error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('resolves root-relative signed links against the BFF base URL (a BFF below /bff)', async () => {
    const documents = portalDocuments().map((d) => ({
      ...d,
      openUrl: d.openUrl.replace(`${location.origin}/bff`, ''),
      downloadUrl: d.downloadUrl.replace(`${location.origin}/bff`, ''),
    }));
    useHandlers(...createDocumentMock({ documents }).handlers);
    const el = await mount(new BffClient({ baseUrl: '/bff' }), { source: 'portal' });
    const links = catchLinks();
    try {
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
      await waitUntil(() => links.followed.length === 1, 'download followed no link');
    } finally {
      links.stop();
    }
    const first = [...documents].sort((a, b) => a.name.localeCompare(b.name))[0]!;
    expect(first.downloadUrl.startsWith('/portal/v1/content/')).to.equal(true);
    expect(links.followed[0]!.href).to.equal(`${location.origin}/bff${first.downloadUrl}`);
  });

  it('does not watch live topics (the anonymous page cannot open the signed-in event stream)', async () => {
    useHandlers(...createDocumentMock({ documents: portalDocuments() }).handlers);
    const watched: string[] = [];
    const liveEvents: LiveEventsFactory = () => ({
      watch: (topic) => {
        watched.push(topic);
        return () => undefined;
      },
      close: () => undefined,
    });
    const portal = await mount(new BffClient({ baseUrl: '/bff', liveEvents }), { source: 'portal' });
    expect(rows(portal)).to.have.length(3);
    expect(watched).to.deep.equal([]);
    // The same probe sees the signed-in list subscribe, so the empty list above means something.
    await mount(new BffClient({ baseUrl: '/bff', tokenProvider: () => 't', liveEvents }), { source: 'bff' });
    expect(watched).to.deep.equal(['workspace:7001']);
  });
});
