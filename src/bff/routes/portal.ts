import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { DocumentQuery, type DocumentItem } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import { contentHeaders } from '../http/content-headers.js';
import type { BffEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { nodeId, parseInput } from '../http/validate.js';
import { clientAddress, rateLimitKey, trustedProxySet } from '../portal/client-identity.js';
import { ClientRateLimiter } from '../portal/client-rate-limit.js';
import { referringOrigin, type AuditEntry, type PortalAudit } from '../portal/portal-audit.js';
import type { PortalDocument, PortalService } from '../portal/portal-service.js';
import { linkExpiry, signedUrls, verifyLink } from '../portal/signed-link.js';
import type { XecmClient } from '../xecm/xecm-client.js';

export interface PortalRouteOptions {
  config: BffConfig;
  xecm: XecmClient;
  service: PortalService;
  audit: PortalAudit;
  now?: () => number;
}

/** Query of a signed portal content link (`v` version, `exp` expiry, `sig` HMAC, `w` workspace). */
export const LinkQuery = z.object({
  v: z.string().regex(/^[0-9]{1,6}$/),
  exp: z.string().regex(/^[0-9]{1,12}$/),
  sig: z.string().max(100),
  w: z
    .string()
    .regex(/^[0-9]{1,12}$/)
    .optional(),
  download: z.enum(['1', 'true']).optional(),
});

/** The one answer for missing, invisible, unapproved and internal documents. */
const noSuchDocument = (): ProblemError =>
  new ProblemError(404, 'not-found', { detail: 'No such document in the portal.' });

/**
 * Anonymous, read-only portal routes (mount at `/portal/v1`, before authentication): approved public
 * documents only, signed expiring content links, per-client rate limit, every answer audited.
 */
export function portalRoutes(options: PortalRouteOptions): Hono<BffEnv> {
  const { config, xecm, service, audit } = options;
  const now = options.now ?? Date.now;
  const trusted = trustedProxySet(config.portal.trustedProxies);
  const limiter = new ClientRateLimiter(
    config.portal.rateLimit.requests,
    config.portal.rateLimit.windowSeconds,
    now,
  );
  const app = new Hono<BffEnv>();

  const who = (c: Context<BffEnv>) => ({
    client: clientAddress(c, trusted),
    origin: referringOrigin(c.req.header('origin'), c.req.header('referer')),
  });
  const record = (c: Context<BffEnv>, entry: AuditEntry): void => {
    const { client, origin } = who(c);
    audit.record(client, origin, entry);
  };
  /** Runs a parse step; a refusal (400) is recorded as `entry` before it is answered. */
  const parsedOrRecorded = <T>(c: Context<BffEnv>, entry: AuditEntry, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      record(c, entry);
      throw error;
    }
  };
  const withLinks = (doc: PortalDocument, workspaceId: string): DocumentItem => ({
    ...doc,
    ...signedUrls(config.publicBaseUrl, config.portal.secret, {
      documentId: doc.id,
      version: doc.version,
      exp: linkExpiry(now(), config.portal.linkTtlSeconds),
      workspaceId,
    }),
  });

  app.use(async function portalGate(c, next) {
    const decision = limiter.hit(rateLimitKey(clientAddress(c, trusted)));
    if (!decision.allowed) {
      throw new ProblemError(
        429,
        'rate-limited',
        { detail: 'Too many requests from this client; slow down.' },
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    await next();
    // Public data for anonymous callers: any page may read it, no credentials involved.
    if (!c.res.headers.has('Access-Control-Allow-Origin'))
      c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, ETag');
  });

  app.get('/workspaces/:id/documents', async (c) => {
    const id = parsedOrRecorded(c, { result: 'list:invalid' }, () => nodeId(c.req.param('id')));
    const query = parsedOrRecorded(c, { result: 'list:invalid', workspaceId: id }, () =>
      parseInput(DocumentQuery, c.req.query(), 'query'),
    );
    const page = await service.page(id, query);
    if (!page) {
      record(c, { result: 'list:not-found', workspaceId: id });
      throw new ProblemError(404, 'not-found', { detail: 'No such workspace in the portal.' });
    }
    record(c, { result: 'list:ok', workspaceId: id });
    // Each listing is audited, so it is never answered from a shared cache.
    c.header('Cache-Control', 'no-store');
    return c.json({ ...page, items: page.items.map((d) => withLinks(d, id)) });
  });

  app.get('/documents/:id', async (c) => {
    const id = parsedOrRecorded(c, { result: 'document:invalid' }, () => nodeId(c.req.param('id')));
    const doc = await service.document(id);
    if (!doc) {
      record(c, { result: 'document:not-found', documentId: id });
      throw noSuchDocument();
    }
    record(c, { result: 'document:ok', documentId: id, version: doc.version });
    c.header('Cache-Control', 'no-store');
    return c.json(withLinks(doc, ''));
  });

  app.get('/content/:id', async (c) => {
    const id = parsedOrRecorded(c, { result: 'download:invalid' }, () => nodeId(c.req.param('id')));
    const parsed = LinkQuery.safeParse(c.req.query());
    const claims = parsed.success
      ? {
          documentId: id,
          version: Number(parsed.data.v),
          exp: Number(parsed.data.exp),
          workspaceId: parsed.data.w ?? '',
        }
      : undefined;
    const base = {
      documentId: id,
      workspaceId: claims?.workspaceId || null,
      version: claims?.version ?? null,
    };
    if (!parsed.success || !claims || !verifyLink(config.portal.secret, claims, parsed.data.sig)) {
      record(c, { ...base, result: 'download:invalid' });
      throw new ProblemError(403, 'forbidden', { detail: 'This link is not valid.' });
    }
    const nowSeconds = Math.floor(now() / 1000);
    if (claims.exp <= nowSeconds) {
      record(c, { ...base, result: 'download:expired' });
      throw new ProblemError(403, 'forbidden', {
        detail: 'This link has expired; reload the page for a new one.',
      });
    }
    const doc = await service.document(id);
    // Only the latest version of a still approved, still public document.
    if (!doc || doc.version !== claims.version) {
      record(c, { ...base, result: 'download:not-found' });
      throw noSuchDocument();
    }
    const etag = `"${id}-${doc.version}"`;
    const maxAge = Math.max(0, Math.min(claims.exp - nowSeconds, config.portal.linkTtlSeconds));
    const headers = new Headers({
      ETag: etag,
      'Cache-Control': `public, max-age=${maxAge}`,
      // Never answered from a cache entry made for a request carrying credentials, nor the other way round.
      Vary: 'Authorization, Cookie',
    });
    const inm = c.req.header('if-none-match');
    if (
      inm &&
      inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')
    ) {
      record(c, { ...base, result: 'download:not-modified' });
      return new Response(null, { status: 304, headers });
    }
    const download = parsed.data.download !== undefined;
    for (const [k, v] of Object.entries(
      contentHeaders(doc.name, doc.mimeType, download, config.allowedOrigins),
    ))
      headers.set(k, v);
    const body = await xecm
      .stream(config.portal.serviceUser, {
        method: 'GET',
        // v1, like the signed-in content route: the notes document both, and clients avoid v2 for downloads.
        path: `/v1/nodes/${id}/versions/${doc.version}/content`,
        signal: c.req.raw.signal,
      })
      .catch((error: unknown) => {
        if (error instanceof ProblemError && (error.status === 404 || error.status === 403)) {
          record(c, { ...base, result: 'download:not-found' });
          throw noSuchDocument();
        }
        throw error;
      });
    const length = body.headers.get('content-length');
    if (length && /^\d+$/.test(length)) headers.set('Content-Length', length);
    record(c, { ...base, result: 'download:ok' });
    if (c.req.method === 'HEAD') {
      await body.body?.cancel();
      return new Response(null, { status: 200, headers });
    }
    return new Response(body.body, { status: 200, headers });
  });

  return app;
}
