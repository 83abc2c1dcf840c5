// Builds Storybook, serves it on the loopback and renders every story in Chromium: fails when a story
// errors, throws, or the page reports an uncaught error (including unhandled rejections) while it shows.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './helpers/static-server.js';

const SETTLE_MS = 300;

interface StoryResult {
  status: 'rendered' | 'errored' | 'threw' | 'timeout';
  detail?: string;
}

/**
 * In-page script (a string: tsx's name-keeping helpers do not exist in the page) that switches to a story
 * over Storybook's channel and resolves with how it ended.
 */
function showStory(storyId: string): string {
  return `new Promise((resolve) => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const id = ${JSON.stringify(storyId)};
    const handlers = {
      storyRendered: (p) => { if (p === id) finish({ status: 'rendered' }); },
      storyErrored: (p) => finish({ status: 'errored', detail: JSON.stringify(p) }),
      storyThrewException: (p) => finish({ status: 'threw', detail: String((p && p.message) || p) }),
      // A story that reaches its state by interaction (open dialog, uploads) failed to get there.
      playFunctionThrewException: (p) => finish({ status: 'threw', detail: 'play: ' + String((p && p.message) || p) }),
    };
    const timer = setTimeout(() => finish({ status: 'timeout' }), 15000);
    const finish = (r) => {
      clearTimeout(timer);
      for (const [event, fn] of Object.entries(handlers)) channel.off(event, fn);
      resolve(r);
    };
    for (const [event, fn] of Object.entries(handlers)) channel.on(event, fn);
    channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  })`;
}

describe('Storybook', { timeout: 300_000 }, () => {
  let outDir: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let page: Page;
  let storyIds: string[] = [];
  let docsIds: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'xecm-storybook-'));
    // The docs pages read custom-elements.json, which a fresh clone does not have yet.
    const analyze = spawnSync(
      'node_modules/.bin/cem',
      ['analyze', '--config', 'custom-elements-manifest.config.js'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(analyze.status, 0, `cem analyze failed:\n${analyze.stdout}\n${analyze.stderr}`);
    const build = spawnSync(
      'node_modules/.bin/storybook',
      ['build', '--quiet', '--disable-telemetry', '-o', outDir],
      {
        encoding: 'utf8',
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      },
    );
    assert.equal(build.status, 0, `storybook build failed:\n${build.stdout}\n${build.stderr}`);
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as {
      entries: Record<string, { id: string; type: string }>;
    };
    storyIds = Object.values(index.entries)
      .filter((e) => e.type === 'story')
      .map((e) => e.id);
    docsIds = Object.values(index.entries)
      .filter((e) => e.type === 'docs')
      .map((e) => e.id);
    server = await serveStatic(outDir);
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('has stories', () => {
    assert.ok(storyIds.length > 0, 'no stories found in index.json');
  });

  it('renders every story without errors', async () => {
    // Load once, then switch stories over Storybook's channel (a full page load per story is too slow).
    await page.goto(`${server.url}/iframe.html?id=${storyIds[0]}&viewMode=story`);
    // msw's service worker takes control with one reload on the first visit; wait until it controls the
    // page and the first story has shown.
    await page.waitForFunction(
      `'__STORYBOOK_ADDONS_CHANNEL__' in window && navigator.serviceWorker.controller !== null &&
        /sb-show-(main|errordisplay|nopreview)/.test(document.body.className)`,
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForLoadState('load');
    const order = [...storyIds.slice(1), storyIds[0]!];
    const failures: string[] = [];
    for (const id of order) {
      const errorsBefore = pageErrors.length;
      let result: StoryResult;
      try {
        result = (await page.evaluate(showStory(id))) as StoryResult;
      } catch (error) {
        result = { status: 'threw', detail: `the page navigated away: ${String(error)}` };
      }
      // Data loads and tasks finish after the first render; give their failures a moment to surface.
      await page.waitForTimeout(SETTLE_MS);
      const errors = pageErrors.slice(errorsBefore);
      if (result.status !== 'rendered' || errors.length > 0) {
        failures.push(
          `${id}: ${result.status}${result.detail ? ` (${result.detail})` : ''}${errors.map((e) => `\n    page error: ${e}`).join('')}`,
        );
      }
    }
    assert.deepEqual(failures, [], `stories failed:\n  ${failures.join('\n  ')}`);
  });

  it('has a docs page per element whose API table comes from custom-elements.json', async () => {
    // One attribute per element that only the element's JSDoc names, so seeing it proves the manifest
    // reached the page; and the sections a designer or developer looks for.
    const expected = {
      provider: { attribute: 'bff-url', sections: ['ATTRIBUTES', 'CSS CUSTOM PROPERTIES'] },
      'workspace-card': {
        attribute: 'bo-id',
        sections: ['ATTRIBUTES', 'EVENTS', 'CSS SHADOW PARTS', 'CSS CUSTOM PROPERTIES'],
      },
      'document-list': {
        attribute: 'max-upload-bytes',
        sections: ['ATTRIBUTES', 'EVENTS', 'CSS SHADOW PARTS', 'CSS CUSTOM PROPERTIES'],
      },
      'approval-badge': {
        attribute: 'document-id',
        sections: ['ATTRIBUTES', 'EVENTS', 'CSS SHADOW PARTS', 'CSS CUSTOM PROPERTIES'],
      },
      'start-review': {
        attribute: 'target-kind',
        sections: ['ATTRIBUTES', 'EVENTS', 'CSS SHADOW PARTS', 'CSS CUSTOM PROPERTIES'],
      },
    } as const;
    for (const [tag, { attribute, sections }] of Object.entries(expected)) {
      const docs = docsIds.find((id) => id.includes(tag));
      assert.ok(docs, `no docs page for ${tag} in ${docsIds.join(', ')}`);
      await page.goto(`${server.url}/iframe.html?id=${docs}&viewMode=docs`);
      const table = page.locator('.docblock-argstable').first();
      await table.waitFor({ timeout: 30_000 });
      const text = await table.innerText();
      assert.ok(text.includes(attribute), `${tag}: attribute ${attribute} missing from the API table`);
      for (const section of sections)
        assert.ok(text.toUpperCase().includes(section), `${tag}: no ${section} section in the API table`);
      // Private members (the client plumbing) are not part of the documented API.
      assert.doesNotMatch(
        text,
        /\bprovidedClient\b|\blocalize\b/,
        `${tag}: private members in the API table`,
      );
    }
  });

  it('shows each story of a docs page with its own mocked answers', async () => {
    // Inline stories share one msw handler set (the last loaded wins), so a docs page would show a ready
    // card under "Forbidden"; in their own iframes each story keeps its own fake BFF.
    const docs = docsIds.find((id) => id.includes('workspace-card'))!;
    await page.goto(`${server.url}/iframe.html?id=${docs}&viewMode=docs`);
    const anchor = '#anchor--elements-workspace-card--forbidden iframe';
    await page.locator(anchor).scrollIntoViewIfNeeded({ timeout: 30_000 });
    const status = page.frameLocator(anchor).locator('xecm-workspace-card [part="status"]');
    await status.waitFor({ timeout: 30_000 });
    assert.match(await status.innerText(), /permission/);
  });
});
