// Shrinks the static text of Lit's css`…`, html`…` and svg`…` templates at build time: comments and
// indentation in CSS, indentation in markup. Used by `npm run build` (vite.config.ts) and by
// `npm run bench:size` (bench/size.ts), so the measured bytes are the shipped bytes.
//
// Only whitespace that cannot change the result goes:
// - CSS: comments; whitespace runs collapse; around `{ } ; , :`-after it is dropped; `;` before `}`.
//   Quoted strings are kept verbatim, and whitespace next to a `${…}` expression is kept (collapsed).
// - Markup: every whitespace run collapses to one space. HTML renders any run of spaces, tabs and
//   newlines like a single space, so text and inline layout stay identical; <pre> and <textarea>
//   content is left alone.
// Newlines are kept (one per original newline) so line numbers, and with them the source maps, hold.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import type { Plugin as EsbuildPlugin } from 'esbuild';

const CSS_TAGS = new Set(['css']);
const MARKUP_TAGS = new Set(['html', 'svg']);

/** Minifies the Lit templates of one TypeScript/JavaScript module; returns the input when there are none. */
export function minifyLitTemplates(code: string, fileName = 'module.ts'): string {
  if (!/\b(css|html|svg)`/.test(code)) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (CSS_TAGS.has(tag) || MARKUP_TAGS.has(tag)) edits.push(...templateEdits(node.template, source, tag));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return code;
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** HTML and CSS whitespace (not \s: a no-break space is text, not layout). */
const WS = /[ \t\n\r\f]/;

function scriptKind(fileName: string): ts.ScriptKind {
  return fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** One edit per literal part of the template (the text between backtick/`${`/`}` delimiters). */
function templateEdits(template: ts.TemplateLiteral, source: ts.SourceFile, tag: string) {
  const parts: { start: number; end: number }[] = [];
  if (ts.isNoSubstitutionTemplateLiteral(template)) {
    parts.push({ start: template.getStart(source) + 1, end: template.getEnd() - 1 });
  } else {
    parts.push({ start: template.head.getStart(source) + 1, end: template.head.getEnd() - 2 });
    for (const span of template.templateSpans) {
      const lit = span.literal;
      const closing = ts.isTemplateTail(lit) ? 1 : 2;
      parts.push({ start: lit.getStart(source) + 1, end: lit.getEnd() - closing });
    }
  }
  const text = source.text;
  const raws = parts.map((p) => text.slice(p.start, p.end));
  const minified = CSS_TAGS.has(tag) ? minifyCssParts(raws) : minifyMarkupParts(raws);
  return parts.map((p, i) => ({ ...p, text: minified[i]! }));
}

/** Whitespace as `\n` per original newline, or one space when it had none. */
function collapse(ws: string): string {
  const newlines = ws.split('\n').length - 1;
  return newlines > 0 ? '\n'.repeat(newlines) : ' ';
}

/** Only the newlines of a whitespace run (for whitespace that can go entirely). */
function drop(ws: string): string {
  return '\n'.repeat(ws.split('\n').length - 1);
}

function minifyCssParts(parts: string[]): string[] {
  return parts.map((part, index) => {
    const first = index === 0;
    const last = index === parts.length - 1;
    let out = '';
    let i = 0;
    while (i < part.length) {
      const ch = part[i]!;
      if (ch === '"' || ch === "'") {
        const end = stringEnd(part, i);
        out += part.slice(i, end);
        i = end;
      } else if (ch === '/' && part[i + 1] === '*') {
        const end = part.indexOf('*/', i + 2);
        const stop = end === -1 ? part.length : end + 2;
        out += drop(part.slice(i, stop)) || '';
        // A comment between two tokens still separates them.
        if (/[^ \t\n\r\f]$/.test(out) && /^[^ \t\n\r\f]/.test(part.slice(stop))) out += ' ';
        i = stop;
      } else if (WS.test(ch)) {
        let end = i;
        while (end < part.length && WS.test(part[end]!)) end++;
        const ws = part.slice(i, end);
        const prev = out.replace(/\n+$/, '').slice(-1);
        const next = part[end];
        const atTemplateEdge = (first && prev === '') || (last && next === undefined);
        // Next to an expression the whitespace may separate two values: keep it (collapsed).
        const atExpression = (!first && prev === '') || (!last && next === undefined);
        if (atTemplateEdge) out += drop(ws);
        else if (atExpression) out += collapse(ws);
        else if ('{};,:'.includes(prev) || '{};,'.includes(next!)) out += drop(ws);
        else out += collapse(ws);
        i = end;
      } else if (ch === ';' && nextNonSpace(part, i + 1) === '}') {
        i++; // the last declaration of a block needs no semicolon
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  });
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
  return Math.min(text.length, i + 1);
}

function nextNonSpace(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) if (!WS.test(text[i]!)) return text[i];
  return undefined;
}

const PRESERVE = /<(pre|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const OPEN_PRESERVE = /<(pre|textarea)\b/i;

function minifyMarkupParts(parts: string[]): string[] {
  // Content of <pre>/<textarea> keeps its whitespace; if one spans an expression, leave the template as is.
  const unclosed = parts.some((p) => OPEN_PRESERVE.test(p.replace(PRESERVE, '')));
  if (unclosed) return parts;
  return parts.map((part) => {
    let out = '';
    let last = 0;
    for (const match of part.matchAll(PRESERVE)) {
      out += collapseMarkup(part.slice(last, match.index));
      out += match[0];
      last = match.index + match[0].length;
    }
    return out + collapseMarkup(part.slice(last));
  });
}

function collapseMarkup(text: string): string {
  return text.replace(/[ \t\n\r\f]{2,}|[\t\r\f]/g, collapse);
}

/** Vite/Rolldown plugin for the library build: minifies the templates of our own sources. */
export function litTemplateMinifier(include: RegExp = /\/src\/.*\.ts$/) {
  return {
    name: 'xecm:minify-lit-templates',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!include.test(id)) return null;
      const out = minifyLitTemplates(code, id);
      if (out === code) return null;
      // Line structure is unchanged, so a line-level identity map keeps the source maps right.
      return { code: out, map: identityLineMap(out, id) };
    },
  };
}

/** esbuild plugin doing the same for the size benchmark. */
export function esbuildLitTemplateMinifier(include: RegExp = /\/src\/.*\.ts$/): EsbuildPlugin {
  return {
    name: 'xecm:minify-lit-templates',
    setup(build) {
      build.onLoad({ filter: include }, async (args) => ({
        contents: minifyLitTemplates(await readFile(args.path, 'utf8'), args.path),
        loader: 'ts',
      }));
    },
  };
}

function identityLineMap(code: string, id: string) {
  const lines = code.split('\n').length;
  return {
    version: 3,
    sources: [id],
    names: [],
    // Each generated line starts at column 0 of the same source line.
    mappings: 'AAAA' + ';AACA'.repeat(lines - 1),
  };
}
