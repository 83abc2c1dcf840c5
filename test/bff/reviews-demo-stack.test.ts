import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Review } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { DemoStack } from '../../demo/stack.js';
import { devToken, startDemoOnFreePorts } from './helpers/demo-stack.js';

const draftDoc = String(WELL_KNOWN.acme.draftDocumentId);
const JSON_WRITE = { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' };

// `npm start` wiring: shared store, events module, emulator callouts and the ERP receiver's subscription.
describe('demo stack: a review started in the BFF reaches the ERP receiver as a signed webhook', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await startDemoOnFreePorts();
  });
  after(() => stack?.close());

  it('subscribes the receiver at startup', () => {
    const subs = stack.bff.store.listSubscriptions();
    assert.equal(subs.length, 1);
    assert.equal(subs[0]!.url, `${stack.receiver.url}/webhooks`);
    assert.ok(subs[0]!.eventTypes.includes('document.approved'));
  });

  it('delivers document.approved, verified, after the review is approved in xECM', async () => {
    const token = await devToken(stack, 'max.sales');
    const started = await fetch(`${stack.bff.url}/v1/reviews`, {
      method: 'POST',
      headers: { ...JSON_WRITE, authorization: `Bearer ${token}` },
      body: JSON.stringify({ target: { kind: 'document', id: draftDoc }, workflow: 'contract-review' }),
    });
    assert.equal(started.status, 201);
    const review = (await started.json()) as Review;
    for (let i = 0; i < 2; i++) {
      const act = await fetch(`${stack.emulator.url}/emulator/workflows/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processId: Number(review.id), user: 'lena.legal', action: 'Approve' }),
      });
      assert.equal(act.status, 200);
    }
    const approved = () =>
      stack.receiver.deliveries.find(
        (d) => d.type === 'document.approved' && JSON.stringify(d.payload).includes(`"${draftDoc}"`),
      );
    for (let i = 0; i < 300 && !approved(); i++) await new Promise((r) => setTimeout(r, 20));
    const delivery = approved();
    assert.ok(delivery, 'the receiver got document.approved');
    assert.equal(delivery.verified, true);
  });
});
