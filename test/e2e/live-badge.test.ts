// Issue 5 item 7 against the real stack (no msw): a page with <xecm-approval-badge> inside
// <xecm-provider>; a review is started through the BFF and approved in xECM through the emulator's
// control API (Contract Review: two steps); the badge goes draft → in review → approved without a
// reload. Once with polling only (the emulator sends no callouts) and once with callouts only (the
// detector's cursor for the item never moves, so polling found none of it).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import {
  approveTask,
  badge,
  openBadgePage,
  readProbe,
  startLiveStack,
  startReview,
  waitWatched,
  type LiveStack,
} from './live/live-stack.js';

const WAIT = { timeout: 15_000 };
const documentId = String(WELL_KNOWN.acme.draftDocumentId);
const topic = `document:${documentId}`;

const modes = [
  // A short interval keeps the test quick; bench:live measures the production default.
  { name: 'polling only (no callouts)', callouts: false, detectorIntervalMs: 500 },
  // The active interval is an hour: after its first look at the document (when the page subscribes),
  // the detector stays away and only a callout can move the badge.
  { name: 'callouts', callouts: true, detectorIntervalMs: 3_600_000 },
] as const;

for (const mode of modes) {
  describe(`live approval badge in Chromium, ${mode.name}`, () => {
    let live: LiveStack;
    let page: Page;
    const navigations: string[] = [];
    const pageErrors: string[] = [];

    before(async () => {
      live = await startLiveStack({ callouts: mode.callouts, detectorIntervalMs: mode.detectorIntervalMs });
      page = await openBadgePage(live, { document: documentId });
      page.on('framenavigated', (frame) => navigations.push(frame.url()));
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });
    after(async () => {
      await live?.close();
    });

    it('shows approved after a review is started and approved in xECM, without a reload', async () => {
      const ui = badge(page);
      await ui.state('draft').waitFor(WAIT);
      const { loadId } = await readProbe(page);
      await waitWatched(live.stack, topic, true);
      const cursor = live.stack.bff.store.getCursor(`audit:${documentId}`);

      const review = await startReview(live.stack, documentId);
      assert.equal(review.state, 'running');
      await ui.state('in-review').waitFor(WAIT);

      // Contract Review has two steps, both lena.legal's; the second approval completes it.
      await approveTask(live.stack, review.id);
      await approveTask(live.stack, review.id);
      await ui.state('approved').waitFor(WAIT);
      assert.equal(await ui.label().innerText(), 'Approved');

      // Same document, never navigated: the badge repainted in place.
      assert.deepEqual(navigations, []);
      const after = await readProbe(page);
      assert.equal(after.loadId, loadId);
      const states = after.changes.map((c) => c.state);
      assert.deepEqual(states.slice(states.indexOf('draft')), ['draft', 'in-review', 'approved']);
      assert.deepEqual(pageErrors, []);

      // The detection cursor moves in the same transaction as the events polling finds.
      const polled = live.stack.bff.store.getCursor(`audit:${documentId}`) !== cursor;
      assert.equal(polled, !mode.callouts, mode.callouts ? 'callouts alone moved the badge' : 'polling did');
    });
  });
}
