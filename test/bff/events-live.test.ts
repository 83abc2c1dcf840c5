import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/bff/config.js';
import { startBff, type RunningBff } from '../../src/bff/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { createEventsModule, type EventsModule } from '../../src/bff/events/events-module.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import { mintToken } from './helpers/tokens.js';

const docId = String(WELL_KNOWN.acme.draftDocumentId);
const confidential = String(WELL_KNOWN.acme.confidentialDocumentId);

describe('events wired into the BFF', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const hookSecret = generateWebhookSecret();
  const identitySecret = randomBytes(24).toString('base64url');
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let bff: RunningBff;
  let events: EventsModule;
  const aborts: AbortController[] = [];

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    const config = loadConfig({
      BFF_PORT: '0',
      XECM_BASE_URL: emulator.url,
      BFF_IDENTITY_SECRET: identitySecret,
      BFF_ALLOWED_ORIGINS: 'https://crm.example.com',
      BFF_LOG_LEVEL: 'silent',
    });
    events = createEventsModule({
      store,
      hookSecrets: [hookSecret],
      pollUser: 'Admin',
      detectorIntervalMs: 100,
    });
    bff = await startBff(config, { routes: [events.routes] });
    events.start();
  });
  after(async () => {
    aborts.forEach((a) => a.abort());
    await events.stop();
    await bff.close();
    await emulator.close();
    store.close();
  });

  const stream = async (user: string, topics: string) => {
    const ctl = new AbortController();
    aborts.push(ctl);
    const res = await fetch(`${bff.url}/v1/events?topics=${topics}`, {
      headers: { authorization: `Bearer ${await mintToken(user, { secret: identitySecret })}` },
      signal: ctl.signal,
    });
    return { res, ctl };
  };

  async function readUntil(res: Response, pattern: RegExp): Promise<string> {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    reader.releaseLock();
    return text;
  }

  it('pushes an approval made in xECM to an open stream, found by polling', async () => {
    const { res } = await stream('max.sales', `document:${docId}`);
    assert.equal(res.status, 200);
    // Let the detector take its first look (cursor) before the change.
    await new Promise((r) => setTimeout(r, 300));
    const login = await fetch(`${emulator.url}/api/v1/auth`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'Admin', password: 'livelink' }),
    });
    const { ticket } = (await login.json()) as { ticket: string };
    const put = await fetch(`${emulator.url}/api/v2/nodes/${docId}/categories/9001`, {
      method: 'PUT',
      headers: { OTCSTicket: ticket },
      body: new URLSearchParams({ '9001_2': 'Approved' }),
    });
    assert.equal(put.status, 200);
    const text = await readUntil(res, /event: document\.approved\n/);
    assert.match(text, /"documentId":"10113"/);
    assert.doesNotMatch(text, new RegExp(ticket));
  });

  it('refuses a topic the user may not see, and mounts /hooks/xecm outside /v1', async () => {
    assert.equal((await stream('rex.restricted', `document:${confidential}`)).res.status, 403);
    const body = JSON.stringify({
      type: 'document.revised',
      timestamp: new Date().toISOString(),
      data: { auditId: 999999, nodeId: 10110, nodeType: 144, workspaceId: 10100, version: 4 },
    });
    const now = new Date();
    const res = await fetch(`${bff.url}/hooks/xecm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_999999',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(hookSecret).sign('msg_999999', now, body),
      },
      body,
    });
    assert.equal(res.status, 204);
    assert.ok(store.eventsAfter(0).some((s) => s.event.id === 'xecm-audit-999999'));
    const unsigned = await fetch(`${bff.url}/hooks/xecm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(unsigned.status, 401);
  });
});
