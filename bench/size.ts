// Prints the minified + gzipped size of what a page downloads up front: each element's registration
// entry on its own, and everything together (all elements + client + Lit + zod/mini), with English
// strings. Other locales are separate chunks loaded on demand and listed apart.
// Budget: everything together ≤ 20 KB gzip. Exits 1 when over budget.
import { measureBundle as measure } from './measure-bundle.js';

const BUDGET_BYTES = 20 * 1024;
const ELEMENTS = ['provider', 'workspace-card', 'document-list', 'approval-badge', 'start-review'];

const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(5)} KB`;

/** When each lazy chunk loads (by the name of the module that starts it). */
const LOADS_WHEN: [RegExp, string][] = [
  [/^(de|fr|es|ja)-/, 'an element shows that locale'],
  [/^virtual-rows-/, 'a document list holds more than 100 rows'],
  [/^flow-/, 'with virtual-rows (the virtualizer layout)'],
  [/^uploads-/, 'files are first chosen or dropped on a document list'],
  [/^review-dialog-/, 'the start-review button is pointed at, focused or clicked'],
  [/^pseudo-/, 'an element shows the pseudo-locale en-XA (a testing aid)'],
  [/\.warnings-/, 'development builds only (attribute warnings); never in production'],
  [/^chunk-/, 'code shared by lazy chunks, with the first of them'],
];
const loadsWhen = (file: string) => LOADS_WHEN.find(([re]) => re.test(file))?.[1] ?? '?';

console.log('bundle (minified, Lit + client + zod/mini included)      min      gzip');
for (const name of ELEMENTS) {
  const m = await measure(`src/elements/${name}/${name}.ts`);
  console.log(`  <xecm-${name}>`.padEnd(52) + `${kb(m.min)}  ${kb(m.gzip)}`);
}
const all = await measure('src/index.ts');
console.log(`  everything (src/index.ts)`.padEnd(52) + `${kb(all.min)}  ${kb(all.gzip)}`);
console.log('lazy chunks of "everything" (gzip; not loaded up front, each loads when …):');
for (const chunk of all.lazy) {
  const file = chunk.file.replace('bench-out/', '');
  console.log(`  ${file}`.padEnd(52) + `        ${kb(chunk.gzip)}  ${loadsWhen(file)}`);
}
console.log('what "everything" is made of (minified bytes, before gzip):');
for (const [part, bytes] of all.parts.filter(([, b]) => b >= 500))
  console.log(`  ${part}`.padEnd(52) + kb(bytes));
// What the chosen stack costs before any of our code, so the share of the budget left for the elements
// and the client is visible (bench/stack-floor.ts).
const floor = await measure('bench/stack-floor.ts');
console.log(
  `the stack alone, before our code (stack-floor.ts)`.padEnd(52) + `${kb(floor.min)}  ${kb(floor.gzip)}`,
);
console.log(
  `  (Lit, @lit/context, @lit/task, zod/mini parsing the contract): leaves ${Math.max(0, BUDGET_BYTES - floor.gzip)} bytes gzip\n  of the budget for five elements, the client, styles and strings.`,
);
const pass = all.gzip <= BUDGET_BYTES;
console.log(
  `\n${pass ? 'PASS' : 'FAIL'}: everything together is ${all.gzip} bytes gzip; budget ${BUDGET_BYTES} bytes (20 KB).`,
);
process.exitCode = pass ? 0 : 1;
