import type { MiddlewareHandler } from 'hono';

/** CSP for JSON answers: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers fit for a BFF whose callers are pages on other origins. Unlike Hono's `secureHeaders()`
 * defaults there is no `X-Frame-Options: SAMEORIGIN` and CORP is `cross-origin`, so host pages
 * (even with COEP require-corp) can load document previews and images. Routes may override the CSP.
 */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
    h.set('Cross-Origin-Resource-Policy', 'cross-origin');
    h.set('X-Permitted-Cross-Domain-Policies', 'none');
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', API_CSP);
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
