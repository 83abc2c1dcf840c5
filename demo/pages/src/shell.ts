// Shared by the demo pages: configuration, the signed-in user, the header, and the token provider the
// pages hand to <xecm-provider>. This is host-application code, the kind a customer writes.

export interface DemoConfig {
  bffUrl: string | null;
  emulatorUrl: string | null;
  receiverUrl: string | null;
}

export interface DemoUser {
  id: string;
  name: string;
  role: string;
}

type Child = Node | string | null | undefined | false;

type Built<K extends string> = K extends keyof HTMLElementTagNameMap
  ? HTMLElementTagNameMap[K] & HTMLElement
  : HTMLElement;

/** Tiny DOM builder: text always goes in as text, never as HTML. */
export function h<K extends string>(
  tag: K,
  attrs: Record<string, string | boolean | undefined | ((e: Event) => void)> = {},
  ...children: Child[]
): Built<K> {
  const el: HTMLElement = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el as Built<K>;
}

export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the demo backend's JSON API (same origin, session cookie). */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new DemoApiError(res.status, json.detail ?? json.title ?? `HTTP ${res.status}`);
  return json as T;
}

/**
 * The token provider for <xecm-provider>: asks the host backend for a BFF token for the signed-in user
 * and reuses it until shortly before it expires. Tokens live in memory only.
 */
export function bffTokenProvider(): (request?: { expired?: boolean }) => Promise<string | undefined> {
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string | undefined> | undefined;
  return async (request) => {
    // After a 401 the provider asks again with `expired`: never hand out the same token then.
    if (request?.expired) cached = undefined;
    if (cached && Date.now() < cached.refreshAt) return cached.token;
    inFlight ??= (async () => {
      try {
        const res = await fetch('/api/bff-token', { cache: 'no-store' });
        if (!res.ok) return undefined;
        const { token, expiresIn } = (await res.json()) as { token: string; expiresIn: number };
        cached = { token, refreshAt: Date.now() + Math.max(10, expiresIn - 60) * 1000 };
        return token;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };
}

const PAGES = [
  ['/', 'Home'],
  ['/crm', 'CRM'],
  ['/erp', 'ERP'],
  ['/portal', 'Public portal'],
  ['/plain', 'Plain HTML host'],
  ['/react', 'React host'],
] as const;

export interface Shell {
  config: DemoConfig;
  user: string | null;
  users: DemoUser[];
}

async function signInAs(user: string): Promise<void> {
  await api('/api/session', { method: 'POST', body: { user } });
  location.reload();
}
export { signInAs };

/** Reads config and session, draws the header with navigation and the user switcher. */
export async function boot(): Promise<Shell> {
  const [config, session, { users }] = await Promise.all([
    api<DemoConfig>('/api/config'),
    api<{ user: string | null }>('/api/session'),
    api<{ users: DemoUser[] }>('/api/users'),
  ]);
  const here = location.pathname.replace(/\.html$/, '').replace(/\/index$/, '/');
  // Switching reloads the page: it happens on the button, not on every arrow key in the list (WCAG 3.2.2).
  const picker = h(
    'select',
    { 'aria-label': 'Signed-in user', id: 'user-switch', name: 'user' },
    h('option', { value: '', disabled: true, selected: !session.user }, 'Sign in as…'),
    ...users.map((u) => h('option', { value: u.id, selected: u.id === session.user }, `${u.name} (${u.id})`)),
  );
  const switcher = h(
    'form',
    {
      class: 'who',
      'aria-label': 'Switch user',
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (picker.value && picker.value !== session.user) void signInAs(picker.value);
      },
    },
    picker,
    h('button', { type: 'submit', id: 'user-switch-submit' }, 'Switch'),
  );
  const bar = h(
    'header',
    { class: 'demo-bar' },
    h('span', { class: 'brand' }, 'Demo LOB'),
    h(
      'nav',
      { 'aria-label': 'Demo pages' },
      ...PAGES.map(([href, label]) =>
        h('a', { href, ...(here === href ? { 'aria-current': 'page' } : {}) }, label),
      ),
    ),
    switcher,
  );
  document.body.prepend(bar);
  return { config, user: session.user, users };
}

/** Points every <xecm-provider> on the page at the BFF with the host's token provider. */
export function wireProviders(config: DemoConfig, root: ParentNode = document): void {
  const tokenProvider = bffTokenProvider();
  for (const provider of root.querySelectorAll('xecm-provider')) {
    if (config.bffUrl) provider.setAttribute('bff-url', config.bffUrl);
    (provider as HTMLElement & { tokenProvider?: unknown }).tokenProvider = tokenProvider;
  }
}

/** A page that needs a user says so instead of showing elements that would all fail with 401. */
export function requireUser(shell: Shell, main: HTMLElement): boolean {
  if (shell.user) return true;
  main.replaceChildren(
    h('h1', {}, 'Sign in first'),
    h('p', {}, 'Pick a demo user on the ', h('a', { href: '/' }, 'home page'), ' or in the header.'),
  );
  return false;
}

type CardLike = HTMLElement & { workspace?: { id: string }; updateComplete?: Promise<unknown> };

/**
 * The workspace id a card shows, read after its `xecm-load` (the card renders the new value on its
 * next update, so wait for that first).
 */
export async function loadedWorkspaceId(card: CardLike): Promise<string | undefined> {
  await card.updateComplete;
  if (!card.workspace) await new Promise((r) => setTimeout(r, 0));
  return card.workspace?.id;
}
