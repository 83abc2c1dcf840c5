import type { DocumentItem } from '../../contract/index.js';
import type { BffClient } from '../../client/index.js';

export type DocumentAction = 'open' | 'download';

/** How long an object URL lives after it was handed to the browser (long enough for a new tab to load it). */
const REVOKE_AFTER_MS = 60_000;

/**
 * Opens or downloads a document. Content URLs of the BFF need the bearer token, which a plain link
 * cannot send, so the client fetches the content (`getContent`) and it is handed to the browser as an
 * object URL: a new tab for `open`, a save for `download` (under the document's name).
 *
 * Portal documents carry signed, token-free links and are navigated to directly.
 */
export async function deliverDocument(
  client: BffClient,
  doc: DocumentItem,
  action: DocumentAction,
  options: { portal?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  if (options.portal) {
    const url = portalLink(client.baseUrl, action === 'open' ? doc.openUrl : doc.downloadUrl);
    clickLink(url, action === 'download' ? doc.name : undefined);
    return;
  }
  const blob = await client.getContent(doc.id, {
    download: action === 'download',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const url = URL.createObjectURL(blob);
  clickLink(url, action === 'download' ? doc.name : undefined);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * A signed link as absolute URL. The BFF mints `${BFF_PUBLIC_URL}/portal/v1/content/…`; without a public
 * URL the link is root-relative, i.e. relative to the BFF, which may sit below a path (`/bff`) on the page.
 */
function portalLink(baseUrl: string, link: string): string {
  const rootRelative = link.startsWith('/') && !link.startsWith('//');
  return new URL(rootRelative ? baseUrl.replace(/\/+$/, '') + link : link, absoluteBase(baseUrl)).href;
}

function absoluteBase(base: string): string {
  return new URL(base.endsWith('/') ? base : base + '/', document.baseURI).href;
}

function clickLink(href: string, downloadName: string | undefined): void {
  const a = document.createElement('a');
  a.href = href;
  a.rel = 'noopener';
  if (downloadName === undefined) a.target = '_blank';
  else a.download = downloadName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}
