import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { ConfigError, loadConfig, type BffConfig } from '../../src/bff/config.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import { startBffWithEvents } from '../../src/bff/server.js';
import type { Review } from '../../src/contract/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { mintToken } from './helpers/tokens.js';

const draftDoc = String(WELL_KNOWN.acme.draftDocumentId);

describe('BFF process wiring: store file, events module, settings', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let config: BffConfig;
  const identitySecret = randomBytes(24).toString('base64url');
  const hookSecret = generateWebhookSecret();

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'bff-store-'));
    config = loadConfig({
      BFF_PORT: '0',
      XECM_BASE_URL: emulator.url,
      BFF_IDENTITY_SECRET: identitySecret,
      BFF_LOG_LEVEL: 'silent',
      BFF_STORE_PATH: join(dir, 'bff.sqlite'),
      BFF_HOOK_SECRETS: hookSecret,
      BFF_EVENTS_POLL_USER: 'Admin',
    });
  });
  after(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the settings from the environment and refuses dev webhook hosts in production', () => {
    assert.deepEqual(config.events.hookSecrets, [hookSecret]);
    assert.equal(config.events.pollUser, 'Admin');
    assert.equal(loadConfig({}).storePath, ':memory:');
    assert.throws(
      () => loadConfig({ BFF_HOOK_SECRETS: 'not-a-secret' }),
      (e: unknown) => e instanceof ConfigError && /BFF_HOOK_SECRETS/.test(e.message),
    );
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'production',
          BFF_IDENTITY_SECRET: identitySecret + identitySecret,
          BFF_WEBHOOK_DEV_HOSTS: '127.0.0.1',
        }),
      (e: unknown) => e instanceof ConfigError && /BFF_WEBHOOK_DEV_HOSTS/.test(e.message),
    );
  });

  it('accepts signed callouts on /hooks/xecm with the configured secret, 401 otherwise', async () => {
    const bff = await startBffWithEvents(config);
    try {
      const body = JSON.stringify({
        type: 'document.revised',
        timestamp: new Date().toISOString(),
        data: { auditId: 777001, nodeId: 10110, nodeType: 144, workspaceId: 10100, version: 4 },
      });
      const now = new Date();
      const headers = {
        'content-type': 'application/json',
        'webhook-id': 'msg_777001',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      };
      const signed = await fetch(`${bff.url}/hooks/xecm`, {
        method: 'POST',
        headers: { ...headers, 'webhook-signature': new Webhook(hookSecret).sign('msg_777001', now, body) },
        body,
      });
      assert.equal(signed.status, 204);
      const wrong = await fetch(`${bff.url}/hooks/xecm`, {
        method: 'POST',
        headers: {
          ...headers,
          'webhook-signature': new Webhook(generateWebhookSecret()).sign('msg_777001', now, body),
        },
        body,
      });
      assert.equal(wrong.status, 401);
      assert.ok(bff.store.eventsAfter(0).some((s) => s.event.id === 'xecm-audit-777001'));
    } finally {
      await bff.close();
    }
  });

  it('keeps idempotency records in the store file across a restart', async () => {
    const token = await mintToken('max.sales', { secret: identitySecret });
    const post = (url: string) =>
      fetch(`${url}/v1/reviews`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-requested-with': 'xecm-elements',
          'idempotency-key': 'restart-1',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ target: { kind: 'document', id: draftDoc }, workflow: 'compliance-review' }),
      });
    const first = await startBffWithEvents(config);
    let review: Review;
    try {
      const res = await post(first.url);
      assert.equal(res.status, 201);
      review = (await res.json()) as Review;
      assert.equal(review.step, 'Compliance check');
    } finally {
      await first.close();
    }
    const second = await startBffWithEvents(config);
    try {
      const again = await post(second.url);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await again.json()) as Review).id, review.id);
      // The store also remembers which process reviews the document: the options name it.
      const options = await fetch(`${second.url}/v1/reviews/options?kind=document&id=${draftDoc}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await options.json()) as { reason?: string; running?: Review };
      assert.equal(body.reason, 'review-running');
      assert.equal(body.running?.id, review.id);
    } finally {
      await second.close();
    }
  });
});
