import { SignJWT } from 'jose';

export interface BffTokenOptions {
  /** HS256 secret shared with the BFF (at least 32 bytes). */
  secret: string;
  audience: string;
  issuer?: string;
  /** At most 900 (the BFF refuses longer-lived tokens). */
  ttlSeconds: number;
}

/**
 * What a host application's backend does for its signed-in user: mint a short-lived JWT for the BFF.
 * `sub` is the xECM user name.
 */
export async function mintBffToken(
  user: string,
  options: BffTokenOptions,
): Promise<{ token: string; expiresIn: number }> {
  const ttl = Math.min(options.ttlSeconds, 900);
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttl}s`);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  const token = await jwt.sign(new TextEncoder().encode(options.secret));
  return { token, expiresIn: ttl };
}
