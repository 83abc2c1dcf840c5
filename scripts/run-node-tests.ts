// Runs node:test suites with an explicit file list (Node 20's --test has no globs and silently runs
// nothing without arguments), and fails when a test file sits where no runner would pick it up.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders run by node's test runner. */
const NODE_DIRS = ['test/emulator', 'test/bff', 'test/e2e', 'test/build'];
/** Folders run by web-test-runner in Chromium (see web-test-runner.config.js). */
const BROWSER_DIRS = ['test/elements', 'test/client'];

function testFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const stray = testFiles('test').filter(
  (file) => ![...NODE_DIRS, ...BROWSER_DIRS].some((dir) => file.startsWith(dir + '/')),
);
if (stray.length > 0) {
  console.error(`Test files outside any runner's folders (they would never run):\n  ${stray.join('\n  ')}`);
  process.exit(1);
}

// `npm run test:node -- test/bff` narrows the run to the given folders or files.
const wanted = process.argv.slice(2);
const files = NODE_DIRS.flatMap(testFiles)
  .filter((file) => wanted.length === 0 || wanted.some((w) => file.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error('No node test files matched.');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.map((f) => relative('.', f))],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
