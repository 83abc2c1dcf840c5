// Authorization of live events against the real emulator: what a stream may learn about items its user
// may not see (rex.restricted and the Acme "Confidential" folder), and how long a stream outlives its token.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/bff/config.js';
import { assertSafeWebhookUrl, isPublicAddress, UnsafeUrlError } from '../../src/bff/events/url-guard.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import { startBffWithEvents, type RunningBffWithEvents } from '../../src/bff/server.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { mintToken } from './helpers/tokens.js';

const { acme } = WELL_KNOWN;
const REX = WELL_KNOWN.users.restricted.name;
const MAX = WELL_KNOWN.users.regular.name;
const WORKSPACE = String(acme.workspaceId);
const CONFIDENTIAL = String(acme.confidentialDocumentId);
const DRAFT = String(acme.draftDocumentId);

/** Everything a stream sent until `stop` matches or `ms` pass; `ended` says whether the server closed it. */
async function readStream(
  res: Response,
  stop: RegExp,
  ms: number,
): Promise<{ text: string; ended: boolean }> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let timedOut = false;
  let ended = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => undefined);
  }, ms);
  try {
    while (!stop.test(text)) {
      const { value, done } = await reader.read();
      if (done) {
        ended = !timedOut;
        break;
      }
      text += value;
    }
  } catch {
    // cancelled by the timer
  } finally {
    clearTimeout(timer);
  }
  return { text, ended };
}

