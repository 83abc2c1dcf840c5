import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentItem, DocumentPage, Problem, WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme, empty } = WELL_KNOWN;
const MAX = 'max.sales';
const LIMIT = 100_000;

describe('BFF document upload', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { BFF_MAX_UPLOAD_BYTES: String(LIMIT) } });
  });
  after(async () => {
    await stack.close();
  });

  async function upload(
    user: string,
    workspaceId: number | string,
    name: string,
    content: BlobPart,
    type = 'text/plain',
  ) {
    const form = new FormData();
    form.append('comment', 'a field before the file is skipped');
    form.append('file', new Blob([content], { type }), name);
    return stack.fetch(`/v1/workspaces/${workspaceId}/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await stack.tokenFor(user)}`, 'X-Requested-With': 'xecm-elements' },
      body: form,
    });
  }

  it('streams a file into the workspace and shows it in the list and the count at once', async () => {
    const before = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    const res = await upload(MAX, empty.workspaceId, 'Kick-off notes.txt', 'Agenda: scope, budget, risks.\n');
    assert.equal(res.status, 201);
    const item = (await res.json()) as DocumentItem;
    assert.equal(item.name, 'Kick-off notes.txt');
    assert.equal(item.mimeType, 'text/plain');
    assert.equal(item.size, 30);
    assert.equal(item.version, 1);
    assert.equal(res.headers.get('location'), `/v1/documents/${item.id}`);
    const after = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    assert.equal(after.body.documentCount, before.body.documentCount + 1);
    const page = await stack.get<DocumentPage>(MAX, `/v1/workspaces/${empty.workspaceId}/documents`);
    assert.ok(page.body.items.some((d) => d.id === item.id));
    const content = await stack.get<string>(MAX, item.openUrl);
    assert.equal(content.body, 'Agenda: scope, budget, risks.\n');
  });

  it('keeps non-ASCII names and offers a safe ASCII fallback when downloading', async () => {
    const name = 'Überweisung "März" €.txt';
    const res = await upload(MAX, empty.workspaceId, name, 'x');
    assert.equal(res.status, 201);
    const item = (await res.json()) as DocumentItem;
    assert.equal(item.name, name);
    const download = await stack.fetch(item.downloadUrl, {
      headers: { Authorization: `Bearer ${await stack.tokenFor(MAX)}` },
    });
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="Uberweisung _Marz_ _.txt"; filename*=UTF-8''%C3%9Cberweisung%20%22M%C3%A4rz%22%20%E2%82%AC.txt`,
    );
    await download.arrayBuffer();
  });

  it('strips path parts from the file name', async () => {
    const res = await upload(MAX, empty.workspaceId, '../../etc/passwd', 'root:x:0:0');
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as DocumentItem).name, 'passwd');
  });

  it('answers 409 name-conflict when the name is taken', async () => {
    assert.equal((await upload(MAX, empty.workspaceId, 'Twice.txt', 'one')).status, 201);
    const res = await upload(MAX, empty.workspaceId, 'Twice.txt', 'two');
    assert.equal(res.status, 409);
    const problem = (await res.json()) as Problem;
    assert.equal(problem.code, 'name-conflict');
    assert.ok(!JSON.stringify(problem).includes('Twice.txt'), 'no upstream text');
  });

  it('answers 413 above the size limit and creates nothing', async () => {
    const before = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    const res = await upload(
      MAX,
      empty.workspaceId,
      'Huge.bin',
      new Uint8Array(LIMIT + 70_000),
      'application/octet-stream',
    );
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as Problem).code, 'payload-too-large');
    // Chunked (no Content-Length): the limit is enforced while streaming.
    const stream = new Blob([new Uint8Array(LIMIT + 10)]).stream();
    const boundary = 'b0undary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Chunked.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const body = new Blob([
      head,
      await new Response(stream).arrayBuffer(),
      `\r\n--${boundary}--\r\n`,
    ]).stream();
    const chunked = await stack.fetch(`/v1/workspaces/${empty.workspaceId}/documents`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await stack.tokenFor(MAX)}`,
        'X-Requested-With': 'xecm-elements',
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
    const after = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    assert.equal(after.body.documentCount, before.body.documentCount);
  });

  it('rejects a body without a file part, and targets that are not workspaces', async () => {
    const form = new FormData();
    form.append('other', 'value');
    const res = await stack.fetch(`/v1/workspaces/${empty.workspaceId}/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await stack.tokenFor(MAX)}`, 'X-Requested-With': 'xecm-elements' },
      body: form,
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as Problem).code, 'bad-request');
    const intoFolder = await upload(MAX, acme.contractsFolderId, 'x.txt', 'x');
    assert.equal(intoFolder.status, 404);
    await intoFolder.arrayBuffer();
  });

  it('refuses uploads by a user without write permission', async () => {
    const res = await upload('portal.reader', empty.workspaceId, 'Not allowed.txt', 'x');
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as Problem).code, 'forbidden');
  });
});
