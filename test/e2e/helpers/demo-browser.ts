// What the end-to-end tests of the demo share: Chromium as these machines run it, the demo stack with its
// built pages on free ports, signing in with the demo's user picker, and each page's "ready" condition.
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDemoPages } from '../../../demo/build-pages.js';
import type { DemoStack, DemoStackOptions } from '../../../demo/stack.js';
import { startDemoOnFreePorts } from '../../bff/helpers/demo-stack.js';
import { CHROMIUM_PATH } from '../../../scripts/ensure-chromium.js';

export const WAIT = { timeout: 15_000 };

/** Debian's Chromium, headless, without the sandbox containers running as root cannot offer. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The demo stack (emulator, BFF, demo site with the built pages, receiver) on free ports. */
export async function startDemoWithPages(
  options: Omit<DemoStackOptions, 'ports' | 'pagesDir'> = {},
): Promise<DemoStack> {
  const pagesDir = await buildDemoPages({ quiet: true });
  return startDemoOnFreePorts({ ...options, pagesDir });
}

/** Signs in on the demo's home page with its user picker (the session cookie then serves every page). */
export async function signIn(page: Page, stack: DemoStack, user: string): Promise<void> {
  await page.goto(`${stack.demo.url}/`);
  await Promise.all([page.waitForEvent('load'), page.click(`button[data-user="${user}"]`)]);
  await page.locator(`button[data-user="${user}"][aria-pressed="true"]`).waitFor(WAIT);
}

export interface DemoPage {
  name: string;
  path: string;
  /** Resolves once the page's elements show their data. */
  ready(page: Page): Promise<void>;
}

const firstRow = (p: Page) => p.locator('xecm-document-list [part~="row"]').first().waitFor(WAIT);

/** Every demo page with its elements loaded (signed in as max.sales). */
export const DEMO_PAGES: readonly DemoPage[] = [
  { name: 'home', path: '/', ready: (p) => p.locator('button[data-user]').first().waitFor(WAIT) },
  {
    name: 'CRM with an account: card, list, badge and review buttons',
    path: '/crm?account=A-1001',
    async ready(p) {
      await p.locator('#account-card [part~="name"]').waitFor(WAIT);
      await p.locator('#account-documents').getByText('Amendment 10.pdf').waitFor(WAIT);
      await p.locator('#document-approval[state]').waitFor(WAIT);
      await p.locator('#account-review [part~="button"][aria-disabled="false"]').waitFor(WAIT);
    },
  },
  {
    name: 'ERP with found and missing workspaces',
    path: '/erp',
    async ready(p) {
      await p.locator('[data-supplier="S-3001"] xecm-workspace-card [part~="name"]').waitFor(WAIT);
      await p.locator('[data-po="PO-4500010001"] [part~="create-button"]').waitFor(WAIT);
    },
  },
  { name: 'portal', path: '/portal', ready: firstRow },
  { name: 'plain HTML host', path: '/plain', ready: firstRow },
  { name: 'React 19 host', path: '/react', ready: firstRow },
];
