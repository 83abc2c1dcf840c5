// The demo story in Chromium, through the pages a newcomer clicks: sign in, create an account in the
// CRM (its workspace is provisioned and the card shows the mapped metadata), upload a contract in the
// list, change the account's region (the card follows). A screenshot of each step goes to
// test-results/demo/ (and to docs/images/ with UPDATE_DOCS_IMAGES=1).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDemoPages } from '../../demo/build-pages.js';
import { startDemoStack, type DemoStack } from '../../demo/stack.js';
import { CHROMIUM_PATH } from '../../scripts/ensure-chromium.js';

const SHOTS = 'test-results/demo';
const WAIT = { timeout: 15_000 };

describe('demo story in Chromium', () => {
  let stack: DemoStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let accountId = '';

  async function shot(name: string): Promise<void> {
    const path = `${SHOTS}/${name}.png`;
    await page.screenshot({ path, fullPage: true });
    if (process.env.UPDATE_DOCS_IMAGES === '1') {
      mkdirSync('docs/images', { recursive: true });
      copyFileSync(path, `docs/images/demo-${name}.png`);
    }
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const pagesDir = await buildDemoPages({ quiet: true });
    stack = await startDemoStack({
      ports: { emulator: 0, bff: 0, demo: 0, receiver: 0 },
      pagesDir,
      logLevel: 'silent',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('1. signs in as max.sales with the user picker', async () => {
    await page.goto(`${stack.demo.url}/`);
    await Promise.all([page.waitForEvent('load'), page.click('button[data-user="max.sales"]')]);
    await page.locator('button[data-user="max.sales"][aria-pressed="true"]').waitFor(WAIT);
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
