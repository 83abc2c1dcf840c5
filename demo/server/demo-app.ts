import { timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import * as z from 'zod';
import { mintBffToken } from './bff-token.js';
import { LobEvents } from './lob-events.js';
import { AccountPatch, BO_TYPES, DealPatch, LobStore, NewAccount } from './lob-store.js';
import { DEMO_USERS } from './seed.js';
import { Sessions } from './sessions.js';

export const DEV_TOKEN_SECRET = 'dev-only-secret-change-me-please-32b';

export interface DemoServerOptions {
  /** BFF origin as the browser sees it; also where LOB events are sent. */
  bffUrl?: string;
  /** Shown as links on the pages. */
  emulatorUrl?: string;
  receiverUrl?: string;
  /** HS256 secret shared with the BFF (dev default from CONVENTIONS). */
  tokenSecret?: string;
  tokenAudience?: string;
  tokenIssuer?: string;
  tokenTtlSeconds?: number;
  /** `whsec_…` secret for the LOB events sent to `{bffUrl}/hooks/lob/:system`. */
  lobWebhookSecret: string;
  /** Bearer token the BFF's master-data gateway presents on `/masterdata/…`. */
  masterDataToken: string;
  /** Folder of the built pages (see demo/build-pages.ts). Unset: API only. */
  pagesDir?: string;
  fetch?: typeof fetch;
  /**
   * Called after an account changed (awaited before the answer), e.g. to have xECM pull the master
   * data again. Failures are logged, not returned.
   */
  onAccountUpdated?: (accountId: string) => Promise<void>;
}

export interface DemoApp {
  app: Hono;
  store: LobStore;
  events: LobEvents;
}

function problem(c: Context, status: 400 | 401 | 403 | 404 | 415, title: string, detail?: string) {
  return c.json({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }, status, {
    'content-type': 'application/problem+json',
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The demo LOB application's backend: CRM and ERP records, sign-in, BFF tokens, LOB events, master data. */
export function createDemoApp(options: DemoServerOptions): DemoApp {
  const store = new LobStore();
  const sessions = new Sessions();
  const events = new LobEvents({
    secret: options.lobWebhookSecret,
    ...(options.bffUrl ? { bffUrl: options.bffUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const app = new Hono();

  app.onError((err, c) => {
    console.error('[demo] unexpected error', err instanceof Error ? err.message : err);
    return c.json({ type: 'about:blank', title: 'Internal error', status: 500 }, 500);
  });

  async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
    if (!c.req.header('content-type')?.startsWith('application/json')) {
      return problem(c, 415, 'Send a JSON body (content-type: application/json)');
    }
    const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return problem(
        c,
        400,
        'Invalid input',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      );
    }
    return parsed.data;
  }

  // ---- configuration the pages read at startup
  app.get('/api/config', (c) =>
    c.json({
      bffUrl: options.bffUrl ?? null,
      emulatorUrl: options.emulatorUrl ?? null,
      receiverUrl: options.receiverUrl ?? null,
    }),
  );

  // ---- sign-in (user picker) and BFF tokens
  app.get('/api/users', (c) => c.json({ users: DEMO_USERS }));
  app.get('/api/session', (c) => {
    const user = sessions.user(c);
    return c.json({ user: user ?? null });
  });
  app.post('/api/session', async (c) => {
    const input = await body(c, z.object({ user: z.string().max(64) }));
    if (input instanceof Response) return input;
    if (!Sessions.isDemoUser(input.user))
      return problem(c, 400, 'Unknown demo user', `Pick one of ${DEMO_USERS.map((u) => u.id).join(', ')}`);
    sessions.signIn(c, input.user);
    return c.json({ user: input.user });
  });
  app.delete('/api/session', (c) => {
    sessions.signOut(c);
    return c.body(null, 204);
  });
  app.get('/api/bff-token', async (c) => {
    const user = sessions.user(c);
    if (!user) return problem(c, 401, 'Sign in first');
    const minted = await mintBffToken(user, {
      secret: options.tokenSecret ?? DEV_TOKEN_SECRET,
      audience: options.tokenAudience ?? 'xecm-bff',
      ...(options.tokenIssuer ? { issuer: options.tokenIssuer } : {}),
      ttlSeconds: options.tokenTtlSeconds ?? 300,
    });
    c.header('cache-control', 'no-store');
    return c.json(minted);
  });

  // ---- the pages' JSON API: everything below needs a signed-in user
  const api = new Hono();
  api.use(async (c, next) => {
    if (!sessions.user(c)) return problem(c, 401, 'Sign in first');
    await next();
  });
  api.get('/accounts', (c) => c.json({ items: store.accounts() }));
  api.post('/accounts', async (c) => {
    const input = await body(c, NewAccount);
    if (input instanceof Response) return input;
    const account = store.createAccount(input);
    const { id: accountId, ...rest } = account;
    const event = await events.emit('crm', 'account.created', { accountId, ...rest });
    return c.json({ account, event }, 201);
  });
  api.patch('/accounts/:id', async (c) => {
    const input = await body(c, AccountPatch);
    if (input instanceof Response) return input;
    const account = store.updateAccount(c.req.param('id'), input);
    if (!account) return problem(c, 404, 'No such account');
    let synced = false;
    if (options.onAccountUpdated) {
      try {
        await options.onAccountUpdated(account.id);
        synced = true;
      } catch (err) {
        console.error('[demo] master-data sync failed', err instanceof Error ? err.message : err);
      }
    }
    return c.json({ account, synced });
  });
  api.get('/deals', (c) => c.json({ items: store.deals(c.req.query('accountId')) }));
  api.patch('/deals/:id', async (c) => {
    const input = await body(c, DealPatch);
    if (input instanceof Response) return input;
    const changed = store.updateDeal(c.req.param('id'), input);
    if (!changed) return problem(c, 404, 'No such deal');
    const { before, after } = changed;
    const event =
      before.amount !== after.amount
        ? await events.emit('crm', 'deal.updated', {
            dealId: after.id,
            accountId: after.accountId,
            amount: after.amount,
            currency: after.currency,
            previousAmount: before.amount,
          })
        : undefined;
    return c.json({ deal: after, ...(event ? { event } : {}) });
  });
  api.get('/suppliers', (c) => c.json({ items: store.suppliers() }));
  api.get('/purchase-orders', (c) => c.json({ items: store.purchaseOrders() }));
  api.get('/events', (c) => c.json({ items: events.recent }));
  app.route('/api', api);

  // ---- master data for the BFF's gateway (service token, never a browser session)
  const md = new Hono();
  md.use(async (c, next) => {
    const auth = c.req.header('authorization') ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!token || !sameSecret(token, options.masterDataToken))
      return problem(c, 401, 'Service token required');
    await next();
  });
  const BoType = z.enum(BO_TYPES);
  md.get('/:boType/:boId', (c) => {
    const boType = BoType.safeParse(c.req.param('boType'));
    if (!boType.success) return problem(c, 404, 'Unknown business object type');
    const record = store.masterData(boType.data, c.req.param('boId'));
    return record ? c.json(record) : problem(c, 404, 'No such business object');
  });
  md.get('/:boType', (c) => {
    const boType = BoType.safeParse(c.req.param('boType'));
    if (!boType.success) return problem(c, 404, 'Unknown business object type');
    const q = z
      .string()
      .max(200)
      .safeParse(c.req.query('q') ?? '');
    if (!q.success) return problem(c, 400, 'q is too long');
    return c.json({ results: store.search(boType.data, q.data) });
  });
  app.route('/masterdata', md);

  app.get('/healthz', (c) => c.json({ ok: true }));

  if (options.pagesDir) {
    // The pages run under the strict policy a CRM or portal would set, to show (and test) that the
    // elements need no inline script or style, no eval, and only the BFF as an extra origin.
    const csp = contentSecurityPolicy(options.bffUrl);
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.headers.get('content-type')?.startsWith('text/html'))
        c.header('content-security-policy', csp);
    });
    app.use('/*', serveStatic({ root: options.pagesDir }));
    // `/crm` → crm.html, so links stay clean.
    app.use(
      '/:page{[a-z-]+}',
      serveStatic({ root: options.pagesDir, rewriteRequestPath: (p) => `${p}.html` }),
    );
  }
  app.notFound((c) => problem(c, 404, 'Not found'));
  return { app, store, events };
}

/**
 * What a host page needs for the elements: scripts and styles from its own origin (no `unsafe-inline`,
 * no `unsafe-eval`), requests to the BFF, and Trusted Types with Lit's `lit-html` policy.
 */
export function contentSecurityPolicy(bffUrl: string | undefined): string {
  const bff = bffUrl ? ` ${new URL(bffUrl).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${bff}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}
