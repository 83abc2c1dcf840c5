import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/bff/config.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError, 'expected a ConfigError');
    return error.problems;
  }
  assert.fail('expected loadConfig to throw');
}

describe('BFF config', () => {
  it('starts against the emulator on port 4000 with no settings at all', () => {
    const config = loadConfig({});
    assert.equal(config.port, 4000);
    assert.equal(config.xecm.baseUrl, 'http://127.0.0.1:4010');
    assert.equal(config.xecm.otdsUrl, 'http://127.0.0.1:4010');
    assert.equal(config.xecm.deepLinkTemplate, 'http://127.0.0.1:4010/app/nodes/{id}');
    assert.equal(config.identity.devMode, false);
    assert.deepEqual(config.allowedOrigins, []);
  });

  it('names the environment variable and the file key of every wrong setting', () => {
    const problems = problemsOf(() =>
      loadConfig({
        BFF_PORT: 'eighty',
        BFF_ALLOWED_ORIGINS: 'https://crm.example.com/',
        BFF_IDENTITY_SECRET: 'short',
      }),
    );
    assert.equal(problems.length, 3);
    assert.ok(problems.some((p) => p.startsWith('BFF_PORT (config file key "port")')));
    assert.ok(problems.some((p) => p.startsWith('BFF_ALLOWED_ORIGINS') && p.includes('exact origin')));
    assert.ok(problems.some((p) => p.startsWith('BFF_IDENTITY_SECRET') && p.includes('32 characters')));
    assert.ok(!problems.join().includes('short'), 'secret values are not echoed');
  });

  it('refuses dev identity and the default secret in production', () => {
    const problems = problemsOf(() => loadConfig({ NODE_ENV: 'production', BFF_DEV_IDENTITY: '1' }));
    assert.ok(problems.some((p) => p.startsWith('BFF_DEV_IDENTITY') && p.includes('production')));
    assert.ok(problems.some((p) => p.startsWith('BFF_IDENTITY_SECRET') && p.includes('production')));
  });

  it('refuses dev identity and the default secret on an address other machines reach', () => {
    const problems = problemsOf(() => loadConfig({ BFF_HOST: '0.0.0.0', BFF_DEV_IDENTITY: '1' }));
    assert.ok(problems.some((p) => p.startsWith('BFF_DEV_IDENTITY') && p.includes('0.0.0.0')));
    assert.ok(problems.some((p) => p.startsWith('BFF_IDENTITY_SECRET') && p.includes('0.0.0.0')));
    // Its own secret makes a container BFF fine; on loopback the defaults stay usable for the demo.
    const secret = 'a-random-secret-of-at-least-32-characters!';
    assert.equal(loadConfig({ BFF_HOST: '0.0.0.0', BFF_IDENTITY_SECRET: secret }).host, '0.0.0.0');
    for (const host of ['127.0.0.1', 'localhost', '::1'])
      assert.equal(loadConfig({ BFF_HOST: host, BFF_DEV_IDENTITY: '1' }).identity.devMode, true);
  });

  it('reads a JSON config file, with environment variables winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bff-config-'));
    const file = join(dir, 'bff.json');
    writeFileSync(
      file,
      JSON.stringify({
        port: 4100,
        allowedOrigins: ['https://crm.example.com'],
        xecm: { baseUrl: 'https://cs.example.com/otcs/cs.exe/', timeoutMs: 2500 },
        cache: { summaryTtlSeconds: 5 },
      }),
    );
    const config = loadConfig({ BFF_CONFIG_FILE: file, BFF_PORT: '4200' });
    assert.equal(config.port, 4200);
    assert.deepEqual(config.allowedOrigins, ['https://crm.example.com']);
    assert.equal(config.xecm.baseUrl, 'https://cs.example.com/otcs/cs.exe');
    assert.equal(config.xecm.deepLinkTemplate, 'https://cs.example.com/otcs/cs.exe/app/nodes/{id}');
    assert.equal(config.xecm.timeoutMs, 2500);
    assert.equal(config.cache.summaryTtlSeconds, 5);
  });

  it('explains an unreadable or invalid config file', () => {
    assert.match(
      problemsOf(() => loadConfig({}, '/nonexistent/bff.json'))[0]!,
      /^BFF_CONFIG_FILE: cannot read/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'bff-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ not json');
    assert.match(problemsOf(() => loadConfig({}, file))[0]!, /is not valid JSON/);
    writeFileSync(file, JSON.stringify({ xecm: { timeoutMs: 'soon' } }));
    assert.match(
      problemsOf(() => loadConfig({}, file))[0]!,
      /^XECM_TIMEOUT_MS \(config file key "xecm.timeoutMs"\)/,
    );
  });
});
