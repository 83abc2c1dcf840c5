// Drives the real stack for the live-badge test and `npm run bench:live`: the demo stack (emulator, BFF
// with events, demo site serving test/e2e/live/pages), Chromium through playwright-core, a review started
// through the BFF and approved through the emulator's control API.
import type { Browser, Page } from 'playwright-core';
import type { Review } from '../../../src/contract/index.js';
import type { DemoStack } from '../../../demo/stack.js';
import type { LiveBadgeProbe } from './pages/live-badge.js';
import { buildLivePages } from './build-live-page.js';
import { launchChromium } from '../helpers/demo-browser.js';
import { devToken, startDemoOnFreePorts } from '../../bff/helpers/demo-stack.js';

export type { BadgeChange, DocumentFetch, LiveBadgeProbe } from './pages/live-badge.js';

const JSON_WRITE = { 'content-type': 'application/json', 'x-requested-with': 'xecm-elements' };

export interface LiveStackOptions {
  /** Emulator → BFF signed callouts (false = the BFF learns of changes by polling only). */
  callouts: boolean;
  /** Change-detection interval while watched; unset = the production default. */
  detectorIntervalMs?: number;
}

export interface LiveStack {
  stack: DemoStack;
  browser: Browser;
  close(): Promise<void>;
}

export async function startLiveStack(options: LiveStackOptions): Promise<LiveStack> {
  const pagesDir = await buildLivePages();
  const stack = await startDemoOnFreePorts({
    pagesDir,
    callouts: options.callouts,
    ...(options.detectorIntervalMs !== undefined ? { detectorIntervalMs: options.detectorIntervalMs } : {}),
  });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await stack.close();
    throw error;
  }
  return {
    stack,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await stack.close();
    },
  };
}

/** Polls `check` until it returns a value (not undefined/false) or the deadline passes. */
export async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Opens the live-badge page signed in as `user` and waits until the badge shows a loaded state. */
export async function openBadgePage(
  live: LiveStack,
  target: { document: string } | { workspace: string },
  user = 'max.sales',
): Promise<Page> {
  const page = await live.browser.newPage({ locale: 'en-US' });
  const query = new URLSearchParams({ ...target, user });
  await page.goto(`${live.stack.demo.url}/live-badge?${query}`);
  await page.waitForFunction(() => window.liveBadge?.ready === true, undefined, { timeout: 15_000 });
  await page.locator('xecm-approval-badge [part~="base"][data-status="ready"]').waitFor({ timeout: 15_000 });
  return page;
}

/** What the page recorded so far: its load id and every change of the badge's state. */
export function readProbe(page: Page): Promise<Pick<LiveBadgeProbe, 'loadId' | 'changes' | 'fetches'>> {
  return page.evaluate(() => ({
    loadId: window.liveBadge.loadId,
    changes: window.liveBadge.changes,
    fetches: window.liveBadge.fetches,
  }));
}

/** The page's wall clock (ms since the epoch). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => window.liveBadge.now());
}

/**
 * Waits until the BFF watches the topic for the open page: its SSE stream is subscribed, and (with
 * polling) the detector has taken its starting cursor. Changes made before that are history to the
 * detector, not news, so an approval must come after.
 */
export async function waitWatched(stack: DemoStack, topic: string, polling: boolean): Promise<void> {
  await until(`the BFF to watch ${topic}`, () =>
    stack.bff.events.hub.watchedTopics().includes(topic as never),
  );
  if (polling) {
    const nodeId = topic.slice(topic.indexOf(':') + 1);
    await until(`the first poll of ${topic}`, () => stack.bff.store.getCursor(`audit:${nodeId}`) !== null);
  }
}

/** Starts the two-step Contract Review on a document through the BFF, as `user`. */
export async function startReview(stack: DemoStack, documentId: string, user = 'max.sales'): Promise<Review> {
  const res = await fetch(`${stack.bff.url}/v1/reviews`, {
    method: 'POST',
    headers: { ...JSON_WRITE, authorization: `Bearer ${await devToken(stack, user)}` },
    body: JSON.stringify({ target: { kind: 'document', id: documentId }, workflow: 'contract-review' }),
  });
  if (res.status !== 201) throw new Error(`POST /v1/reviews answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Review;
}

/**
 * Approves the current task of a process as lena.legal through the emulator's control API; resolves
 * with the wall-clock time (ms) at which the emulator's answer arrived.
 */
export async function approveTask(stack: DemoStack, processId: string): Promise<number> {
  const res = await fetch(`${stack.emulator.url}/emulator/workflows/act`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ processId: Number(processId), user: 'lena.legal', action: 'Approve' }),
  });
  const answeredAt = performance.timeOrigin + performance.now();
  if (!res.ok) throw new Error(`/emulator/workflows/act answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return answeredAt;
}

/** Locator helpers for the badge's visible state. */
export function badge(page: Page) {
  return {
    state: (state: string) => page.locator(`xecm-approval-badge[state="${state}"]`),
    step: (text: string) => page.locator('xecm-approval-badge [part~="step"]').filter({ hasText: text }),
    label: () => page.locator('xecm-approval-badge [part~="label"]'),
  };
}
