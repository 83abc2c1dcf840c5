// Hostile inputs for the boundary fuzz, and ways to put them into an otherwise valid JSON body.

/** Raw path segments (already percent-encoded as an attacker would put them in the URL). */
export const HOSTILE_SEGMENTS = [
  '..%2F1',
  '1%2F..%2F2',
  '-1',
  '1e3',
  '0x10',
  '%201',
  '1%00',
  '99999999999999999999999',
  '%E2%80%AE01001',
  '%D9%A1%D9%A2',
  '%FF',
  '%',
  'A'.repeat(4000),
  '%252e%252e%252f',
  'constructor',
  '__proto__',
];

/** Query and body strings: over-long, bidi override, traversal, numbers in disguise, markup, NUL, colon. */
export const HOSTILE_STRINGS = [
  '',
  '../1',
  '-1',
  '1e3',
  '99999999999999999999999',
  'x'.repeat(5000),
  '\u202Egnp.exe\u202C',
  '\u0000',
  '<script>😀</script>',
  'Q1: plan',
];

/** JSON leaves of the wrong kind. */
export const HOSTILE_LEAVES: unknown[] = [...HOSTILE_STRINGS, null, 1e308, true, [], {}];

/** Whole bodies that are not what any route takes. */
export const HOSTILE_BODIES = [
  '',
  '{',
  '{"a":',
  '[]',
  '42',
  'null',
  '"x"',
  'true',
  '\uFEFF{}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
];

/** Every leaf of a JSON value with its path, for replacing one at a time. */
export function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

/** Paths of every object in a JSON value (the root too), where an extra key can go. */
export function objects(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...(Array.isArray(value) ? [] : [path]), ...entries.flatMap(([k, v]) => objects(v, [...path, k]))];
}

/** Keys that name Object.prototype members, and other keys no schema expects. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(1000)];

/** `value` with an own, enumerable `key` added at `path` (even `__proto__`, as JSON.parse would make it). */
export function withKey(value: unknown, path: (string | number)[], key: string, extra: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path) node = node[k] as Record<string | number, unknown>;
  Object.defineProperty(node, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** `value` with the leaf at `path` replaced. */
export function replaced(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = leaf;
  return copy;
}
