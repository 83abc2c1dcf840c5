// The demo story in Chromium, through the pages a newcomer clicks: sign in, create an account in the
// CRM (its workspace is provisioned and the card shows the mapped metadata), upload a contract in the
// list, start its review, approve it in xECM (the badge follows live), see the ERP receiver's verified
// webhooks, change the account's region (the card follows). A screenshot of each step goes to
// test-results/demo/ (and to docs/images/ with UPDATE_DOCS_IMAGES=1).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { DemoStack } from '../../demo/stack.js';
import { launchChromium, signIn, startDemoWithPages, WAIT } from './helpers/demo-browser.js';
import { describeDeliveries, receiverDeliveries } from './helpers/receiver-deliveries.js';
import { waitUntil } from './helpers/wait-until.js';

const SHOTS = 'test-results/demo';
/** Live updates and webhooks go through change detection and the relay: give them room on a slow machine. */
const LIVE_WAIT = { timeout: 30_000 };

describe('demo story in Chromium', () => {
  let stack: DemoStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let accountId = '';
  let contractId = '';
  let processId = '';

  /** `fullPage: false` for a modal dialog, whose backdrop covers the viewport only. */
  async function shot(name: string, target: Page = page, fullPage = true): Promise<void> {
    const path = `${SHOTS}/${name}.png`;
    await target.screenshot({ path, fullPage });
    if (process.env.UPDATE_DOCS_IMAGES === '1') {
      mkdirSync('docs/images', { recursive: true });
      copyFileSync(path, `docs/images/demo-${name}.png`);
    }
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startDemoWithPages();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('1. signs in as max.sales with the user picker', async () => {
    await signIn(page, stack, 'max.sales');
    await shot('01-sign-in');
  });

  it('2. creates an account in the CRM; its workspace is provisioned and the card shows the mapped metadata', async () => {
    await page.goto(`${stack.demo.url}/crm`);
    await page.fill('#new-account input[name="name"]', 'Wonka Confectionery Europe');
    await page.selectOption('#new-account select[name="region"]', 'APAC');
    await page.click('#new-account button[type="submit"]');
    await page
      .locator('#create-status')
      .filter({ hasText: 'account.created sent to the BFF (200)' })
      .waitFor(WAIT);
    accountId = new URL(page.url()).searchParams.get('account') ?? '';
    assert.match(accountId, /^A-\d+$/);
    const card = page.locator('#account-card');
    await card.locator('[part~="name"]').filter({ hasText: 'Wonka Confectionery Europe' }).waitFor(WAIT);
    const metadata = card.locator('[part~="metadata"]');
    await metadata.filter({ hasText: 'APAC' }).waitFor(WAIT);
    assert.match(await metadata.innerText(), new RegExp(`Account Number\\s+${accountId}`));
    await card.locator('[part~="footer"]').filter({ hasText: '0 documents' }).waitFor(WAIT);
    await shot('02-workspace-provisioned');
  });

  it('3. uploads a contract in the document list', async () => {
    const list = page.locator('#account-documents');
    await list.locator('input[type="file"]').setInputFiles({
      name: 'Supply Contract 2027.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% demo contract\n%%EOF\n'),
    });
    await list.getByText('Supply Contract 2027.pdf').first().waitFor(WAIT);
    await page.locator('#account-card [part~="footer"]').filter({ hasText: '1 document' }).waitFor(WAIT);
    await shot('03-contract-uploaded');
  });

  it('4. starts the contract review of the uploaded contract with <xecm-start-review>, after confirming', async () => {
    const panel = page.locator('#document-review-panel');
    await panel
      .locator('#review-document option:checked')
      .filter({ hasText: 'Supply Contract 2027.pdf' })
      .waitFor({ state: 'attached', ...WAIT });
    const badge = page.locator('#document-approval');
    contractId = (await badge.getAttribute('document-id')) ?? '';
    assert.match(contractId, /^\d+$/);
    // A fresh upload has no approval yet; the badge says so before anything starts.
    await page.locator('#document-approval[state="none"]').waitFor(WAIT);

    const start = page.locator('#document-review');
    await start.locator('[part~="button"][aria-disabled="false"]').click(WAIT);
    const dialog = start.locator('[part~="dialog"]');
    await dialog.waitFor({ state: 'visible', ...WAIT });
    assert.equal(await dialog.locator('[part~="title"]').innerText(), 'Start a review of this document');
    // Several workflows apply to a document: pick the contract review, as a user would.
    await dialog.getByLabel('Contract Review').check();
    await dialog.locator('[part~="comment"]').fill('Please review the 2027 supply terms.');
    await shot('04-start-review-dialog', page, false);

    await dialog.locator('[part~="submit"]').click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    const process = page.locator('#review-process');
    await process.waitFor(WAIT);
    processId = (await process.getAttribute('data-process-id')) ?? '';
    assert.match(processId, /^\d+$/);
    assert.match(await page.locator('#review-status').innerText(), /Contract Review started as process/);
    // The client invalidated the document when the review started: the badge reads "in review" and the
    // button explains why no second review can start.
    await page.locator('#document-approval[state="in-review"]').waitFor(WAIT);
    await start.locator('[part~="reason"]').filter({ hasText: 'already running' }).waitFor(WAIT);
    await shot('04-review-started');
  });

  it('5. approves both steps as lena.legal through the emulator; the badge turns approved without a reload', async () => {
    assert.ok(processId && contractId, 'step 4 started a review');
    const navigations: string[] = [];
    const onNavigate = (frame: { url(): string }) => navigations.push(frame.url());
    page.on('framenavigated', onNavigate);
    try {
      // The page's live stream covers the contract, and the BFF has looked at it once, so what happens
      // from now on is news (a reviewer takes longer than one detection round; the test waits for it).
      await waitUntil(
        `the BFF to watch document:${contractId}`,
        () =>
          stack.bff.events.hub.watchedTopics().includes(`document:${contractId}`) &&
          stack.bff.store.getCursor(`audit:${contractId}`) !== null,
        { timeoutMs: 30_000 },
      );
      // "Contract Review": Legal review, then Final approval, both lena.legal's tasks.
      for (const step of ['Legal review', 'Final approval']) {
        const res = await fetch(`${stack.emulator.url}/emulator/workflows/act`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ processId: Number(processId), user: 'lena.legal', action: 'Approve' }),
        });
        assert.equal(res.status, 200, `${step}: ${await res.text()}`);
      }
      const badge = page.locator('#document-approval[state="approved"]');
      await badge.waitFor(LIVE_WAIT);
      assert.equal((await badge.locator('[part~="label"]').innerText()).trim(), 'Approved');
      // The contract's row in the list follows too.
      await page
        .locator('#account-documents [part~="row"]')
        .filter({ hasText: 'Supply Contract 2027.pdf' })
        .locator('xecm-approval-badge[state="approved"]')
        .waitFor(LIVE_WAIT);
      assert.deepEqual(navigations, [], 'the page never reloaded');
    } finally {
      page.off('framenavigated', onNavigate);
    }
    await shot('05-approved');
  });

  it('6. the ERP receiver holds verified review.completed and document.approved webhooks for the contract', async () => {
    assert.ok(contractId, 'step 4 found the contract');
    const forContract = (type: string) =>
      waitUntil(
        `a verified ${type} delivery for document ${contractId}`,
        async () =>
          (await receiverDeliveries(stack.receiver.url)).find(
            (d) => d.type === type && d.verified && d.payload.data?.documentId === contractId,
          ),
        { explain: async () => describeDeliveries(await receiverDeliveries(stack.receiver.url)) },
      );
    const [approved, completed] = await Promise.allSettled([
      forContract('document.approved'),
      forContract('review.completed'),
    ]);

    // What the ERP shows, whatever arrived (so a missing event is visible in the screenshot too).
    const erp = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    try {
      await erp.goto(`${stack.receiver.url}/`);
      await erp.locator('h1').filter({ hasText: 'ERP webhook receiver' }).waitFor(WAIT);
      await shot('06-erp-receiver', erp, false);
    } finally {
      await erp.close();
    }

    if (approved.status === 'rejected') throw approved.reason;
    assert.equal(approved.value.payload.data?.data?.approvalStatus, 'Approved');
    if (completed.status === 'rejected') throw completed.reason;
    assert.equal(completed.value.payload.data?.data?.approvalStatus, 'Approved');
  });

  it("7. changes the account's region in the CRM; the card shows the new region without a reload", async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.selectOption('#edit-account select[name="region"]', 'LATAM');
    await page.click('#edit-account button[type="submit"]');
    await page.locator('#account-card [part~="metadata"]').filter({ hasText: 'LATAM' }).waitFor(WAIT);
    assert.deepEqual(navigations, []);
    await shot('07-region-changed');
  });

  it('shows the ERP page with a card per purchase order and supplier in one batched lookup, and creates a missing workspace from its card', async () => {
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/workspaces/lookup')) batches.push(r.url());
    });
    await page.goto(`${stack.demo.url}/erp`);
    await page
      .locator('[data-po="PO-4500010000"] xecm-workspace-card [part~="name"]')
      .filter({ hasText: 'Globex Plant Expansion' })
      .waitFor(WAIT);
    await page.locator('[data-supplier="S-3001"] xecm-workspace-card [part~="name"]').waitFor(WAIT);
    assert.ok(batches.length <= 2, `expected batched lookups, saw ${batches.length} requests`);
    // A purchase order without a workspace: the card's "Create workspace" provisions it in place.
    const card = page.locator('[data-po="PO-4500010001"] xecm-workspace-card');
    await card.locator('[part~="create-button"]').click();
    await card.locator('[part~="name"]').filter({ hasText: 'Gearboxes for line 3' }).waitFor(WAIT);
    await card.locator('[part~="metadata"]').filter({ hasText: 'PO-4500010001' }).waitFor(WAIT);
    await shot('erp');
  });

  it('shows the same tags in the plain HTML host and in the React 19 host', async () => {
    await page.goto(`${stack.demo.url}/plain`);
    await page
      .locator('xecm-workspace-card [part~="name"]')
      .filter({ hasText: 'Acme Corporation' })
      .waitFor(WAIT);
    await page.locator('xecm-document-list').getByText('Amendment 10.pdf').waitFor(WAIT);
    await shot('plain-host');
    await page.goto(`${stack.demo.url}/react`);
    await page
      .locator('xecm-workspace-card [part~="name"]')
      .filter({ hasText: 'Acme Corporation' })
      .waitFor(WAIT);
    await page.locator('xecm-document-list').getByText('Amendment 10.pdf').waitFor(WAIT);
    await shot('react-host');
    assert.deepEqual(pageErrors, []);
  });
});
