import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  documentId: string;
  version: number;
  /** Expiry, epoch seconds. */
  exp: number;
  /** Workspace the link was listed from (for the audit trail); '' when unknown. */
  workspaceId: string;
}

/** base64url of an HMAC-SHA256: always 43 characters. */
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function signLink(secret: string, claims: LinkClaims): string {
  // A fixed label and newline-separated fields: no two claim sets share a signed string.
  const payload = ['portal-content/v1', claims.documentId, claims.version, claims.exp, claims.workspaceId];
  return createHmac('sha256', secret).update(payload.join('\n')).digest('base64url');
}

/** Constant-time check of a link signature. */
export function verifyLink(secret: string, claims: LinkClaims, signature: string): boolean {
  if (!SIGNATURE_PATTERN.test(signature)) return false;
  const expected = Buffer.from(signLink(secret, claims));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Expiry of a new link: at least `ttl` from now, rounded up to a fifth of the TTL so that links minted
 * close together are byte-identical and share browser and CDN cache entries.
 */
export function linkExpiry(nowMs: number, ttlSeconds: number): number {
  const bucket = Math.max(1, Math.floor(ttlSeconds / 5));
  return Math.ceil((Math.floor(nowMs / 1000) + ttlSeconds) / bucket) * bucket;
}

/** The `openUrl`/`downloadUrl` pair of a portal document. */
export function signedUrls(
  base: string,
  secret: string,
  claims: LinkClaims,
): { openUrl: string; downloadUrl: string } {
  const params = new URLSearchParams({ v: String(claims.version), exp: String(claims.exp) });
  if (claims.workspaceId) params.set('w', claims.workspaceId);
  params.set('sig', signLink(secret, claims));
  const openUrl = `${base}/portal/v1/content/${claims.documentId}?${params.toString()}`;
  return { openUrl, downloadUrl: `${openUrl}&download=1` };
}
