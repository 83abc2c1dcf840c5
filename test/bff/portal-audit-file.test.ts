// An operator who sets BFF_PORTAL_AUDIT_DB gets the portal's audit trail in that file (it was silently
// written to BFF_STORE_PATH instead), and GET /v1/audit reads it from there.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { Stack } from './helpers/stack.js';
import { ADMIN_TOKEN, startPortalStack } from './portal-helpers.js';

describe('portal audit trail in a file of its own (BFF_PORTAL_AUDIT_DB)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xecm-portal-audit-'));
  const auditFile = join(dir, 'portal-audit.sqlite');
  let stack: Stack;

  before(async () => {
    stack = await startPortalStack({ BFF_PORTAL_AUDIT_DB: auditFile });
  });
  after(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records portal reads in the configured file and exports them from there', async () => {
    const workspaceId = String(WELL_KNOWN.empty.workspaceId);
    const listed = await stack.fetch(`/portal/v1/workspaces/${workspaceId}/documents`);
    assert.equal(listed.status, 200);

    const file = new SqliteStore({ path: auditFile });
    try {
      const rows = file.queryAudit({ workspaceId });
      assert.equal(rows.length, 1, 'one listing row in the audit file');
    } finally {
      file.close();
    }
    const exported = await stack.fetch(`/v1/audit?workspaceId=${workspaceId}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(exported.status, 200);
    assert.match(await exported.text(), new RegExp(workspaceId));
  });
});
