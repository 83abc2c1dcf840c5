// Forged and misused credentials: unsigned and algorithm-confused tokens, tokens signed with the BFF's other
// secrets, admin credentials used as user tokens and the other way round, and the dev identity in production.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../../src/bff/config.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { ADMIN_TOKEN, PORTAL_SECRET, startPortalStack } from './portal-helpers.js';
import type { Stack } from './helpers/stack.js';
import { mintToken } from './helpers/tokens.js';

const WORKSPACE = `/v1/workspaces/${WELL_KNOWN.acme.workspaceId}`;
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (sub = 'Admin') => {
  const now = Math.floor(Date.now() / 1000);
  return { sub, aud: 'xecm-bff', iat: now, exp: now + 300 };
};

describe('authorization: forged and misused tokens', () => {
  let stack: Stack;
  before(async () => {
    stack = await startPortalStack();
  });
  after(async () => {
    await stack.close();
  });

  const status = async (path: string, authorization: string) =>
    (await stack.fetch(path, { headers: { Authorization: authorization } })).status;

  it('refuses unsigned, algorithm-swapped and foreign-secret tokens before reading anything', async () => {
    const before = stack.upstream.length;
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`;
    const forged = [
      unsigned,
      `${b64url({ alg: 'none' })}.${b64url(claims())}.c2ln`,
      await mintToken('Admin', { secret: PORTAL_SECRET }),
      await mintToken('Admin', { secret: ADMIN_TOKEN }),
      // The right secret, but an algorithm the BFF does not accept.
      await mintToken('Admin', { secret: stack.config.identity.secret, alg: 'HS512' }),
    ];
    for (const token of forged) {
      assert.equal(await status(WORKSPACE, `Bearer ${token}`), 401, token.slice(0, 40));
    }
    // The admin credential is not a user token, and a user token opens no admin route.
    assert.equal(await status(WORKSPACE, `Bearer ${ADMIN_TOKEN}`), 401);
    assert.equal(await status('/v1/audit', `Bearer ${await stack.tokenFor('Admin')}`), 401);
    assert.equal(stack.upstream.length, before);
    // Sanity: a properly minted token does get through.
    assert.equal(await status(WORKSPACE, `Bearer ${await stack.tokenFor('Admin')}`), 200);
  });

  it('refuses the dev identity in production, whatever else is set', () => {
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'production',
          BFF_DEV_IDENTITY: '1',
          BFF_IDENTITY_SECRET: 'a'.repeat(40),
        }),
      /BFF_DEV_IDENTITY/,
    );
  });
});

describe('authorization: tokens verified with a JWKS', () => {
  let jwks: Server;
  let stack: Stack;
  let privateKey: CryptoKey;
  let publicJwk: Record<string, unknown>;

  before(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey as CryptoKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const { port } = jwks.address() as AddressInfo;
    stack = await startPortalStack({ BFF_JWKS_URL: `http://127.0.0.1:${port}/jwks` });
  });
  after(async () => {
    await stack.close();
    await new Promise((r) => jwks.close(r));
  });

  const status = async (token: string) =>
    (await stack.fetch(WORKSPACE, { headers: { Authorization: `Bearer ${token}` } })).status;

  it('accepts the host key only, never HS256 keyed with the public key or an embedded key', async () => {
    const good = await new SignJWT(claims('max.sales'))
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(privateKey);
    assert.equal(await status(good), 200);

    // Classic confusion: the public key (as published) used as an HMAC secret.
    for (const secret of [JSON.stringify(publicJwk), String(publicJwk.n)]) {
      const confused = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .sign(new TextEncoder().encode(secret));
      assert.equal(await status(confused), 401);
    }
    // A key of the attacker's own, announced in the token header.
    const own = await generateKeyPair('RS256', { extractable: true });
    const embedded = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(own.publicKey) })
      .sign(own.privateKey);
    assert.equal(await status(embedded), 401);
    const otherKid = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(own.privateKey);
    assert.equal(await status(otherKid), 401);
    // The shared secret stays unused with a JWKS: a token signed with it is refused.
    const hs = await mintToken('Admin', { secret: stack.config.identity.secret });
    assert.equal(await status(hs), 401);
  });
});
