// Verified tokens are remembered (a page repeats its token), but never past what a full check would allow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/bff/config.js';
import { createTokenVerifier } from '../../src/bff/http/identity.js';
import { ProblemError } from '../../src/bff/http/problem.js';
import { mintToken } from './helpers/tokens.js';

const SECRET = 'identity-cache-test-secret-0123456789ab';
const identity = loadConfig({ BFF_IDENTITY_SECRET: SECRET, BFF_CLOCK_TOLERANCE_SECONDS: '0' }).identity;

async function refused(promise: Promise<unknown>, detail: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 401);
    assert.match(String(error.extras.detail), detail);
    return true;
  });
}

describe('token verifier', () => {
  it('refuses a token it accepted before once the token has expired', async () => {
    let clock = Date.now();
    const verifier = createTokenVerifier(identity, () => clock);
    const token = await mintToken('max.sales', { secret: SECRET, expiresIn: 30 });
    assert.deepEqual(await verifier.verify(token), { user: 'max.sales' });
    clock += 10_000;
    assert.deepEqual(await verifier.verify(token), { user: 'max.sales' }, 'still valid');
    clock += 25_000;
    await refused(verifier.verify(token), /expired/);
  });

  it('checks a token that differs from an accepted one in any byte', async () => {
    const verifier = createTokenVerifier(identity);
    const token = await mintToken('max.sales', { secret: SECRET });
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'Admin' }),
    ).toString('base64url');
    await refused(verifier.verify(`${header}.${forged}.${signature}`), /not valid/);
    const other = await mintToken('lena.legal', { secret: 'another-secret-of-sufficient-length-00' });
    await refused(verifier.verify(other), /not valid/);
    assert.deepEqual(await verifier.verify(token), { user: 'max.sales' });
  });

  it('never remembers a refusal', async () => {
    let clock = Date.now();
    const verifier = createTokenVerifier(identity, () => clock);
    // Issued 20 s in the future: refused now, fine once that moment has come.
    const early = await mintToken('max.sales', { secret: SECRET, issuedAt: 20, expiresIn: 120 });
    await refused(verifier.verify(early), /future/);
    clock += 21_000;
    assert.deepEqual(await verifier.verify(early), { user: 'max.sales' });
  });
});