describe('authorization of live events', () => {
  const hookSecret = generateWebhookSecret();
  const identitySecret = randomBytes(24).toString('base64url');
  let emulator: RunningEmulator;
  let bff: RunningBffWithEvents;
  const aborts: AbortController[] = [];
  let auditId = 700_000_000;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    const config = loadConfig({
      BFF_PORT: '0',
      XECM_BASE_URL: emulator.url,
      BFF_IDENTITY_SECRET: identitySecret,
      BFF_CLOCK_TOLERANCE_SECONDS: '0',
      BFF_HOOK_SECRETS: hookSecret,
      BFF_LOG_LEVEL: 'silent',
      BFF_STORE_PATH: ':memory:',
    });
    bff = await startBffWithEvents(config, {}, { detectorIntervalMs: 60_000 });
  });
  after(async () => {
    aborts.forEach((a) => a.abort());
    await bff.close();
    await emulator.close();
  });

  const open = async (
    user: string,
    topics: string,
    headers: Record<string, string> = {},
    expiresIn = 300,
  ) => {
    const ctl = new AbortController();
    aborts.push(ctl);
    const token = await mintToken(user, { secret: identitySecret, expiresIn });
    return fetch(`${bff.url}/v1/events?topics=${topics}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
      signal: ctl.signal,
    });
  };

  /** Sends a signed xECM callout, as a workflow step or event action would. */
  const callout = async (type: string, data: Record<string, unknown>): Promise<void> => {
    const id = ++auditId;
    const body = JSON.stringify({
      type,
      timestamp: new Date().toISOString(),
      data: { auditId: id, ...data },
    });
    const now = new Date();
    const res = await fetch(`${bff.url}/hooks/xecm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': `msg_${id}`,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(hookSecret).sign(`msg_${id}`, now, body),
      },
      body,
    });
    assert.equal(res.status, 204);
  };

  it('never tells a workspace stream about a document its user may not see, live or replayed', async () => {
    const rex = await open(REX, `workspace:${WORKSPACE}`);
    const max = await open(MAX, `workspace:${WORKSPACE}`);
    assert.equal(rex.status, 200);
    assert.equal(max.status, 200);
    const doc = { nodeType: 144, workspaceId: Number(WORKSPACE) };
    await callout('document.approved', { ...doc, nodeId: Number(CONFIDENTIAL), approvalStatus: 'Approved' });
    await callout('workflow.initiated', {
      ...doc,
      nodeId: Number(CONFIDENTIAL),
      processId: 5999,
      workflowName: 'Contract Review',
      stepName: 'Legal review',
    });
    // A visible document's change last: once rex has it, the hidden ones would have come before.
    await callout('document.revised', { ...doc, nodeId: Number(DRAFT), version: 2 });

    const seenByMax = await readStream(max, new RegExp(`"documentId":"${DRAFT}"`), 15_000);
    assert.match(seenByMax.text, new RegExp(`"documentId":"${CONFIDENTIAL}"`), 'max may see it');
    const seenByRex = await readStream(rex, new RegExp(`"documentId":"${DRAFT}"`), 15_000);
    assert.match(seenByRex.text, /event: document\.revised/);
    assert.doesNotMatch(seenByRex.text, new RegExp(CONFIDENTIAL));
    assert.doesNotMatch(seenByRex.text, /Legal review|Contract Review|5999/);

    // Reconnecting with Last-Event-ID 0 replays the whole history of the topic: still filtered.
    const replay = await open(REX, `workspace:${WORKSPACE}`, { 'last-event-id': '0' });
    const replayed = await readStream(replay, new RegExp(`"documentId":"${DRAFT}"`), 15_000);
    assert.match(replayed.text, /event: document\.revised/);
    assert.doesNotMatch(replayed.text, new RegExp(CONFIDENTIAL));
  });

  it("does not pass a review of a hidden item off as the workspace's own", async () => {
    const rex = await open(REX, `workspace:${WORKSPACE}`);
    assert.equal(rex.status, 200);
    const workspaceId = Number(WORKSPACE);
    const review = { processId: 5998, workflowName: 'Secret Merger Review', stepName: 'Board approval' };
    // A callout that does not say the node is a document, and one about the Confidential folder itself.
    await callout('workflow.initiated', { ...review, nodeId: Number(CONFIDENTIAL), workspaceId });
    await callout('workflow.initiated', {
      ...review,
      nodeId: acme.confidentialFolderId,
      nodeType: 0,
      workspaceId,
    });
    await callout('document.revised', { nodeType: 144, nodeId: Number(DRAFT), workspaceId, version: 3 });
    const seen = await readStream(rex, /"version":3/, 15_000);
    assert.match(seen.text, /event: document\.revised/);
    assert.doesNotMatch(seen.text, /Secret Merger|Board approval|5998/);
  });

  it('treats a hidden document and a missing one alike, and opens no stream on hidden topics alone', async () => {
    const body = async (res: Response) => {
      const { requestId: _ignored, ...rest } = (await res.json()) as Record<string, unknown>;
      return rest;
    };
    const hidden = await open(REX, `document:${CONFIDENTIAL}`);
    const missing = await open(REX, 'document:99999999');
    assert.equal(hidden.status, 403);
    assert.equal(missing.status, 403);
    assert.deepEqual(await body(hidden), await body(missing));
    const mixed = await open(REX, `document:${DRAFT},document:${CONFIDENTIAL}`);
    assert.equal(mixed.status, 200);
    const { text } = await readStream(mixed, /event: topics\n.*\n\n/, 15_000);
    assert.match(text, new RegExp(`"refused":\\["document:${CONFIDENTIAL}"\\]`));
  });

  it('ends a stream when its token expires, so access is checked again on reconnect', async () => {
    const res = await open(MAX, `document:${DRAFT}`, {}, 3);
    assert.equal(res.status, 200);
    const { text, ended } = await readStream(res, /(?!)/, 15_000);
    assert.match(text, /event: ready/);
    assert.ok(ended, 'the BFF closed the stream once the token was no longer valid');
  });
});

describe('authorization: webhook targets', () => {
  it('refuses IPv6 spellings that carry an IPv4 address through translators or tunnels', async () => {
    for (const address of [
      '::ffff:0:7f00:1', // IPv4-translated 127.0.0.1
      '::ffff:0:a9fe:a9fe', // IPv4-translated 169.254.169.254
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
      '192.88.99.1', // 6to4 relay anycast
    ]) {
      assert.equal(isPublicAddress(address), false, address);
      await assert.rejects(
        assertSafeWebhookUrl(`https://${address.includes(':') ? `[${address}]` : address}/hook`),
        UnsafeUrlError,
        address,
      );
    }
    // Ordinary public addresses stay allowed.
    assert.equal(isPublicAddress('2a00:1450:4001:80b::200e'), true);
    assert.equal(isPublicAddress('93.184.216.34'), true);
  });
});
