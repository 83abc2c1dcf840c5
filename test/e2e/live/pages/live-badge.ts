// A host page as a LOB application writes it: the package's public entry, one provider, one badge.
// `?document=ID` (or `?workspace=ID`) picks the item, `?user=` the demo user signed in on load.
// It also records every change of the badge's reflected `state` with timestamps for the live benchmark.
import 'xecm-elements';

/** One change of the badge's `state` attribute, timed on the wall clock (ms since the epoch). */
export interface BadgeChange {
  state: string | null;
  /** When the attribute changed (MutationObserver callback). */
  at: number;
  /** When the frame that shows it was being rendered (requestAnimationFrame after the change). */
  frameAt?: number;
}

/** One request of the page to the BFF's `/v1/documents/…` (wall clock; `end` = response headers). */
export interface DocumentFetch {
  start: number;
  end?: number;
  aborted?: boolean;
}

export interface LiveBadgeProbe {
  /** Random per document load: a reload or navigation gives a new one. */
  loadId: string;
  ready: boolean;
  changes: BadgeChange[];
  fetches: DocumentFetch[];
  /** Wall clock as this page sees it (for the benchmark's clock alignment). */
  now(): number;
}

declare global {
  interface Window {
    liveBadge: LiveBadgeProbe;
  }
}

const wallClock = () => performance.timeOrigin + performance.now();
const probe: LiveBadgeProbe = {
  loadId: crypto.randomUUID(),
  ready: false,
  changes: [],
  fetches: [],
  now: wallClock,
};
window.liveBadge = probe;

const params = new URLSearchParams(location.search);
const provider = document.querySelector('xecm-provider')!;
const badge = document.querySelector('xecm-approval-badge')!;

new MutationObserver(() => {
  const change: BadgeChange = { state: badge.getAttribute('state'), at: wallClock() };
  probe.changes.push(change);
  requestAnimationFrame(() => {
    change.frameAt = wallClock();
  });
}).observe(badge, { attributes: true, attributeFilter: ['state'] });

// Every request to the BFF's `/v1/documents/…`: when it started, answered or was aborted.
const pageFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (!url.pathname.startsWith('/v1/documents/')) return pageFetch(input, init);
  const record: DocumentFetch = { start: wallClock() };
  probe.fetches.push(record);
  try {
    const response = await pageFetch(input, init);
    record.end = wallClock();
    return response;
  } catch (error) {
    record.aborted = true;
    throw error;
  }
};

const signIn = await fetch('/api/session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ user: params.get('user') ?? 'max.sales' }),
});
if (!signIn.ok) throw new Error(`sign-in failed (${signIn.status})`);
const config = (await (await fetch('/api/config')).json()) as { bffUrl: string | null };
if (config.bffUrl) provider.setAttribute('bff-url', config.bffUrl);
provider.tokenProvider = async () => {
  const res = await fetch('/api/bff-token');
  return res.ok ? ((await res.json()) as { token: string }).token : undefined;
};
const documentId = params.get('document');
const workspaceId = params.get('workspace');
if (documentId) badge.setAttribute('document-id', documentId);
else if (workspaceId) badge.setAttribute('workspace-id', workspaceId);
probe.ready = true;
