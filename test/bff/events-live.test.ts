import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import { startReceiver } from '../emulator/helpers/receiver.js';
import { startEventsStack, type EventsStack } from './helpers/events-stack.js';
import { signedHeaders } from './helpers/signed.js';
import { adminTicket } from './portal-helpers.js';

const docId = String(WELL_KNOWN.acme.draftDocumentId);
const confidential = String(WELL_KNOWN.acme.confidentialDocumentId);

describe('events wired into the BFF', () => {
  const hookSecret = generateWebhookSecret();
  const adminToken = randomBytes(32).toString('base64url');
  let stack: EventsStack;
  const aborts: AbortController[] = [];

  before(async () => {
    stack = await startEventsStack({
      events: {
        hookSecrets: [hookSecret],
        detectorIntervalMs: 100,
        adminToken,
        devAllowedHosts: ['127.0.0.1'],
      },
    });
  });
  after(async () => {
    aborts.forEach((a) => a.abort());
    await stack.close();
  });

  const stream = async (user: string, topics: string) => {
    const ctl = new AbortController();
    aborts.push(ctl);
    const res = await fetch(`${stack.bff.url}/v1/events?topics=${topics}`, {
      headers: { authorization: `Bearer ${await stack.tokenFor(user)}` },
      signal: ctl.signal,
    });
    return { res, ctl };
  };

  /** POSTs `body` to /hooks/xecm signed as xECM signs its callouts. */
  const calloutSigned = (id: string, body: string) =>
    fetch(`${stack.bff.url}/hooks/xecm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(hookSecret, body, id) },
      body,
    });

  async function readUntil(res: Response, pattern: RegExp): Promise<string> {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    // A missing event must fail the test, not hang the suite.
    const timer = setTimeout(() => void reader.cancel(), 30_000);
    let text = '';
    try {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    } finally {
      clearTimeout(timer);
    }
    reader.releaseLock();
    return text;
  }

  it('pushes an approval made in xECM to an open stream, found by polling', async () => {
    const { res } = await stream('max.sales', `document:${docId}`);
    assert.equal(res.status, 200);
    // The new topic wakes the detector: its first look (the cursor) comes before the change.
    for (let i = 0; i < 200 && stack.store.getCursor(`audit:${docId}`) === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.notEqual(stack.store.getCursor(`audit:${docId}`), null);
    const ticket = await adminTicket(stack.emulator.url);
    const put = await fetch(`${stack.emulator.url}/api/v2/nodes/${docId}/categories/9001`, {
      method: 'PUT',
      headers: { OTCSTicket: ticket },
      body: new URLSearchParams({ '9001_2': 'Approved' }),
    });
    assert.equal(put.status, 200);
    const text = await readUntil(res, /event: document\.approved\n/);
    assert.match(text, /"documentId":"10113"/);
    assert.doesNotMatch(text, new RegExp(ticket));
  });

  it('registers a subscription through the admin API and delivers a callout to it, signed', async () => {
    const receiver = await startReceiver();
    try {
      const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
      const url = `${receiver.url}/erp`;
      const denied = await fetch(`${stack.bff.url}/v1/subscriptions`, {
        method: 'POST',
        headers: { ...admin, authorization: 'Bearer nope' },
        body: JSON.stringify({ url }),
      });
      assert.equal(denied.status, 401);
      const ssrf = await fetch(`${stack.bff.url}/v1/subscriptions`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ url: 'http://169.254.169.254/latest' }),
      });
      assert.equal(ssrf.status, 400);
      const created = await fetch(`${stack.bff.url}/v1/subscriptions`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ url, eventTypes: ['document.added'] }),
      });
      assert.equal(created.status, 201);
      const sub = (await created.json()) as { id: string; secret: string };
      const listed = (await (
        await fetch(`${stack.bff.url}/v1/subscriptions`, { headers: admin })
      ).json()) as {
        subscriptions: Record<string, unknown>[];
      };
      assert.equal(listed.subscriptions.length, 1);
      assert.equal('secret' in listed.subscriptions[0]!, false);

      const body = JSON.stringify({
        type: 'document.added',
        timestamp: new Date().toISOString(),
        data: { auditId: 888888, nodeId: 10116, nodeType: 144, workspaceId: 10100 },
      });
      const hook = await calloutSigned('msg_888888', body);
      assert.equal(hook.status, 204);
      for (let i = 0; i < 200 && receiver.requests.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      assert.equal(receiver.requests.length, 1);
      const got = receiver.requests[0]!;
      // A creation is named after the new node, so polling (which sees no audit entry) agrees.
      assert.equal(got.headers['webhook-id'], 'xecm-created-10116');
      const payload = new Webhook(sub.secret).verify(got.body, got.headers as Record<string, string>) as {
        type: string;
      };
      assert.equal(payload.type, 'document.added');
    } finally {
      await receiver.close();
    }
  });

  it('refuses a topic the user may not see, and mounts /hooks/xecm outside /v1', async () => {
    assert.equal((await stream('rex.restricted', `document:${confidential}`)).res.status, 403);
    const body = JSON.stringify({
      type: 'document.revised',
      timestamp: new Date().toISOString(),
      data: { auditId: 999999, nodeId: 10110, nodeType: 144, workspaceId: 10100, version: 4 },
    });
    const res = await calloutSigned('msg_999999', body);
    assert.equal(res.status, 204);
    assert.ok(stack.store.eventsAfter(0).some((s) => s.event.id === 'xecm-audit-999999'));
    const unsigned = await fetch(`${stack.bff.url}/hooks/xecm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(unsigned.status, 401);
  });
});
