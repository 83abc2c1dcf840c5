// The package as a consumer meets it: built from src/ into a scratch copy of the package, narrowed to the
// files `npm pack` would ship, and installed into a scratch node_modules (no network: its dependencies
// resolve from the repository's node_modules). Then each documented import path must resolve in Node
// and in a bundler, registration must survive tree-shaking while everything else is shaken off, the
// declarations must type-check a consumer's code (React 19 JSX too), and custom-elements.json must list
// what the elements really have.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';
import { CONSUMER_TS, CONSUMER_TSX } from '../types/package-consumer.js';

const run = promisify(execFile);
const ROOT = process.cwd();
const TAGS = ['provider', 'workspace-card', 'document-list', 'approval-badge', 'start-review'] as const;

interface PackageJson {
  exports: Record<string, string | { types: string; default: string }>;
  sideEffects: string[];
  customElements: string;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const pkgJson = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const subpaths = Object.keys(pkgJson.exports).filter((key) => !key.endsWith('.json'));
const specifier = (subpath: string) => posix.join('xecm-elements', subpath);
const targets = (subpath: string): { types?: string; default: string } => {
  const target = pkgJson.exports[subpath]!;
  return typeof target === 'string' ? { default: target } : target;
};

/**
 * Packages declarations may name without depending on them. `react`: the React typings entry is for React
 * users, who have @types/react. (Not `lit-html`: a declaration naming it breaks strict layouts such as
 * Yarn PnP, where only `lit` is reachable; `render()` and icon constants are annotated with lit's types.)
 */
const TYPES_ONLY_IMPORTS = { react: 'xecm-elements/react' };

let work: string; // scratch folder inside the repo, so bare imports find the repo's node_modules
let installed: string; // <work>/consumer/node_modules/xecm-elements: the shipped files only
let packed: string[];

/** Runs `source` as an ES module in a fresh Node process inside the consumer folder; returns its stdout. */
async function node(source: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', source], {
    cwd: join(work, 'consumer'),
  });
  return stdout;
}

