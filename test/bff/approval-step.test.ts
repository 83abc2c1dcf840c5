import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { DocumentItem, DocumentPage, Review, WorkspaceSummary } from '../../src/contract/index.js';
import { loadConfig } from '../../src/bff/config.js';
import { createEventsModule, type EventsModule } from '../../src/bff/events/events-module.js';
import { startBff, type RunningBff } from '../../src/bff/server.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startEmulator } from '../../src/emulator/server.js';
import { startStack, type Stack } from './helpers/stack.js';
import { mintToken } from './helpers/tokens.js';

const { acme } = WELL_KNOWN;
const workspaceId = String(acme.workspaceId);
const draftDoc = String(acme.draftDocumentId);
const seededInReviewDoc = String(acme.inReviewDocumentId);
const JSON_WRITE = { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' };
const STATUS_PATH = '/api/v2/workflows/status/processes/';

describe('approval.step: the current review step in summaries (no summary cache)', () => {
  let stack: Stack;
  const reviews: Record<'workspace' | 'document', Review | undefined> = {
    workspace: undefined,
    document: undefined,
  };

  before(async () => {
    stack = await startStack({ env: { BFF_SUMMARY_TTL_SECONDS: '0', BFF_DOCUMENTS_TTL_SECONDS: '0' } });
    for (const [kind, id] of [
      ['workspace', workspaceId],
      ['document', draftDoc],
    ] as const) {
      const res = await stack.fetch('/v1/reviews', {
        method: 'POST',
        headers: { ...JSON_WRITE, authorization: `Bearer ${await stack.tokenFor('max.sales')}` },
        body: JSON.stringify({ target: { kind, id }, workflow: 'contract-review' }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      reviews[kind] = (await res.json()) as Review;
    }
  });
  after(() => stack.close());

  const statusReads = () => stack.upstream.filter((r) => r.path.startsWith(STATUS_PATH)).length;
  const workspace = async (user = 'max.sales') => {
    const res = await stack.get<WorkspaceSummary>(user, `/v1/workspaces/${workspaceId}`);
    assert.equal(res.status, 200);
    return res.body;
  };
  const document = async (id = draftDoc, user = 'max.sales') => {
    const res = await stack.get<DocumentItem>(user, `/v1/documents/${id}`);
    assert.equal(res.status, 200);
    return res.body;
  };
  const listRows = async () => {
    const res = await stack.get<DocumentPage>(
      'max.sales',
      `/v1/workspaces/${workspaceId}/documents?pageSize=100`,
    );
    assert.equal(res.status, 200);
    return new Map(res.body.items.map((d) => [d.id, d]));
  };
  const approve = async (kind: 'workspace' | 'document') => {
    const act = await stack.control('/emulator/workflows/act', {
      processId: Number(reviews[kind]!.id),
      user: 'lena.legal',
      action: 'Approve',
    });
    assert.equal(act.status, 200, await act.text());
  };

  it('shows "Legal review" on the document, its list row, the workspace and its lookup, one status read each', async () => {
    let before = statusReads();
    assert.deepEqual(
      { state: (await document()).approval.state, step: (await document()).approval.step },
      { state: 'in-review', step: 'Legal review' },
    );
    assert.equal(statusReads(), before + 2); // two reads, one status call each

    before = statusReads();
    const summary = await workspace();
    assert.equal(summary.approval.state, 'in-review');
    assert.equal(summary.approval.step, 'Legal review');
    assert.equal(statusReads(), before + 1);

    const bo = acme.businessObject;
    const lookup = await stack.get<WorkspaceSummary>(
      'max.sales',
      `/v1/workspaces/lookup?system=${bo.system}&type=${bo.type}&id=${bo.id}`,
    );
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.approval.step, 'Legal review');

    before = statusReads();
    const rows = await listRows();
    assert.equal(rows.get(draftDoc)?.approval.step, 'Legal review');
    // In review since the seed (started inside xECM): the BFF knows no process, so no step and no extra call.
    assert.equal(rows.get(seededInReviewDoc)?.approval.state, 'in-review');
    assert.equal(rows.get(seededInReviewDoc)?.approval.step, undefined);
    assert.equal(statusReads(), before + 1);
  });

  it('shows the step to another user who may see the item (read as that user)', async () => {
    assert.equal((await document(draftDoc, 'lena.legal')).approval.step, 'Legal review');
    assert.equal((await workspace('Admin')).approval.step, 'Legal review');
  });

  it('moves on to "Final approval" once the first step is approved', async () => {
    await approve('document');
    await approve('workspace');
    assert.equal((await document()).approval.step, 'Final approval');
    assert.equal((await listRows()).get(draftDoc)?.approval.step, 'Final approval');
    const summary = await workspace();
    assert.deepEqual([summary.approval.state, summary.approval.step], ['in-review', 'Final approval']);
  });

  it('leaves the step out, but still answers, when xECM fails or garbles the status read', async () => {
    for (const fault of [{ status: 500 }, { malformed: true }, { status: 403 }]) {
      const set = await stack.control('/emulator/faults', { path: STATUS_PATH, count: 2, ...fault });
      assert.ok(set.ok, JSON.stringify(fault));
      const item = await document();
      const summary = await workspace();
      assert.equal(item.approval.state, 'in-review', JSON.stringify(fault));
      assert.equal(item.approval.step, undefined, JSON.stringify(fault));
      assert.equal(summary.approval.state, 'in-review');
      assert.equal(summary.approval.step, undefined, JSON.stringify(fault));
    }
    // A failure is not remembered: the next read has the step again.
    assert.equal((await document()).approval.step, 'Final approval');
  });

  it('shows no step once the review is approved', async () => {
    await approve('document');
    await approve('workspace');
    const item = await document();
    assert.equal(item.approval.state, 'approved');
    assert.equal('step' in item.approval, false);
    const summary = await workspace();
    assert.equal(summary.approval.state, 'approved');
    assert.equal('step' in summary.approval, false);
  });
});

// With the usual summary cache the step is cached with the summary and dropped by the review events.
describe('approval.step with cached summaries and live review events', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const identitySecret = randomBytes(24).toString('base64url');
  const statusPaths: string[] = [];
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let bff: RunningBff;
  let events: EventsModule;
  const stream = new AbortController();
  let headers: Record<string, string>;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    const config = loadConfig({
      BFF_PORT: '0',
      XECM_BASE_URL: emulator.url,
      BFF_IDENTITY_SECRET: identitySecret,
      BFF_ALLOWED_ORIGINS: 'https://crm.example.com',
      BFF_LOG_LEVEL: 'silent',
      BFF_SUMMARY_TTL_SECONDS: '600',
      BFF_DOCUMENTS_TTL_SECONDS: '600',
    });
    events = createEventsModule({ store, hookSecrets: [], pollUser: 'Admin', detectorIntervalMs: 50 });
    const counting: typeof fetch = (input, init) => {
      const path = new URL(String(input)).pathname;
      if (path.startsWith(STATUS_PATH)) statusPaths.push(path);
      return fetch(input, init);
    };
    bff = await startBff(config, {
      fetch: counting,
      store,
      routes: [events.routes],
      publicRoutes: [events.publicRoutes],
    });
    events.start();
    headers = { authorization: `Bearer ${await mintToken('max.sales', { secret: identitySecret })}` };
  });
  after(async () => {
    stream.abort();
    await events.stop();
    await bff.close();
    await emulator.close();
    store.close();
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${bff.url}${path}`, { headers });
    assert.equal(res.status, 200);
    return (await res.json()) as T;
  };
  const steps = async () => [
    (await get<WorkspaceSummary>(`/v1/workspaces/${workspaceId}`)).approval.step,
    (await get<DocumentItem>(`/v1/documents/${draftDoc}`)).approval.step,
  ];
  const eventsOf = (type: string) => store.eventsAfter(0).filter((s) => s.event.type === type).length;

  it('reads each step once while cached, and the next step after review.step-changed', async () => {
    const live = await fetch(`${bff.url}/v1/events?topics=workspace:${workspaceId},document:${draftDoc}`, {
      headers,
      signal: stream.signal,
    });
    assert.equal(live.status, 200);
    const ids: string[] = [];
    for (const [kind, id] of [
      ['workspace', workspaceId],
      ['document', draftDoc],
    ] as const) {
      const res = await fetch(`${bff.url}/v1/reviews`, {
        method: 'POST',
        headers: { ...headers, ...JSON_WRITE },
        body: JSON.stringify({ target: { kind, id }, workflow: 'contract-review' }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      ids.push(((await res.json()) as Review).id);
    }

    assert.deepEqual(await steps(), ['Legal review', 'Legal review']);
    const reads = statusPaths.length;
    assert.deepEqual(await steps(), ['Legal review', 'Legal review']);
    assert.equal(statusPaths.length, reads, 'cached steps are not read again');

    const changedBefore = eventsOf('review.step-changed');
    for (const id of ids) {
      const act = await fetch(`${emulator.url}/emulator/workflows/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processId: Number(id), user: 'lena.legal', action: 'Approve' }),
      });
      assert.equal(act.status, 200);
    }
    for (let i = 0; i < 1000 && eventsOf('review.step-changed') < changedBefore + 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.ok(eventsOf('review.step-changed') >= changedBefore + 2, 'no review.step-changed events');

    assert.deepEqual(await steps(), ['Final approval', 'Final approval']);
  });
});
