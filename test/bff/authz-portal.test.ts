// What an anonymous portal visitor can obtain or learn beyond approved public content, and whether every
// attempt, refused ones included, lands in the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentItem, DocumentPage } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { Stack } from './helpers/stack.js';
import { ADMIN_TOKEN, json, pathOf, startPortalStack } from './portal-helpers.js';

const A = WELL_KNOWN.acme;
const USER_NAMES: string[] = Object.values(WELL_KNOWN.users).map((u) => u.name);

interface AuditRow {
  documentId: string | null;
  workspaceId: string | null;
  result: string;
}

describe('authorization: anonymous portal visitors', () => {
  let stack: Stack;
  before(async () => {
    stack = await startPortalStack();
  });
  after(() => stack.close());

  const auditSince = async (from: number): Promise<AuditRow[]> => {
    const res = await stack.fetch(`/v1/audit?from=${from}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(res.status, 200);
    return (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditRow);
  };

  it('tells anonymous visitors no xECM user name', async () => {
    const page = await json<DocumentPage>(
      await stack.fetch(`/portal/v1/workspaces/${A.workspaceId}/documents?pageSize=200`),
    );
    assert.ok(page.items.length > 0);
    const doc = await json<DocumentItem>(
      await stack.fetch(`/portal/v1/documents/${A.approvedPublicDocumentId}`),
    );
    for (const item of [...page.items, doc]) {
      assert.ok(!USER_NAMES.includes(item.modifiedBy), `${item.id} names ${item.modifiedBy}`);
    }
    // Signed-in users still see who changed a document.
    const signedIn = await stack.get<DocumentItem>(
      'max.sales',
      `/v1/documents/${A.approvedPublicDocumentId}`,
    );
    assert.ok(USER_NAMES.includes(signedIn.body.modifiedBy));
  });

  it('refuses a signature of one document for another, and records the attempt', async () => {
    const from = Date.now();
    const page = await json<DocumentPage>(
      await stack.fetch(`/portal/v1/workspaces/${A.workspaceId}/documents?pageSize=200`),
    );
    const [first, second] = page.items;
    assert.ok(first && second);
    const swapped = pathOf(first.openUrl).replace(`/content/${first.id}?`, `/content/${second.id}?`);
    const res = await stack.fetch(swapped);
    assert.equal(res.status, 403);
    const rows = await auditSince(from);
    assert.ok(rows.some((r) => r.result === 'download:invalid' && r.documentId === second.id));
  });

  it('records malformed requests too: a refused attempt is still an access', async () => {
    const from = Date.now();
    const attempts = [
      '/portal/v1/content/1e3?v=1&exp=1&sig=x',
      '/portal/v1/documents/0x2783',
      `/portal/v1/workspaces/${A.workspaceId}/documents?pageSize=100000`,
      '/portal/v1/workspaces/%31%30%31%30%30%00/documents',
    ];
    for (const path of attempts) {
      const res = await stack.fetch(path);
      assert.equal(res.status, 400, path);
    }
    const rows = await auditSince(from);
    assert.deepEqual(
      rows.map((r) => r.result),
      ['download:invalid', 'document:invalid', 'list:invalid', 'list:invalid'],
    );
    assert.equal(rows[2]!.workspaceId, String(A.workspaceId));
  });
});
