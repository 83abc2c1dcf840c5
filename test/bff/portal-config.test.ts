import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/bff/config.js';

const secret = 's'.repeat(40);

describe('portal configuration', () => {
  it('has safe defaults: off, 5-minute links, 30 s cache, no trusted proxy', () => {
    const config = loadConfig({});
    assert.equal(config.portal.enabled, false);
    assert.equal(config.portal.linkTtlSeconds, 300);
    assert.equal(config.portal.cacheTtlSeconds, 30);
    assert.deepEqual(config.portal.trustedProxies, []);
    assert.equal(config.portal.serviceUser, 'portal.reader');
    assert.ok(config.portal.secret.length >= 32, 'a random development secret');
    assert.equal(config.adminToken, undefined);
  });

  it('reads every portal setting from the environment', () => {
    const config = loadConfig({
      BFF_PORTAL: '1',
      BFF_PORTAL_SECRET: secret,
      BFF_PORTAL_LINK_TTL_SECONDS: '60',
      BFF_PORTAL_CACHE_TTL_SECONDS: '0.5',
      BFF_PORTAL_RATE_LIMIT: '10',
      BFF_PORTAL_RATE_LIMIT_WINDOW_SECONDS: '30',
      BFF_TRUSTED_PROXIES: '10.0.0.5, ::1',
      BFF_ADMIN_TOKEN: 'a'.repeat(32),
    });
    assert.equal(config.portal.enabled, true);
    assert.equal(config.portal.secret, secret);
    assert.equal(config.portal.linkTtlSeconds, 60);
    assert.equal(config.portal.cacheTtlSeconds, 0.5);
    assert.deepEqual(config.portal.rateLimit, { requests: 10, windowSeconds: 30 });
    assert.deepEqual(config.portal.trustedProxies, ['10.0.0.5', '::1']);
    assert.equal(config.adminToken, 'a'.repeat(32));
  });

  it('names wrong settings and refuses a portal without a secret in production', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.message;
      }
      assert.fail('expected a ConfigError');
    };
    assert.match(problems({ BFF_TRUSTED_PROXIES: '10.0.0.0/8' }), /BFF_TRUSTED_PROXIES.*IP address/);
    assert.match(problems({ BFF_PORTAL_SECRET: 'short' }), /BFF_PORTAL_SECRET.*32/);
    assert.match(problems({ BFF_ADMIN_TOKEN: 'short' }), /BFF_ADMIN_TOKEN.*32/);
    assert.match(
      problems({ NODE_ENV: 'production', BFF_IDENTITY_SECRET: secret, BFF_PORTAL: '1' }),
      /BFF_PORTAL_SECRET.*production/,
    );
  });
});
