// The anonymous portal's rate limit cannot be escaped by rotating through the addresses of one IPv6 network.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { Stack } from './helpers/stack.js';
import { startPortalStack } from './portal-helpers.js';

const LIST = `/portal/v1/workspaces/${WELL_KNOWN.empty.workspaceId}/documents`;

describe('authorization: portal rate limit per IPv6 network', () => {
  let stack: Stack;
  before(async () => {
    stack = await startPortalStack({
      BFF_PORTAL_RATE_LIMIT: '2',
      BFF_PORTAL_RATE_LIMIT_WINDOW_SECONDS: '600',
      // The test client is the proxy, and names the visitor in X-Forwarded-For.
      BFF_TRUSTED_PROXIES: '127.0.0.1',
    });
  });
  after(() => stack.close());

  const from = async (address: string) =>
    (await stack.fetch(LIST, { headers: { 'X-Forwarded-For': address } })).status;

  it('counts every address of one /64 as one visitor, and other networks apart', async () => {
    assert.equal(await from('2001:db8:aa:1::1'), 200);
    assert.equal(await from('2001:db8:aa:1:ffff:1:2:3'), 200);
    assert.equal(await from('2001:0db8:00aa:0001::beef'), 429, 'a third address of the same /64');
    assert.equal(await from('2001:db8:aa:2::1'), 200, 'the next /64 is another visitor');
    assert.equal(await from('203.0.113.7'), 200);
    assert.equal(await from('203.0.113.8'), 200, 'IPv4 addresses still count one by one');
  });
});
