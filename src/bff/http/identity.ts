import type { MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { BffConfig } from '../config.js';
import type { BffEnv } from './env.js';
import { ProblemError } from './problem.js';

/** xECM user names we accept in `sub` (letters, digits, and . _ @ - ; no separators, no spaces). */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface Identity {
  user: string;
}

/** A verified caller and the instant (ms since epoch) after which its token is no longer accepted. */
export interface VerifiedIdentity extends Identity {
  acceptedUntilMs: number;
}

export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
  /** Like `verify`, also saying until when the token is accepted (long-lived answers such as SSE end then). */
  verifyUntil?(token: string): Promise<VerifiedIdentity>;
}

function unauthenticated(detail: string): ProblemError {
  return new ProblemError(
    401,
    'unauthenticated',
    { detail },
    { 'WWW-Authenticate': 'Bearer realm="xecm-bff"' },
  );
}

/** How long a verified token is answered from memory before it is verified again (key rotation, JWKS). */
const VERIFIED_TTL_SECONDS = 60;
const VERIFIED_MAX_ENTRIES = 5000;

/**
 * Verifies BFF tokens minted by the host application's backend (HS256 secret or keys from a JWKS URL).
 * A page sends the same token with every request for minutes, so a token that passed is remembered until
 * its `exp` (at most {@link VERIFIED_TTL_SECONDS}): repeats cost a map lookup instead of a signature check
 * on the crypto thread pool. Failures are never remembered.
 */
export function createTokenVerifier(
  identity: BffConfig['identity'],
  now: () => number = Date.now,
): TokenVerifier {
  let key: CryptoKey | Uint8Array | JWTVerifyGetKey;
  let hmacKey: Promise<CryptoKey> | undefined;
  if (identity.jwksUrl) {
    key = createRemoteJWKSet(new URL(identity.jwksUrl), { timeoutDuration: 5000 });
  } else {
    const secret = new TextEncoder().encode(identity.secret);
    key = secret;
    // Imported once; jose would import raw bytes again on every verification.
    hmacKey = crypto.subtle
      .importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
      .then((k) => (key = k));
    // Awaited by every verification; this only keeps a failed import from crashing the process unobserved.
    hmacKey.catch(() => undefined);
  }
  const algorithms = identity.jwksUrl ? ['RS256', 'PS256', 'ES256', 'EdDSA'] : ['HS256'];
  const verified = new Map<string, { user: string; until: number; exp: number }>();
  // The last instant this token passes `jwtVerify` (which allows the clock tolerance past `exp`).
  const acceptedUntilMs = (exp: number) => (exp + identity.clockToleranceSeconds) * 1000;

  async function verifyFully(token: string): Promise<Identity & { exp: number }> {
    let payload;
    try {
      const options = {
        audience: identity.audience,
        algorithms,
        clockTolerance: identity.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: new Date(now()),
        ...(identity.issuer ? { issuer: identity.issuer } : {}),
      };
      if (hmacKey) await hmacKey;
      ({ payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) {
        throw unauthenticated('The token could not be verified.');
      }
      throw unauthenticated('The token is not valid for this BFF.');
    }
    const { exp, iat, sub } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > identity.maxLifetimeSeconds) {
      throw unauthenticated(`Tokens may live at most ${identity.maxLifetimeSeconds} seconds.`);
    }
    if (iat > now() / 1000 + identity.clockToleranceSeconds) {
      throw unauthenticated('The token was issued in the future.');
    }
    if (typeof sub !== 'string' || !USER_NAME.test(sub))
      throw unauthenticated('The token subject is not a user name.');
    return { user: sub, exp };
  }

  async function verifyUntil(token: string): Promise<VerifiedIdentity> {
    const seconds = now() / 1000;
    const hit = verified.get(token);
    if (hit && hit.until > seconds) return { user: hit.user, acceptedUntilMs: acceptedUntilMs(hit.exp) };
    if (hit) verified.delete(token);
    const { user, exp } = await verifyFully(token);
    if (verified.size >= VERIFIED_MAX_ENTRIES) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    verified.set(token, { user, exp, until: Math.min(exp, seconds + VERIFIED_TTL_SECONDS) });
    return { user, acceptedUntilMs: acceptedUntilMs(exp) };
  }

  return {
    verifyUntil,
    async verify(token) {
      const { user } = await verifyUntil(token);
      return { user };
    },
  };
}

/**
 * Requires `Authorization: Bearer <BFF token>` and puts the caller's user name in `c.var.user` (and, when
 * the verifier knows it, the end of the token's validity in `c.var.tokenAcceptedUntil`).
 */
export function authenticate(verifier: TokenVerifier): MiddlewareHandler<BffEnv> {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match) throw unauthenticated('Send Authorization: Bearer <token>.');
    if (verifier.verifyUntil) {
      const identity = await verifier.verifyUntil(match[1]!);
      c.set('user', identity.user);
      c.set('tokenAcceptedUntil', identity.acceptedUntilMs);
    } else {
      c.set('user', (await verifier.verify(match[1]!)).user);
    }
    await next();
  };
}

/** Demo only: mints a token the way a host backend would (see docs/bff.md). */
export async function mintDevToken(
  identity: BffConfig['identity'],
  user: string,
  lifetimeSeconds = 600,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setAudience(identity.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + Math.min(lifetimeSeconds, identity.maxLifetimeSeconds));
  if (identity.issuer) jwt = jwt.setIssuer(identity.issuer);
  return jwt.sign(new TextEncoder().encode(identity.secret));
}