before(
  async () => {
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    work = mkdtempSync(join(ROOT, 'tmp', 'package-test-'));
    const pkg = join(work, 'pkg');
    mkdirSync(pkg);
    for (const file of ['package.json', 'README.md', 'LICENSE', '.npmignore', '.gitignore']) {
      if (existsSync(file)) cpSync(file, join(pkg, file));
    }
    const bin = (path: string) => join(ROOT, 'node_modules', path);
    // `npm run build`, with each tool writing into the scratch copy instead of dist/ (other tests read it).
    await Promise.all([
      run(process.execPath, [
        bin('vite/bin/vite.js'),
        'build',
        '--outDir',
        join(pkg, 'dist'),
        '--emptyOutDir',
        '--logLevel',
        'error',
      ]),
      run(process.execPath, [
        bin('typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--declarationDir',
        join(work, 'types'),
      ]),
      run(process.execPath, [
        bin('@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.js',
        '--outdir',
        relative(ROOT, join(work, 'cem')),
        '--quiet',
      ]),
    ]);
    renameSync(join(work, 'types'), join(pkg, 'dist', 'types'));
    renameSync(join(work, 'cem', 'custom-elements.json'), join(pkg, 'dist', 'custom-elements.json'));

    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg });
    packed = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path).sort();
    installed = join(work, 'consumer', 'node_modules', 'xecm-elements');
    for (const file of packed) {
      mkdirSync(dirname(join(installed, file)), { recursive: true });
      cpSync(join(pkg, file), join(installed, file));
    }
    writeFileSync(join(work, 'consumer', 'package.json'), '{ "type": "module", "private": true }\n');
  },
  { timeout: 300_000 },
);

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('package: what npm pack ships', () => {
  it('holds package.json, README, LICENSE and dist only, without source maps of declarations', () => {
    assert.ok(packed.includes('package.json') && packed.includes('README.md') && packed.includes('LICENSE'));
    const outside = packed.filter((f) => !/^(package\.json|README\.md|LICENSE(\.\w+)?|dist\/.+)$/.test(f));
    assert.deepEqual(outside, []);
    const unwanted = packed.filter((f) =>
      /(^|\/)(src|test|tests|stories|bench-out|storybook-static|node_modules|\.data)\/|\.(test|stories)\.|\.db(-wal|-shm)?$|(^|\/)\.env|\.(pem|key|tsbuildinfo)$|\.d\.ts\.map$/.test(
        f,
      ),
    );
    assert.deepEqual(unwanted, []);
  });

  it('holds every exports target with its declarations, and the manifest package.json names', () => {
    for (const subpath of Object.keys(pkgJson.exports)) {
      for (const [condition, target] of Object.entries(targets(subpath))) {
        assert.ok(
          packed.includes(posix.normalize(target)),
          `exports["${subpath}"].${condition} = ${target} is not in the package`,
        );
      }
    }
    for (const subpath of subpaths) assert.ok(targets(subpath).types, `exports["${subpath}"] has no types`);
    assert.ok(packed.includes(posix.normalize(pkgJson.customElements)));
    assert.equal(
      posix.normalize(targets('./custom-elements.json').default),
      posix.normalize(pkgJson.customElements),
    );
  });

  it('exports every import path README.md and docs/*.md show', async () => {
    const { readdirSync } = await import('node:fs');
    const docs = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const documented = new Set<string>();
    for (const doc of docs) {
      for (const match of readFileSync(doc, 'utf8').matchAll(
        /(?:from|import)\s*\(?\s*['"](xecm-elements(?:\/[\w./-]+)?)['"]/g,
      )) {
        documented.add(match[1]!);
      }
    }
    assert.ok(
      documented.has('xecm-elements') && documented.has('xecm-elements/react'),
      'the docs scan found the usual imports',
    );
    const exported = new Set(Object.keys(pkgJson.exports).map(specifier));
    assert.deepEqual(
      [...documented].filter((path) => !exported.has(path)),
      [],
    );
  });

  it('resolves every relative import and source map inside the package, and every bare import to a dependency', () => {
    const declared = new Set([
      ...Object.keys(pkgJson.dependencies),
      ...Object.keys(pkgJson.peerDependencies ?? {}),
    ]);
    const problems: string[] = [];
    for (const file of packed.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(join(installed, file), 'utf8');
      const imports = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map(
        (m) => m[1]!,
      );
      for (const spec of imports) {
        if (spec.startsWith('.')) {
          let target = posix.join(posix.dirname(file), spec);
          if (file.endsWith('.d.ts')) target = target.replace(/\.js$/, '.d.ts');
          if (!packed.includes(target)) problems.push(`${file}: ${spec} is not in the package`);
        } else {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          if (file.endsWith('.d.ts') && name in TYPES_ONLY_IMPORTS) continue;
          if (!declared.has(name)) problems.push(`${file}: ${spec} is not a dependency`);
        }
      }
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (map && !packed.includes(posix.join(posix.dirname(file), map)))
        problems.push(`${file}: ${map} is not in the package`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('package: dependencies', () => {
  it('depends only on packages the shipped code imports (a consumer installs no BFF packages)', () => {
    const imported = new Set<string>();
    for (const file of packed.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(installed, file), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'".][^'"]*)['"]/g)) {
        const spec = m[1]!;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    assert.deepEqual(
      Object.keys(pkgJson.dependencies).filter((name) => !imported.has(name)),
      [],
      'dependencies the package never imports',
    );
  });
});

describe('package: loading it in Node (SSR) and in a bundler', () => {
  const defined = new Map<string, string[]>();
  before(async () => {
    await Promise.all(
      subpaths.map(async (subpath) => {
        const out = await node(
          `await import(${JSON.stringify(specifier(subpath))});` +
            `const tags = ${JSON.stringify(TAGS)}.map((t) => 'xecm-' + t).filter((t) => globalThis.customElements?.get(t));` +
            `console.log(JSON.stringify(tags));`,
        );
        defined.set(subpath, JSON.parse(out) as string[]);
      }),
    );
  });

  it('imports every entry in Node without a DOM; the all-in-one entry registers every tag', () => {
    assert.deepEqual(
      defined.get('.'),
      TAGS.map((t) => `xecm-${t}`),
    );
    for (const tag of TAGS)
      assert.ok(defined.get(`./${tag}`)?.includes(`xecm-${tag}`), `./${tag} registers <xecm-${tag}>`);
    for (const subpath of ['./elements', './client', './contract', './react'])
      assert.deepEqual(defined.get(subpath), []);
  });

  it('sideEffects names exactly the entries that register tags', () => {
    const globs = pkgJson.sideEffects.map(
      (glob) =>
        new RegExp(
          `^${posix
            .normalize(glob)
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')}$`,
        ),
    );
    const registers = new Set(
      subpaths.filter((s) => defined.get(s)!.length > 0).map((s) => posix.normalize(targets(s).default)),
    );
    const wrong = packed
      .filter((f) => f.endsWith('.js'))
      .filter((f) => globs.some((g) => g.test(f)) !== registers.has(f));
    assert.deepEqual(
      wrong,
      [],
      'marked as side-effectful without registering, or registering without the mark',
    );
  });

  it('registers under a host prefix with registerAll() and define()', async () => {
    const out = await node(
      `const { registerAll, define, XecmApprovalBadge } = await import('xecm-elements/elements');` +
        `registerAll('acme'); define('my-badge', class extends XecmApprovalBadge {});` +
        `console.log(JSON.stringify(['acme-provider', 'acme-document-list', 'my-badge', 'xecm-provider'].map((t) => !!customElements.get(t))));`,
    );
    assert.deepEqual(JSON.parse(out), [true, true, true, false]);
  });

  const bundle = async (source: string) => {
    const result = await build({
      stdin: { contents: source, resolveDir: join(work, 'consumer'), loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      // Not the repository's tsconfig.json, whose `paths` point `xecm-elements` at src/.
      tsconfigRaw: {},
    });
    return result.outputFiles[0]!.text;
  };

  it("a bundler keeps README's one-line import (all tags) and a single element's import (that tag)", async () => {
    const all = await bundle(`import 'xecm-elements';`);
    for (const tag of TAGS)
      assert.ok(all.includes(`"xecm-${tag}"`), `import 'xecm-elements' registers <xecm-${tag}>`);
    const badge = await bundle(`import 'xecm-elements/approval-badge';`);
    assert.ok(badge.includes('"xecm-approval-badge"'));
    assert.ok(!badge.includes('"xecm-document-list"'), 'one element does not bring the others');
  });

  it('a bundler drops unused element classes (side-effect-free entries shake off)', async () => {
    // Element code, and only element code, carries these: Lit's shadow root and the --xecm-* styles.
    const elementCode = (code: string) =>
      ['attachShadow', '--xecm-'].filter((marker) => code.includes(marker));
    const used = await bundle(
      `import { XecmWorkspaceCard } from 'xecm-elements/elements'; console.log(XecmWorkspaceCard);`,
    );
    assert.deepEqual(elementCode(used), ['attachShadow', '--xecm-']);
    const unused = await bundle(
      `import { BffClient } from 'xecm-elements/client'; import { XecmWorkspaceCard, registerAll } from 'xecm-elements/elements';` +
        `import { WorkspaceSummary } from 'xecm-elements/contract'; console.log(BffClient);`,
    );
    assert.deepEqual(elementCode(unused), []);
  });
});

describe('package: declarations as a consumer type-checks them', () => {
  for (const moduleResolution of ['bundler', 'node16'] as const) {
    it(`type-checks imports, the tag-name map and React 19 JSX props with moduleResolution ${moduleResolution}`, () => {
      const dir = join(work, 'consumer', moduleResolution);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'consumer.ts'), CONSUMER_TS);
      writeFileSync(join(dir, 'consumer.tsx'), CONSUMER_TSX);
      const program = ts.createProgram([join(dir, 'consumer.ts'), join(dir, 'consumer.tsx')], {
        target: ts.ScriptTarget.ES2022,
        module: moduleResolution === 'bundler' ? ts.ModuleKind.ESNext : ts.ModuleKind.Node16,
        moduleResolution:
          moduleResolution === 'bundler' ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.Node16,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        jsx: ts.JsxEmit.ReactJSX,
        strict: true,
        noEmit: true,
        types: [],
      });
      // The consumer's files and the shipped declarations, not the other packages' (checking those
      // too would triple the time and is their maintainers' business).
      const ours = program
        .getSourceFiles()
        .filter((f) => !f.fileName.includes('/node_modules/') || f.fileName.startsWith(installed));
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...ours.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
      ];
      const problems = diagnostics.map((d) => {
        const where = d.file
          ? `${relative(work, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
          : '';
        return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
      });
      assert.deepEqual(problems, []);
      const resolved = program
        .getSourceFiles()
        .map((f) => f.fileName)
        .filter((f) => f.startsWith(installed));
      assert.ok(
        resolved.some((f) => f.endsWith('dist/types/react.d.ts')),
        'the types came from the installed package',
      );
    });
  }
});

interface Manifest {
  schemaVersion: string;
  modules: {
    path: string;
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
    declarations?: {
      name: string;
      tagName?: string;
      summary?: string;
      attributes?: { name: string; fieldName?: string; description?: string }[];
      members?: { kind: string; name: string; privacy?: string; static?: boolean; description?: string }[];
      events?: { name: string; type?: { text: string }; description?: string }[];
      cssParts?: { name: string; description?: string }[];
      cssProperties?: { name: string; description?: string }[];
      slots?: { name: string }[];
    }[];
  }[];
}

describe('package: custom-elements.json', () => {
  let manifest: Manifest;
  let declarations: NonNullable<Manifest['modules'][number]['declarations']>;
  /** What Lit itself knows of each class: reactive properties with their attribute names. */
  let lit: Record<string, { property: string; attribute: string | null }[]>;
  let eventNames: Record<string, string | null>;
  before(async () => {
    manifest = JSON.parse(readFileSync(join(installed, pkgJson.customElements), 'utf8')) as Manifest;
    assert.match(manifest.schemaVersion, /^\d+\.\d+\.\d+$/);
    declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    const out = await node(
      `const pkg = await import('xecm-elements'); const lit = {}; const events = {};` +
        `for (const [name, value] of Object.entries(pkg)) {` +
        `  if (typeof value !== 'function') continue;` +
        `  if (value.elementProperties) lit[name] = [...value.elementProperties].filter(([, o]) => !o.state)` +
        `    .map(([p, o]) => ({ property: p, attribute: o.attribute === false ? null : typeof o.attribute === 'string' ? o.attribute : p.toLowerCase() }));` +
        `  if (value.prototype instanceof Event) events[name] = value.eventName ?? null;` +
        `}` +
        `console.log(JSON.stringify({ lit, events }));`,
    );
    const parsed = JSON.parse(out) as { lit: typeof lit; events: typeof eventNames };
    lit = parsed.lit;
    eventNames = parsed.events;
  });

  it('declares each tag once, with a summary', () => {
    assert.deepEqual(declarations.map((d) => d.tagName).sort(), TAGS.map((t) => `xecm-${t}`).sort());
    for (const d of declarations) assert.ok(d.summary, `${d.tagName} has a summary`);
  });

  it('names the module that defines each tag and the class it defines', () => {
    const definitions = manifest.modules.flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'),
    );
    assert.deepEqual(definitions.map((d) => d.name).sort(), TAGS.map((t) => `xecm-${t}`).sort());
    for (const definition of definitions) {
      const module = manifest.modules.find((m) => m.path === definition.declaration.module);
      const declared = module?.declarations?.find((d) => d.name === definition.declaration.name);
      assert.equal(declared?.tagName, definition.name, `${definition.name} points at its class`);
    }
  });

  it('lists exactly the attributes and public properties Lit knows, each described', () => {
    for (const d of declarations) {
      const known = lit[d.name];
      assert.ok(known, `${d.name} is exported by the package`);
      const attributes = known.flatMap((p) => (p.attribute ? [p.attribute] : [])).sort();
      assert.deepEqual((d.attributes ?? []).map((a) => a.name).sort(), attributes, `${d.tagName} attributes`);
      const fields = new Set(
        (d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static).map((m) => m.name),
      );
      assert.deepEqual(
        known.map((p) => p.property).filter((p) => !fields.has(p)),
        [],
        `${d.tagName} properties missing`,
      );
      const undescribed = [
        ...(d.attributes ?? []),
        ...(d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static),
      ]
        .filter((x) => !x.description)
        .map((x) => x.name);
      assert.deepEqual(undescribed, [], `${d.tagName} attributes/properties without a description`);
    }
  });

  it('types each event with the exported Event class that fires under that name', () => {
    for (const d of declarations) {
      for (const event of d.events ?? []) {
        assert.ok(event.type && event.description, `${d.tagName} ${event.name} has a type and a description`);
        assert.equal(
          eventNames[event.type.text],
          event.name,
          `${event.type.text} is exported and named ${event.name}`,
        );
      }
    }
    const fired = new Set(declarations.flatMap((d) => (d.events ?? []).map((e) => e.name)));
    assert.deepEqual(
      Object.values(eventNames).filter((name) => name && !fired.has(name)),
      [],
      'events no element declares',
    );
  });

  it('documents parts, --xecm-* custom properties and the provider slot', () => {
    for (const d of declarations) {
      for (const item of [...(d.cssParts ?? []), ...(d.cssProperties ?? [])]) {
        assert.ok(item.description, `${d.tagName} ${item.name} has a description`);
      }
      assert.deepEqual(
        (d.cssProperties ?? []).filter((p) => !p.name.startsWith('--xecm-')),
        [],
      );
      if (d.tagName !== 'xecm-provider') assert.ok((d.cssParts ?? []).length > 0, `${d.tagName} has parts`);
    }
    const provider = declarations.find((d) => d.tagName === 'xecm-provider')!;
    assert.deepEqual(
      (provider.slots ?? []).map((s) => s.name),
      [''],
    );
  });
});
