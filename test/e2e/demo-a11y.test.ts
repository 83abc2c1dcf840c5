// Accessibility of the demo pages in Chromium against the real stack: axe (WCAG 2.2 A/AA and best
// practices, shadow roots included) on every page and on the elements' error states, and the keyboard
// paths a user without a mouse takes: Tab through the elements with a visible focus ring, the document
// grid (arrows, Home/End, Enter to open, sort, filter, load more), upload, the start-review dialog
// (Escape closes, focus returns) and the workspace card's create action.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoStack } from '../../demo/stack.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { DEMO_PAGES, launchChromium, signIn, startDemoWithPages, WAIT } from './helpers/demo-browser.js';
/** axe ships with @open-wc/testing; injected into the page as a script. */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  help: string;
  targets: string[];
}

interface Focused {
  /** Tag names from the document down through open shadow roots to the focused element. */
  path: string;
  text: string;
  part: string | null;
  row: string | null;
  col: string | null;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
}

// Plain strings for page.evaluate: the test's TypeScript is transformed with helpers the page lacks.
const FOCUSED_JS = `(() => {
  let el = document.activeElement;
  const path = [];
  while (el) {
    path.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''));
    const inner = el.shadowRoot ? el.shadowRoot.activeElement : null;
    if (!inner) {
      const cs = getComputedStyle(el);
      return {
        path: path.join(' > '),
        text: (el.textContent || '').replace(/\\s+/g, ' ').trim(),
        part: el.getAttribute('part'),
        row: el.closest('[data-row]') ? el.closest('[data-row]').getAttribute('data-row') : null,
        col: el.closest('[data-col]') ? el.closest('[data-col]').getAttribute('data-col') : null,
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        boxShadow: cs.boxShadow,
      };
    }
    el = inner;
  }
  return null;
})()`;

const AXE_RUN_JS = (disabled: string[]) => `(async () => {
  const rules = {};
  for (const id of ${JSON.stringify(disabled)}) rules[id] = { enabled: false };
  const result = await window.axe.run(document, {
    runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} },
    rules,
  });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.map((n) => JSON.stringify(n.target)),
  }));
})()`;

async function axeViolations(page: Page, disabled: string[] = []): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ path: AXE_PATH });
  return (await page.evaluate(AXE_RUN_JS(disabled))) as Violation[];
}

