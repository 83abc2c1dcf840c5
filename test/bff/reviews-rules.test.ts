import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { ReviewOptions } from '../../src/contract/index.js';
import { parseReviewRules } from '../../src/bff/services/review-rules.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { DemoStack } from '../../demo/stack.js';
import { devToken, startDemoOnFreePorts } from './helpers/demo-stack.js';

const initech = String(WELL_KNOWN.empty.workspaceId); // crm/account/A-1003
const draftDoc = String(WELL_KNOWN.acme.draftDocumentId);

describe('review rules on LOB events (POST /hooks/lob/:system)', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await startDemoOnFreePorts();
  });
  after(() => stack?.close());

  async function send(system: string, type: string, data: Record<string, unknown>, secret?: string) {
    const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data });
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    const res = await fetch(`${stack.bff.url}/hooks/lob/${system}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(secret ?? stack.secrets.lobWebhook).sign(id, now, body),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as { action?: string; reviewId?: string } };
  }
  async function options(kind: string, id: string): Promise<ReviewOptions> {
    const token = await devToken(stack, 'max.sales');
    const res = await fetch(`${stack.bff.url}/v1/reviews/options?kind=${kind}&id=${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await res.json()) as ReviewOptions;
  }
  /** Processes the rules user (Admin) started, as xECM counts them. */
  async function processesInXecm(): Promise<number> {
    const auth = await fetch(`${stack.emulator.url}/api/v1/auth`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'Admin', password: 'livelink' }),
    });
    const { ticket } = (await auth.json()) as { ticket: string };
    const res = await fetch(`${stack.emulator.url}/api/v2/workflows/status?kind=Initiated`, {
      headers: { OTCSTicket: ticket },
    });
    return ((await res.json()) as { results: unknown[] }).results.length;
  }

  it('does nothing below the deal threshold', async () => {
    const res = await send('crm', 'deal.updated', { dealId: 'D-9001', accountId: 'A-1003', amount: 1000 });
    assert.equal(res.status, 202);
    assert.equal(res.body.action, 'none');
    assert.equal(await processesInXecm(), 0);
  });

  it("starts a contract review on the deal's account workspace once the amount reaches it, once per deal", async () => {
    const first = await send('crm', 'deal.updated', {
      dealId: 'D-9001',
      accountId: 'A-1003',
      amount: 600_000,
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.action, 'review-started');
    assert.match(first.body.reviewId ?? '', /^[0-9]+$/);
    const opts = await options('workspace', initech);
    assert.equal(opts.reason, 'review-running');
    assert.equal(opts.running?.id, first.body.reviewId);
    assert.equal(opts.running?.workflow.key, 'contract-review');

    const again = await send('crm', 'deal.updated', {
      dealId: 'D-9001',
      accountId: 'A-1003',
      amount: 900_000,
    });
    assert.equal(again.body.action, 'already-fired');
    const otherDeal = await send('crm', 'deal.updated', {
      dealId: 'D-9002',
      accountId: 'A-1003',
      amount: 700_000,
    });
    assert.equal(otherDeal.body.action, 'review-running');
    assert.equal(await processesInXecm(), 1);
  });

  it('starts a compliance review for a regulated upload, not for an ordinary one', async () => {
    const plain = await send('dms', 'document.uploaded', { documentId: 10111, regulated: false });
    assert.equal(plain.body.action, 'none');
    const regulated = await send('dms', 'document.uploaded', {
      documentId: Number(draftDoc),
      regulated: true,
    });
    assert.equal(regulated.body.action, 'review-started');
    const opts = await options('document', draftDoc);
    assert.equal(opts.running?.workflow.key, 'compliance-review');
    assert.equal(opts.running?.step, 'Compliance check');
    assert.equal(await processesInXecm(), 2);
  });

  it('refuses an event with a wrong signature, starting nothing', async () => {
    const forged = await send(
      'crm',
      'deal.updated',
      { dealId: 'D-9100', accountId: 'A-1001', amount: 1_000_000 },
      'whsec_' + Buffer.from('not-the-secret-at-all-123').toString('base64'),
    );
    assert.equal(forged.status, 401);
    assert.equal(await processesInXecm(), 2);
  });

  it('refuses wrong rules at boot, naming the setting', () => {
    assert.throws(
      () =>
        parseReviewRules({ user: 'Admin', rules: [{ event: 'deal.updated', workflow: 'contract-review' }] }, [
          'contract-review',
        ]),
      /reviewRules\.rules\.0\.(target|onceField)/,
    );
    assert.throws(
      () =>
        parseReviewRules(
          {
            user: 'Admin',
            rules: [
              {
                event: 'deal.updated',
                workflow: 'nope',
                target: { kind: 'document', idField: 'documentId' },
                onceField: 'dealId',
              },
            ],
          },
          ['contract-review'],
        ),
      /reviewRules\.rules\.0\.workflow: unknown workflow key/,
    );
  });
});
