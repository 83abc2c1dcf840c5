// custom-elements.json from the JSDoc of the element classes (@tag, @summary, @slot, @csspart,
// @cssprop, @fires) — read by Storybook's docs pages and editors, and shipped in the package.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** The registration modules (`src/elements/<name>/<name>.ts`): each defines one tag. */
const REGISTRATIONS = readdirSync('src/elements')
  .filter((name) => existsSync(`src/elements/${name}/${name}.ts`))
  .map((name) => `src/elements/${name}/${name}.ts`);

/** Event name → its Event subclass, read from src/elements/events (one class per file). */
function eventClasses() {
  const classes = new Map();
  for (const file of readdirSync('src/elements/events')) {
    const source = readFileSync(`src/elements/events/${file}`, 'utf8');
    const name = /export class (\w+) extends Event\b/.exec(source)?.[1];
    const event = /static readonly eventName = '([\w-]+)'/.exec(source)?.[1];
    if (name && event) classes.set(event, name);
  }
  return classes;
}

/**
 * `@fires name - text` gives no type: tools that generate framework typings from the manifest need the
 * Event subclass (with its typed `detail`), so each event gets its class from src/elements/events.
 */
function eventTypes() {
  return {
    name: 'xecm-event-types',
    packageLinkPhase({ customElementsManifest }) {
      const classes = eventClasses();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const type = classes.get(event.name);
            if (!event.type && type) event.type = { text: type };
          }
        }
      }
    },
  };
}

/**
 * `define('xecm-x', XecmX)` (our double-registration-tolerant wrapper) instead of `customElements.define`:
 * the analyzer does not see it, so tools that look for a tag's `custom-element-definition` export (which
 * module registers it) would find none.
 */
function defineCalls() {
  return {
    name: 'xecm-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        !ts.isCallExpression(node) ||
        !ts.isIdentifier(node.expression) ||
        node.expression.text !== 'define'
      )
        return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !ctor || !ts.isIdentifier(ctor)) return;
      const source = node.getSourceFile();
      const from = source.statements
        .filter(ts.isImportDeclaration)
        .find((i) => i.importClause?.namedBindings?.elements?.some((e) => e.name.text === ctor.text));
      const module = from
        ? `${moduleDoc.path.replace(/[^/]+$/, '')}${from.moduleSpecifier.text.replace(/^\.\//, '').replace(/\.js$/, '.ts')}`
        : moduleDoc.path;
      (moduleDoc.exports ??= []).push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: ctor.text, module },
      });
    },
    // The registration module re-exports the class it imported; point that export at the class too.
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const definition of mod.exports?.filter((e) => e.kind === 'custom-element-definition') ?? []) {
          const reexport = mod.exports.find((e) => e.kind === 'js' && e.name === definition.declaration.name);
          if (reexport && !mod.declarations?.some((d) => d.name === reexport.name)) {
            reexport.declaration = { ...definition.declaration };
          }
        }
      }
    },
  };
}

/**
 * Private members (`private` and `#fields`: task plumbing, timers, handlers) are not part of the API a
 * consumer or an editor should see; protected ones stay for subclasses.
 */
function publicMembersOnly() {
  return {
    name: 'xecm-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (m) => m.privacy !== 'private' && !m.name.startsWith('#'),
          );
        }
      }
    },
  };
}

/**
 * What the analyzer cannot infer from `@property({ type: Number }) pageSize = SOME_CONSTANT`: the type
 * (it infers only from literal initializers; Lit's `type: Number` says what the attribute converts to) and
 * the default (it shows the constant's name; a JSDoc `@default 50` on the field gives the value).
 */
function litFieldFacts() {
  return {
    name: 'xecm-lit-field-facts',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!declaration) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        const name = member.name.text;
        const docs = [
          declaration.members?.find((m) => m.name === name),
          declaration.attributes?.find((a) => a.fieldName === name),
        ].filter(Boolean);
        const numeric = (ts.getDecorators?.(member) ?? []).some((d) =>
          /\btype:\s*Number\b/.test(d.getText()),
        );
        const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === 'default');
        const value = typeof tag?.comment === 'string' ? tag.comment.trim() : '';
        for (const doc of docs) {
          if (numeric && !doc.type) doc.type = { text: 'number' };
          if (value) doc.default = value;
        }
      }
    },
  };
}

export default {
  // The base classes too, so the inherited `client`, `lang` and `dir` are listed on every element.
  globs: [
    'src/elements/*/*.component.ts',
    'src/elements/base/xecm-element.ts',
    'src/elements/base/xecm-data-element.ts',
    ...REGISTRATIONS,
  ],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
  // package.json names the manifest itself; left on, `--outdir` (the package test builds elsewhere)
  // would rewrite package.json's `customElements`.
  packagejson: false,
  plugins: [eventTypes(), litFieldFacts(), publicMembersOnly(), defineCalls()],
};
