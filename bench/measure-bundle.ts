// Bundles an entry the way a page downloads it (minified, with our template minification, production
// defines) and tells apart what loads up front from the lazy chunks. Used by `npm run bench:size` and by
// test/build/bundle-size.test.ts, so the printed figures and the guarded ones are the same measurement.
import { build, type Metafile } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { esbuildLitTemplateMinifier } from './minify-lit-templates.js';

export interface Measured {
  min: number;
  gzip: number;
  lazy: { file: string; gzip: number }[];
  /** Minified bytes loaded up front per package or source folder. */
  parts: [string, number][];
  /** Every module (source file or package file) that loads up front. */
  upfrontModules: Set<string>;
}

export function partOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1]!;
  const src = /^src\/((?:elements\/)?[^/]+)/.exec(input);
  return src ? `src/${src[1]}` : input;
}

export async function measureBundle(entry: string): Promise<Measured> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'bench-out',
    write: false,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    // The same template minification as `npm run build` (vite.config.ts).
    plugins: [esbuildLitTemplateMinifier()],
  });
  const files = new Map(
    result.outputFiles.map((f) => [f.path.slice(f.path.indexOf('bench-out/')), f.contents]),
  );
  const outputs = (result.metafile as Metafile).outputs;
  // Dynamic imports are entry points of their own too: pick the output of `entry` itself.
  const entryOut = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === entry)!;
  // Static imports load up front; dynamic imports (the non-English locales) only when used.
  const upfront = new Set<string>();
  const visit = (out: string) => {
    if (upfront.has(out)) return;
    upfront.add(out);
    for (const imp of outputs[out]!.imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entryOut);
  const code = Buffer.concat([...upfront].map((o) => files.get(o)!));
  const lazy = Object.keys(outputs)
    .filter((o) => o.endsWith('.js') && !upfront.has(o))
    .map((o) => ({ file: o, gzip: gzipSync(files.get(o)!, { level: 9 }).length }));
  const parts = new Map<string, number>();
  const upfrontModules = new Set<string>();
  for (const out of upfront) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[out]!.inputs)) {
      parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
      if (bytesInOutput > 0) upfrontModules.add(input);
    }
  }
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    lazy,
    parts: [...parts].sort((a, b) => b[1] - a[1]),
    upfrontModules,
  };
}
