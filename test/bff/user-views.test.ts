// What each seeded user sees through the BFF is what xECM lets that user see.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  DocumentPage,
  LookupBatchResponse,
  Problem,
  WorkspaceSummary,
} from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;
const USERS = Object.values(WELL_KNOWN.users).map((u) => u.name);
const REX = WELL_KNOWN.users.restricted.name;
const CONFIDENTIAL = String(acme.confidentialDocumentId);

describe('BFF per-user views', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack.close();
  });

  it('gives every seeded user a consistent view of the Acme workspace', async () => {
    const counts = new Map<string, number>();
    for (const user of USERS) {
      const summary = await stack.get<WorkspaceSummary>(user, `/v1/workspaces/${acme.workspaceId}`);
      assert.equal(summary.status, 200, user);
      const page = await stack.get<DocumentPage>(
        user,
        `/v1/workspaces/${acme.workspaceId}/documents?pageSize=200`,
      );
      assert.equal(page.body.total, summary.body.documentCount, `${user}: count matches the list`);
      counts.set(user, summary.body.documentCount);
      const sees = page.body.items.some((d) => d.id === CONFIDENTIAL);
      assert.equal(
        sees,
        user !== REX,
        `${user} ${user === REX ? 'must not' : 'should'} see the confidential document`,
      );
    }
    assert.ok(counts.get(REX)! < counts.get('Admin')!, 'the restricted user counts fewer documents');
  });

  it('hides confidential documents from the restricted user in every route', async () => {
    const item = await stack.get<Problem>(REX, `/v1/documents/${CONFIDENTIAL}`);
    assert.equal(item.status, 404);
    const content = await stack.get<Problem>(REX, `/v1/documents/${CONFIDENTIAL}/content?download=1`);
    assert.equal(content.status, 404);
    assert.equal(content.headers.get('content-type'), 'application/problem+json');
    const folder = await stack.get<Problem>(
      REX,
      `/v1/workspaces/${acme.workspaceId}/documents?q=margin&pageSize=200`,
    );
    assert.ok(folder.body && !JSON.stringify(folder.body).includes(CONFIDENTIAL));
    // Others do get it.
    const max = await stack.get(WELL_KNOWN.users.regular.name, `/v1/documents/${CONFIDENTIAL}`);
    assert.equal(max.status, 200);
  });

  it('keeps lookups and batches per user (no cache shared across users)', async () => {
    const bo = acme.businessObject;
    const viaLookup = await stack.get<WorkspaceSummary>(
      REX,
      `/v1/workspaces/lookup?system=${bo.system}&type=${bo.type}&id=${bo.id}`,
    );
    const admin = await stack.get<WorkspaceSummary>(
      'Admin',
      `/v1/workspaces/lookup?system=${bo.system}&type=${bo.type}&id=${bo.id}`,
    );
    assert.equal(viaLookup.status, 200);
    assert.ok(viaLookup.body.documentCount < admin.body.documentCount);
    const token = await stack.tokenFor(REX);
    const res = await stack.fetch('/v1/workspaces/lookup:batch', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'X-Requested-With': 'xecm-elements',
      },
      body: JSON.stringify({ items: [bo, { workspaceId: String(acme.workspaceId) }] }),
    });
    const { results } = (await res.json()) as LookupBatchResponse;
    for (const r of results) {
      assert.ok(r.ok);
      assert.equal(r.workspace.documentCount, viaLookup.body.documentCount);
    }
  });

  it('refuses a user xECM does not know', async () => {
    const res = await stack.get<Problem>('nobody.known', `/v1/workspaces/${acme.workspaceId}`);
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'forbidden');
  });
});
