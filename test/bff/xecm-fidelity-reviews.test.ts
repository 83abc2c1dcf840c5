// Reviews against a Content Server that answers only what the notes document (notes F1, F7, §2.4):
// `wf_details` names no workflow map and no attached items, the TYPE 1 data package names the attachment
// folder (not the reviewed document), and a draft process attaches `doc_ids` only with
// `AttachDocuments:"true"`; its steps name no action (so no outcome). A loopback proxy in front of the
// emulator cuts the process status down to the documented fields and records what the BFF sends.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Problem, Review, ReviewOptions } from '../../src/contract/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

type Json = Record<string, unknown>;

const { acme, workflows } = WELL_KNOWN;
const draftDoc = String(acme.draftDocumentId);
const JSON_WRITE = { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' };

/** `wf_details` fields of notes F7; anything else a real server may not send. */
const F7_DETAILS = ['date_initiated', 'due_date', 'initiator', 'status', 'wf_name', 'work_workID'];

/** Fields of a `step_list` item in notes F7 (no action, comment or end date). */
const F7_STEP = [
  'process_id',
  'subprocess_id',
  'task_id',
  'task_name',
  'task_status',
  'task_start_date',
  'task_due_date',
  'task_assignees',
];

const only = (object: Json, keys: string[]): Json =>
  Object.fromEntries(Object.entries(object).filter(([k]) => keys.includes(k)));

function documentedProcess(json: Json): Json {
  const results = json['results'] as Json;
  const steps = results['step_list'] as Record<string, Json[]>;
  return {
    ...json,
    results: {
      ...results,
      step_list: Object.fromEntries(
        Object.entries(steps).map(([k, list]) => [k, list.map((step) => only(step, F7_STEP))]),
      ),
      wf_details: only(results['wf_details'] as Json, F7_DETAILS),
    },
  };
}

interface Sent {
  method: string;
  path: string;
  body: string;
}

/** Forwards to `target`; JSON answers of process status reads are cut down to the documented fields. */
async function startDocumentedProxy(target: string): Promise<{ url: string; server: Server; sent: Sent[] }> {
  const sent: Sent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', target);
      const body = Buffer.concat(chunks);
      sent.push({ method: req.method ?? 'GET', path: url.pathname, body: body.toString() });
      const headers = Object.entries(req.headers).flatMap(([k, v]) =>
        typeof v === 'string' && k !== 'host' && k !== 'connection' && k !== 'content-length'
          ? [[k, v] as [string, string]]
          : [],
      );
      void fetch(`${target}${url.pathname}${url.search}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body } : {}),
      })
        .then(async (upstream) => {
          let answer = Buffer.from(await upstream.arrayBuffer());
          if (upstream.ok && /^\/api\/v2\/workflows\/status\/processes\/\d+$/.test(url.pathname)) {
            const json = JSON.parse(answer.toString()) as Json;
            answer = Buffer.from(JSON.stringify(documentedProcess(json)));
          }
          const out: [string, string][] = [];
          for (const [k, v] of upstream.headers)
            if (k === 'content-type' || k === 'otcsticket') out.push([k, v]);
          res.writeHead(upstream.status, [...out, ['content-length', String(answer.length)]].flat());
          res.end(answer);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, sent };
}

/** A ticket for a seeded user, straight from the emulator (as a client inside xECM would have). */
async function ticketFor(emulatorUrl: string, user: 'max.sales' | 'Admin'): Promise<string> {
  const res = await fetch(`${emulatorUrl}/api/v1/auth`, {
    method: 'POST',
    body: new URLSearchParams({ username: user, password: user === 'Admin' ? 'livelink' : 'demo' }),
  });
  return ((await res.json()) as { ticket: string }).ticket;
}

async function csCall(
  emulatorUrl: string,
  ticket: string,
  method: string,
  path: string,
  body?: Json,
): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${emulatorUrl}/api${path}`, {
    method,
    headers: { OTCSTicket: ticket },
    ...(body ? { body: new URLSearchParams({ body: JSON.stringify(body) }) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

describe('xECM fidelity: reviews on the documented process status', () => {
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startDocumentedProxy>>;
  let stack: Stack;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    proxy = await startDocumentedProxy(emulator.url);
    stack = await startStack({ env: { XECM_BASE_URL: proxy.url } });
  });
  after(async () => {
    await stack.close();
    await new Promise((resolve) => proxy.server.close(resolve));
    await emulator.close();
  });

  const start = async (body: unknown) => {
    const res = await stack.fetch('/v1/reviews', {
      method: 'POST',
      headers: { ...JSON_WRITE, authorization: `Bearer ${await stack.tokenFor('max.sales')}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Review & Problem };
  };

  let review: Review;

  it('starts a review, attaching the document as the notes say (AttachDocuments "true")', async () => {
    const res = await start({ target: { kind: 'document', id: draftDoc }, workflow: 'contract-review' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    review = res.body;
    assert.deepEqual(review.target, { kind: 'document', id: draftDoc });
    assert.deepEqual(review.workflow, { key: 'contract-review', name: 'Contract Review' });
    assert.equal(review.state, 'running');
    assert.equal(review.step, 'Legal review');
    const drafts = proxy.sent.filter((s) => s.method === 'POST' && s.path === '/api/v2/draftprocesses');
    assert.equal(drafts.length, 1);
    const draft = JSON.parse(new URLSearchParams(drafts[0]!.body).get('body') ?? '{}') as Json;
    assert.deepEqual(draft, {
      workflow_id: workflows.contractReview.id,
      doc_ids: draftDoc,
      AttachDocuments: 'true',
    });
  });

  it('reads the review back with its document and workflow, not the attachment folder', async () => {
    const { status, body } = await stack.get<Review>('max.sales', `/v1/reviews/${review.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body.target, { kind: 'document', id: draftDoc });
    assert.deepEqual(body.workflow, { key: 'contract-review', name: 'Contract Review' });
    assert.equal(body.step, 'Legal review');
    const options = await stack.get<ReviewOptions>(
      'max.sales',
      `/v1/reviews/options?kind=document&id=${draftDoc}`,
    );
    assert.equal(options.body.reason, 'review-running');
    assert.deepEqual(options.body.running?.workflow, { key: 'contract-review', name: 'Contract Review' });
  });

  it('follows the review to approved with the same target and workflow', async () => {
    for (let i = 0; i < 2; i++) {
      const act = await fetch(`${emulator.url}/emulator/workflows/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processId: Number(review.id), user: 'lena.legal', action: 'Approve' }),
      });
      assert.equal(act.status, 200);
    }
    const { status, body } = await stack.get<Review>('max.sales', `/v1/reviews/${review.id}`);
    assert.equal(status, 200);
    assert.equal(body.state, 'approved');
    assert.deepEqual(body.target, { kind: 'document', id: draftDoc });
    assert.equal(body.workflow.key, 'contract-review');
  });

  it('reports a rejected review as rejected, though the steps name no action', async () => {
    const doc = String(acme.approvedInternalDocumentId);
    const res = await start({ target: { kind: 'document', id: doc }, workflow: 'compliance-review' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const act = await fetch(`${emulator.url}/emulator/workflows/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processId: Number(res.body.id), user: 'lena.legal', action: 'Reject' }),
    });
    assert.equal(act.status, 200);
    const { status, body } = await stack.get<Review>('max.sales', `/v1/reviews/${res.body.id}`);
    assert.equal(status, 200);
    assert.equal(body.state, 'rejected');
    assert.equal(body.step, undefined);
    assert.deepEqual(body.target, { kind: 'document', id: doc });
  });

  it('does not guess the reviewed item of a process started inside xECM: 404', async () => {
    const ticket = await ticketFor(emulator.url, 'max.sales');
    const draft = await csCall(emulator.url, ticket, 'POST', '/v2/draftprocesses', {
      workflow_id: workflows.complianceReview.id,
      doc_ids: String(acme.rejectedDocumentId),
      AttachDocuments: 'true',
    });
    assert.equal(draft.status, 200);
    const draftId = (draft.json['results'] as Json)['draftprocess_id'] as number;
    const initiated = await csCall(emulator.url, ticket, 'PUT', `/v2/draftprocesses/${draftId}`, {
      action: 'Initiate',
    });
    assert.equal(initiated.status, 200);
    const processId = (initiated.json['results'] as Json)['process_id'] as number;
    const res = await stack.get<Problem>('max.sales', `/v1/reviews/${processId}`);
    assert.equal(res.status, 404, JSON.stringify(res.body));
    assert.equal(res.body.code, 'not-found');
  });
});

describe('emulator: workflow answers follow the notes (F1, F7, §2.4)', () => {
  let emulator: RunningEmulator;
  let ticket: string;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    ticket = await ticketFor(emulator.url, 'max.sales');
  });
  after(() => emulator.close());

  it('refuses doc_ids on a draft process without AttachDocuments "true"; the item stays as it was', async () => {
    for (const flag of [{}, { AttachDocuments: 'false' }]) {
      const res = await csCall(emulator.url, ticket, 'POST', '/v2/draftprocesses', {
        workflow_id: workflows.contractReview.id,
        doc_ids: draftDoc,
        ...flag,
      });
      assert.equal(res.status, 400, JSON.stringify(flag));
      assert.match(String(res.json['error']), /AttachDocuments/);
    }
    const cats = await csCall(emulator.url, ticket, 'GET', `/v2/nodes/${draftDoc}/categories`);
    assert.match(JSON.stringify(cats.json), /"9001_2":"Draft"/);
  });

  it('names the attachment folder, not the document, and no workflow map or target ids (F7)', async () => {
    const draft = await csCall(emulator.url, ticket, 'POST', '/v2/draftprocesses', {
      workflow_id: workflows.contractReview.id,
      doc_ids: draftDoc,
      AttachDocuments: 'true',
    });
    assert.equal(draft.status, 200);
    const draftId = (draft.json['results'] as Json)['draftprocess_id'] as number;
    const initiated = await csCall(emulator.url, ticket, 'PUT', `/v2/draftprocesses/${draftId}`, {
      action: 'Initiate',
    });
    const processId = (initiated.json['results'] as Json)['process_id'] as number;
    const status = await csCall(emulator.url, ticket, 'GET', `/v2/workflows/status/processes/${processId}`);
    assert.equal(status.status, 200);
    const results = status.json['results'] as {
      attachments: { attachment_folder_id: number };
      data_packages: { TYPE: number; SUBTYPE: number; USERDATA: unknown }[];
      wf_details: Json;
    };
    const folder = results.attachments.attachment_folder_id;
    assert.equal(typeof folder, 'number');
    assert.notEqual(folder, acme.draftDocumentId);
    const pkg = results.data_packages.find((p) => p.TYPE === 1 && p.SUBTYPE === 1);
    assert.equal(String(pkg?.USERDATA), String(folder));
    assert.deepEqual(Object.keys(results.wf_details).sort(), [...F7_DETAILS].sort());
  });
});
