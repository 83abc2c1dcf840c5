// Settings an operator gets slightly wrong: each is refused at start-up with a line naming it, never echoed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/bff/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  return [];
}

const KEY = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==';

describe('BFF config: LOB hook secrets', () => {
  it('accepts shared and per-system secrets, with or without the whsec_ prefix', () => {
    assert.deepEqual(problemsOf({ BFF_LOB_HOOK_SECRETS: `whsec_${KEY}, crm=whsec_${KEY},erp-2=${KEY}` }), []);
  });

  it('refuses a garbled binding that would become a secret for every system', () => {
    const problems = problemsOf({
      BFF_LOB_HOOK_SECRETS: `crm:whsec_${KEY},ERP=whsec_${KEY},whsec_${KEY}`,
    });
    assert.deepEqual(
      problems.map((p) => p.slice(0, p.indexOf(' must'))),
      ['BFF_LOB_HOOK_SECRETS: entry 1', 'BFF_LOB_HOOK_SECRETS: entry 2'],
    );
    assert.ok(!problems.join('\n').includes(KEY), 'secrets are not echoed');
  });
});

describe('BFF config: switches', () => {
  it('says what a switch accepts instead of "Invalid input"', () => {
    const problems = problemsOf({ BFF_DEV_IDENTITY: 'maybe', BFF_PORTAL: 'sure' });
    assert.deepEqual(problems.sort(), [
      'BFF_DEV_IDENTITY (config file key "identity.devMode"): must be true or false (also 1/0, yes/no, on/off)',
      'BFF_PORTAL (config file key "portal.enabled"): must be true or false (also 1/0, yes/no, on/off)',
    ]);
    const config = loadConfig({ BFF_PORTAL: 'yes', BFF_DEV_IDENTITY: '0' });
    assert.equal(config.portal.enabled, true);
    assert.equal(config.identity.devMode, false);
  });
});
