import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { DomainEvent } from '../../src/contract/index.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { EventHub, type HubMessage } from '../../src/bff/events/hub.js';
import { hooksRoutes } from '../../src/bff/routes/hooks.js';
import type { BffEnv } from '../../src/bff/http/env.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';

const secret = generateWebhookSecret();
const callout = (auditId: number, type = 'document.approved') =>
  JSON.stringify({
    type,
    timestamp: '2026-11-29T06:00:00.000Z',
    data: {
      auditId,
      nodeId: 1001,
      nodeType: 144,
      workspaceId: 500,
      version: 3,
      approvalStatus: 'Approved',
      user: 'lena.legal',
    },
  });

describe('POST /hooks/xecm', () => {
  let store = new SqliteStore({ path: ':memory:' });
  const hub = new EventHub({ store });
  const live: HubMessage[] = [];
  let server: ServerType;
  let base = '';

  before(async () => {
    hub.subscribe('max.sales', ['document:1001'], (m) => live.push(m));
    const app = new Hono<BffEnv>();
    app.use(async (c, next) => {
      c.set('requestId', 'test');
      await next();
    });
    app.route(
      '/hooks',
      hooksRoutes({
        get store() {
          return store;
        },
        hub,
        secrets: () => [secret],
      }),
    );
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    store.close();
    server.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${base}/hooks/xecm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (id: string, body: string, key = secret) => {
    const now = new Date();
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(key).sign(id, now, body),
    };
  };

  it('commits a signed callout before answering and publishes it once, even when sent twice', async () => {
    const body = callout(77);
    assert.equal((await post(body, signed('msg_77', body))).status, 204);
    const [stored] = store.eventsAfter(0);
    assert.deepEqual(stored?.event, {
      id: 'xecm-audit-77',
      type: 'document.approved',
      occurredAt: '2026-11-29T06:00:00.000Z',
      workspaceId: '500',
      documentId: '1001',
      data: { approvalStatus: 'Approved', version: 3 },
    } satisfies DomainEvent);
    assert.equal((await post(body, signed('msg_77', body))).status, 204);
    assert.equal(store.eventsAfter(0).length, 1);
    assert.equal(live.length, 1);
  });

  it('answers 401 problem for missing, wrong or tampered signatures and stores nothing', async () => {
    const body = callout(78);
    const before = store.eventsAfter(0).length;
    for (const headers of [
      {},
      signed('msg_78', body, generateWebhookSecret()),
      signed('msg_78', callout(79)),
      { ...signed('msg_78', body), 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) },
    ]) {
      const res = await post(body, headers);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const problem = (await res.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'unauthenticated');
    }
    // Whitespace changes the raw bytes: the signature over the original no longer matches.
    assert.equal((await post(` ${body}`, signed('msg_78', body))).status, 401);
    assert.equal(store.eventsAfter(0).length, before);
  });

  it('answers 400 for a signed body that is not a callout and 2xx without storing an unknown type', async () => {
    const junk = '{"hello":"world"}';
    assert.equal((await post(junk, signed('m1', junk))).status, 400);
    const other = callout(80, 'node.renamed');
    const before = store.eventsAfter(0).length;
    assert.equal((await post(other, signed('msg_80', other))).status, 204);
    assert.equal(store.eventsAfter(0).length, before);
  });

  it('answers 503 when the store is unavailable so the sender retries', async () => {
    const old = store;
    store = new SqliteStore({ path: ':memory:' });
    store.close();
    const body = callout(81);
    const res = await post(body, signed('msg_81', body));
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as { code: string }).code, 'store-unavailable');
    store = old;
    assert.equal((await post(body, signed('msg_81', body))).status, 204);
  });
});
