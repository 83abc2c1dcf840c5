import type { Translation } from './translation.js';

// Accented look-alikes make unlocalized strings stand out; the brackets and padding show truncation
// and layouts that cannot grow by the ~30-40% real translations need.
const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

function accent(text: string): string {
  return text.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch);
}

/** `Retry` → `[Ŕéţŕý ·····]`. */
export function pseudoString(text: string): string {
  const padding = '·'.repeat(Math.max(1, Math.ceil(text.length * 0.35)));
  return `[${accent(text)} ${padding}]`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pseudo-localizes a message function's output but leaves the interpolated arguments (names, numbers) intact. */
function pseudoFunction(fn: (...args: never[]) => string) {
  return (...args: never[]): string => {
    const out = fn(...args);
    const literals = args.map(String).filter((a) => a.length > 0);
    if (literals.length === 0) return pseudoString(out);
    const parts = out.split(new RegExp(`(${literals.map(escapeRegExp).join('|')})`));
    const body = parts.map((part, i) => (i % 2 === 1 ? part : accent(part))).join('');
    return `[${body} ${'·'.repeat(Math.max(1, Math.ceil(out.length * 0.35)))}]`;
  };
}

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoString(value);
  if (typeof value === 'function') return pseudoFunction(value as (...args: never[]) => string);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudoValue(v)]));
  }
  return value;
}

export function pseudoLocalize(source: Translation): Translation {
  return pseudoValue(source) as Translation;
}
