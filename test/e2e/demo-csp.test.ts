// The demo pages under the strict Content-Security-Policy a CRM or portal sets (demo/server/demo-app.ts:
// scripts and styles from the page's own origin only, no inline code, no eval, requests only to the BFF,
// Trusted Types required). Every page must render its elements with no violation reported, including
// the parts that load later: the review dialog, another locale, the upload code, virtual rows.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { DemoStack } from '../../demo/stack.js';
import { DEMO_PAGES, launchChromium, signIn, startDemoWithPages, WAIT } from './helpers/demo-browser.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

// Runs in the page before its scripts: the browser reports each blocked resource or inline code here.
const COLLECT_VIOLATIONS = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push({
      directive: e.effectiveDirective,
      blocked: e.blockedURI,
      source: (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || ''),
    });
  }, true);
`;

describe('demo pages under a strict Content-Security-Policy', () => {
  let stack: DemoStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  async function violations(): Promise<Violation[]> {
    return (await page.evaluate('window.__csp')) as Violation[];
  }

  async function assertNoViolations(): Promise<void> {
    // A report is queued as a task: let the page settle first.
    await page.waitForTimeout(100);
    const found = await violations();
    assert.deepEqual(found, [], found.map((v) => `${v.directive}: ${v.blocked} at ${v.source}`).join('\n'));
    assert.deepEqual(pageErrors, []);
  }

  before(async () => {
    stack = await startDemoWithPages();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await context.addInitScript(COLLECT_VIOLATIONS);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, stack, 'max.sales');
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });
  beforeEach(() => {
    pageErrors.length = 0;
  });

  it('serves every page with the policy', async () => {
    for (const path of ['/', '/crm', '/erp', '/portal', '/plain', '/react']) {
      const res = await fetch(`${stack.demo.url}${path}`);
      const policy = res.headers.get('content-security-policy') ?? '';
      assert.match(policy, /script-src 'self'(;|$)/, path);
      assert.match(policy, /style-src 'self'(;|$)/, path);
      assert.match(policy, /require-trusted-types-for 'script'/, path);
      assert.ok(policy.includes(`connect-src 'self' ${new URL(stack.bff.url).origin}`), `${path}: ${policy}`);
    }
  });

  for (const { name, path, ready } of DEMO_PAGES) {
    it(`${name} renders with no violation`, async () => {
      await page.goto(`${stack.demo.url}${path}`);
      await ready(page);
      await assertNoViolations();
    });
  }

  it('the review dialog, another locale and the upload code load with no violation', async () => {
    await page.goto(`${stack.demo.url}/crm?account=A-1001`);
    const review = page.locator('#account-review [part~="button"][aria-disabled="false"]');
    await review.waitFor(WAIT);
    await review.click();
    const dialog = page.locator('#account-review [part~="dialog"]');
    await dialog.locator('[part~="submit"]').waitFor(WAIT);
    await page.keyboard.press('Escape');
    await dialog.locator('[part~="submit"]').waitFor({ ...WAIT, state: 'detached' });

    const list = page.locator('#account-documents');
    await list.locator('[part~="row"]').first().waitFor(WAIT);
    const chooser = page.waitForEvent('filechooser');
    await list.locator('[part~="upload-button"]').click();
    await (
      await chooser
    ).setFiles({ name: 'csp-check.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await list.getByText('csp-check.txt').first().waitFor(WAIT);

    await page.evaluate(`document.querySelector('xecm-provider').locale = 'de'`);
    await list.locator('[role="columnheader"]').getByText('Geändert').waitFor(WAIT);
    await assertNoViolations();
  });

  it('a document list switched to virtual rows renders with no violation', async () => {
    await page.goto(`${stack.demo.url}/plain`);
    const list = page.locator('xecm-document-list');
    await list.locator('[part~="row"]').first().waitFor(WAIT);
    // The 10,000-document workspace, 150 rows a page: over 100 rows the list loads the virtualizer (a
    // lazy chunk that positions rows with inline styles through the CSSOM) and renders only some rows.
    await page.evaluate(`(() => {
      const list = document.querySelector('xecm-document-list');
      list.setAttribute('page-size', '150');
      list.setAttribute('workspace-id', '10200');
    })()`);
    await list
      .locator('[part~="status"]')
      .filter({ hasText: /^150 of/ })
      .waitFor(WAIT);
    await list.locator('[part~="row"]').first().waitFor(WAIT);
    const rendered = await list.locator('[part~="row"]').count();
    assert.ok(rendered > 0 && rendered < 150, `virtual rows render a window, not all 150 (${rendered})`);
    await assertNoViolations();
  });
});
