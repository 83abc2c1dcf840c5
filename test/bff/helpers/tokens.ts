import { SignJWT } from 'jose';

export interface TokenOptions {
  secret: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now (negative = already expired). */
  expiresIn?: number;
  /** Seconds relative to now for `iat`. */
  issuedAt?: number;
  alg?: 'HS256' | 'HS512';
  omitIat?: boolean;
}

/** Mints a BFF token the way a host application's backend does. */
export async function mintToken(user: string, options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = now + (options.issuedAt ?? 0);
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(user)
    .setAudience(options.audience ?? 'xecm-bff')
    .setExpirationTime(now + (options.expiresIn ?? 300));
  if (!options.omitIat) jwt = jwt.setIssuedAt(iat);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