function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.id} (${v.help}): ${v.targets.join(', ')}`).join('\n');
}

async function focused(page: Page): Promise<Focused> {
  const f = (await page.evaluate(FOCUSED_JS)) as Focused | null;
  assert.ok(f, 'something has focus');
  return f;
}

/** Inside the elements the ring is the shared 2px `:focus-visible` outline; host controls keep the browser's. */
function assertVisibleFocus(f: Focused): void {
  const ring = f.boxShadow !== 'none' || (f.outlineStyle !== 'none' && f.outlineWidth >= 1);
  assert.ok(ring, `visible focus on ${f.path} (outline ${f.outlineStyle} ${f.outlineWidth}px)`);
  if (f.path.includes('xecm-')) assert.ok(f.outlineWidth >= 2, `2px ring on ${f.path}`);
}

/** Presses Tab until `match` holds (at most `max` times); every stop on the way shows its focus. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean, max = 40): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.path !== 'body') assertVisibleFocus(f);
    if (match(f)) return f;
    seen.push(`${f.path} "${f.text.slice(0, 30)}"`);
  }
  assert.fail(`Tab never reached ${what}; stops were:\n  ${seen.join('\n  ')}`);
}

async function press(page: Page, key: string): Promise<Focused> {
  await page.keyboard.press(key);
  return focused(page);
}

describe('demo pages: accessibility in Chromium', () => {
  let stack: DemoStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  async function setFault(body: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${stack.emulator.url}/emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 201, await res.text());
  }

  async function clearFaults(): Promise<void> {
    await fetch(`${stack.emulator.url}/emulator/faults`, { method: 'DELETE' });
  }

  before(async () => {
    stack = await startDemoWithPages();
    browser = await launchChromium();
    // axe goes into the page as an inline script, which the demo's strict CSP refuses; the policy itself is
    // tested in demo-csp.test.ts.
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      bypassCSP: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Playwright turns on file-chooser interception when the first listener appears, asynchronously:
    // a listener added in the same tick as a key press loses the race and the chooser never reports.
    page.on('filechooser', () => undefined);
    await signIn(page, stack, 'max.sales');
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  describe('axe finds no violations', () => {
    for (const { name, path, ready } of DEMO_PAGES) {
      it(name, async () => {
        await page.goto(`${stack.demo.url}${path}`);
        await ready(page);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], describeViolations(violations));
      });
    }

    it('dark mode (prefers-color-scheme: dark), German, right-to-left', async () => {
      const dark = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'de-DE',
        colorScheme: 'dark',
        bypassCSP: true,
      });
      try {
        const p = await dark.newPage();
        await p.goto(`${stack.demo.url}/`);
        await p.evaluate(
          `fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"max.sales"}' })`,
        );
        await p.addInitScript(
          `document.addEventListener('DOMContentLoaded', () => {
            document.documentElement.lang = 'de';
            document.querySelector('main').setAttribute('dir', 'rtl');
          })`,
        );
        await p.goto(`${stack.demo.url}/plain`);
        await p.locator('xecm-document-list [part~="row"]').first().waitFor(WAIT);
        await p
          .locator('xecm-document-list [part~="upload-button"]')
          .filter({ hasText: 'Dateien hochladen' })
          .waitFor(WAIT);
        const violations = await axeViolations(p);
        assert.deepEqual(violations, [], describeViolations(violations));
      } finally {
        await dark.close();
      }
    });

    it('error states: the card and the list say what failed, as alerts with a retry that recovers', async () => {
      // Every xECM call fails; the BFF answers 502 and the elements show their error states.
      await setFault({ path: '/api/', count: 1000, status: 500 });
      try {
        await page.goto(`${stack.demo.url}/crm?account=A-1005`);
        const card = page.locator('#account-card');
        const alert = card.locator('[role="alert"]');
        await alert.waitFor(WAIT);
        assert.match(await alert.innerText(), /could not be loaded/);
        assert.doesNotMatch(await alert.innerText(), /\bat \w+ \(|Error:/, 'no stack trace');
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], describeViolations(violations));
      } finally {
        await clearFaults();
      }
      const retry = page.locator('#account-card [part~="retry-button"]');
      await retry.focus();
      assertVisibleFocus(await focused(page));
      await page.keyboard.press('Enter');
      await page
        .locator('#account-card [part~="name"]')
        .filter({ hasText: 'Stark Logistics' })
        .or(page.locator('#account-card [part~="create-button"]'))
        .waitFor(WAIT);
    });

    it('the list error state on the plain page', async () => {
      await setFault({ path: '/api/', count: 1000, status: 500 });
      try {
        // The supplier's workspace, which nothing on this stack has listed yet (no BFF cache to answer).
        await page.goto(`${stack.demo.url}/plain`);
        await page.locator('xecm-document-list [part~="filter"]').waitFor(WAIT);
        await page.evaluate(
          `document.querySelector('xecm-document-list').workspaceId = '${WELL_KNOWN.supplier.workspaceId}'`,
        );
        const error = page.locator('xecm-document-list [part~="error"][role="alert"]');
        await error.waitFor(WAIT);
        assert.match(await error.innerText(), /could not be loaded/);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], describeViolations(violations));
      } finally {
        await clearFaults();
      }
      await page.locator('xecm-document-list [part~="error"] button').press('Enter');
      await page.locator('xecm-document-list [part~="row"]').first().waitFor(WAIT);
    });
  });

  describe('keyboard only', () => {
    it('CRM: Tab reaches the card, the review button, the filter, upload and the grid, each with a visible ring', async () => {
      await page.goto(`${stack.demo.url}/crm?account=A-1001`);
      await page.locator('#account-documents [part~="row"]').first().waitFor(WAIT);
      await page.locator('#account-review [part~="button"][aria-disabled="false"]').waitFor(WAIT);
      await tabTo(
        page,
        'the workspace link',
        (f) => f.path.startsWith('xecm-workspace-card') && f.part === 'link',
      );
      await tabTo(page, 'the review button', (f) => f.path.startsWith('xecm-start-review#account-review'));
      await tabTo(page, 'the filter', (f) => f.part === 'filter');
      await tabTo(page, 'the upload button', (f) => f.part === 'upload-button');
      const header = await tabTo(
        page,
        'the grid',
        (f) => f.path.startsWith('xecm-document-list') && f.row !== null,
      );
      assert.equal(header.row, '-1', 'the grid is entered at its header');
      await tabTo(page, 'the document review button', (f) =>
        f.path.startsWith('xecm-start-review#document-review'),
      );
    });

    it('document grid: arrows, Home/End, Ctrl+Home/End, Page keys, Enter opens', async () => {
      await page.goto(`${stack.demo.url}/plain`);
      const list = page.locator('xecm-document-list');
      await list.locator('[part~="row"]').first().waitFor(WAIT);
      await page.evaluate(
        `window.__opened = [];
         document.addEventListener('xecm-document-open', (e) => {
           window.__opened.push(e.detail.action + ':' + e.detail.document.name);
           e.preventDefault();
         })`,
      );
      let f = await tabTo(page, 'the grid', (x) => x.path.startsWith('xecm-document-list') && x.row !== null);
      assert.deepEqual([f.row, f.col, f.text], ['-1', '0', 'Name']);
      f = await press(page, 'ArrowDown');
      assert.deepEqual([f.row, f.col, f.part], ['0', '0', 'name']);
      const first = f.text;
      f = await press(page, 'ArrowDown');
      assert.equal(f.row, '1');
      f = await press(page, 'ArrowRight');
      assert.deepEqual([f.row, f.col], ['1', '1']);
      assertVisibleFocus(f);
      f = await press(page, 'End');
      assert.equal(f.row, '1');
      assert.match(f.part ?? '', /download/);
      f = await press(page, 'Home');
      assert.deepEqual([f.row, f.col], ['1', '0']);
      f = await press(page, 'PageDown');
      assert.ok(Number(f.row) > 1, `PageDown moved down (row ${f.row})`);
      f = await press(page, 'Control+Home');
      assert.deepEqual([f.row, f.col], ['-1', '0']);
      // Scrolling near the end fetches the next page by itself: Ctrl+End goes to the last row loaded.
      await list.locator('[role="grid"][aria-busy="false"]').waitFor(WAIT);
      const loaded = Number((await list.locator('[part~="status"]').innerText()).match(/^\d+/)?.[0]);
      f = await press(page, 'Control+End');
      assert.equal(f.row, String(loaded - 1), 'the last loaded row');
      await press(page, 'Control+Home');
      await press(page, 'ArrowDown');
      f = await press(page, 'ArrowRight');
      assert.deepEqual([f.row, f.col], ['0', '1']);
      await page.keyboard.press('Enter');
      assert.deepEqual(await page.evaluate('window.__opened'), [`open:${first}`]);
    });

    it('document grid: sort from the header, filter with Enter, load more', async () => {
      const list = page.locator('xecm-document-list');
      let f = await press(page, 'Control+Home');
      assert.equal(f.text, 'Name');
      await page.keyboard.press('Enter');
      await list
        .locator('[role="columnheader"][aria-sort="descending"]')
        .filter({ hasText: 'Name' })
        .waitFor(WAIT);
      f = await focused(page);
      assert.equal(f.text, 'Name', 'focus stays on the sort button');
      await press(page, 'ArrowRight');
      f = await press(page, 'ArrowRight');
      assert.equal(f.text, 'Size');
      await page.keyboard.press('Space');
      await list
        .locator('[role="columnheader"][aria-sort="ascending"]')
        .filter({ hasText: 'Size' })
        .waitFor(WAIT);
      assert.equal(await list.locator('[role="columnheader"][aria-sort]').count(), 1);

      const status = list.locator('[part~="status"]');
      assert.equal(await status.innerText(), '20 of 33 documents');
      await list.locator('[part~="load-more"]').focus();
      await page.keyboard.press('Enter');
      await status.filter({ hasText: '33 of 33 documents' }).waitFor(WAIT);

      await list.locator('[part~="filter"]').focus();
      await page.keyboard.type('Amendment 1');
      await page.keyboard.press('Enter');
      await status.filter({ hasText: '4 of 4 documents' }).waitFor(WAIT);
      for (const name of await list.locator('[part~="name"]').allInnerTexts())
        assert.match(name, /^Amendment 1/);
      await page.keyboard.press('Control+a');
      await page.keyboard.type('no such document');
      await page.keyboard.press('Enter');
      await list.locator('[part~="empty"]').filter({ hasText: 'No documents match' }).waitFor(WAIT);
    });

    it('upload: Enter on "Upload files" opens the file chooser; the file lands in the list', async () => {
      await page.goto(`${stack.demo.url}/plain`);
      const list = page.locator('xecm-document-list');
      await list.locator('[part~="row"]').first().waitFor(WAIT);
      await tabTo(page, 'the upload button', (f) => f.part === 'upload-button');
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', WAIT),
        page.keyboard.press('Enter'),
      ]);
      assert.ok(chooser.isMultiple());
      await chooser.setFiles({
        name: 'Keyboard upload.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('uploaded without a mouse\n'),
      });
      await list.locator('[part~="upload"][data-status="done"]').waitFor(WAIT);
      await list.locator('[part~="name"]').filter({ hasText: 'Keyboard upload.txt' }).waitFor(WAIT);
    });

    it('start-review dialog: Enter opens it with focus inside, Escape closes it, focus returns to the button', async () => {
      await page.goto(`${stack.demo.url}/crm?account=A-1001`);
      const host = page.locator('#account-review');
      await host.locator('[part~="button"][aria-disabled="false"]').waitFor(WAIT);
      const button = await tabTo(page, 'the review button', (f) =>
        f.path.startsWith('xecm-start-review#account-review'),
      );
      assert.equal(button.part, 'button');
      await page.keyboard.press('Enter');
      const dialog = host.locator('[part~="dialog"]');
      await dialog.waitFor({ state: 'visible', ...WAIT });
      let f = await focused(page);
      assert.ok(
        f.path.startsWith('xecm-start-review#account-review > input'),
        `focus in the dialog: ${f.path}`,
      );
      f = await press(page, 'Tab');
      assert.equal(f.part, 'comment');
      f = await press(page, 'Tab');
      assert.equal(f.part, 'cancel');
      assertVisibleFocus(f);
      f = await press(page, 'Tab');
      assert.equal(f.part, 'submit');
      // Target size (WCAG 2.5.8) included: the workflow choices are rows of at least 28 px.
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      f = await focused(page);
      assert.equal(f.part, 'button', 'focus returned to the button');
      assert.ok(f.path.startsWith('xecm-start-review#account-review'));

      // Cancel by keyboard does the same.
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'visible', ...WAIT });
      await host.locator('[part~="cancel"]').press('Enter');
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      assert.equal((await focused(page)).part, 'button');
    });

    it('ERP: "Create workspace" works from the keyboard and focus lands on the new workspace link', async () => {
      await page.goto(`${stack.demo.url}/erp`);
      const card = page.locator('[data-po="PO-4500010002"] xecm-workspace-card');
      await card.locator('[part~="create-button"]').waitFor(WAIT);
      await tabTo(page, 'a create button', (f) => f.part === 'create-button');
      await card.locator('[part~="create-button"]').focus();
      await page.keyboard.press('Enter');
      await card.locator('[part~="name"]').filter({ hasText: 'Control units' }).waitFor(WAIT);
      const f = await focused(page);
      assert.equal(f.part, 'link');
      assert.match(f.text, /Control units/);
    });

    it('header user switcher: arrow keys only choose; "Switch" signs in as the chosen user', async () => {
      await page.goto(`${stack.demo.url}/erp`);
      const select = page.locator('#user-switch');
      await select.waitFor(WAIT);
      let navigations = 0;
      const count = (frame: { parentFrame(): unknown }) => {
        if (!frame.parentFrame()) navigations++;
      };
      page.on('framenavigated', count);
      try {
        await select.focus();
        await page.keyboard.press('ArrowDown');
        assert.equal(await select.inputValue(), 'lena.legal');
        // Give a change-triggered reload the time to start: none may come.
        await page.waitForTimeout(500);
        assert.equal(navigations, 0, 'choosing an option does not reload the page');
        await select.selectOption('max.sales');
      } finally {
        page.off('framenavigated', count);
      }
      await select.selectOption('lena.legal');
      await Promise.all([page.waitForEvent('load'), page.locator('#user-switch-submit').press('Enter')]);
      assert.equal(await page.locator('#user-switch').inputValue(), 'lena.legal');
      await page.locator('#user-switch').selectOption('max.sales');
      await Promise.all([page.waitForEvent('load'), page.locator('#user-switch-submit').press('Enter')]);
      assert.equal(await page.locator('#user-switch').inputValue(), 'max.sales');
    });

    it('no page error happened', () => {
      assert.deepEqual(pageErrors, []);
    });
  });
});
