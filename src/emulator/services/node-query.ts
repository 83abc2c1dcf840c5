// Filtering and sorting shared by the browse, workspace and search lists.
import { DOCUMENT_TYPE, type EmulatorState } from '../state/emulator-state.js';
import type { NodeRecord } from '../state/types.js';
import { invalidParameter } from '../http/cs-error.js';
import { latestVersion } from './documents.js';

const SORT_KEYS = ['name', 'modify_date', 'create_date', 'size', 'type', 'id'] as const;
type SortKey = (typeof SORT_KEYS)[number];

export interface SortSpec {
  readonly key: SortKey;
  readonly direction: 'asc' | 'desc';
}

/** Parses `sort=name`, `asc_name`, `desc_modify_date`, … (unknown keys are a 400, as a typo should be). */
export function parseSort(
  raw: string | undefined,
  fallback: SortSpec = { key: 'name', direction: 'asc' },
): SortSpec {
  if (!raw) return fallback;
  const match = /^(?:(asc|desc)_)?([a-z_]+)$/.exec(raw.trim().toLowerCase());
  const key = match?.[2] as SortKey | undefined;
  if (!match || !key || !SORT_KEYS.includes(key)) throw invalidParameter('sort', raw);
  return { key, direction: (match[1] as 'asc' | 'desc' | undefined) ?? 'asc' };
}

function sizeOf(node: NodeRecord): number {
  return node.type === DOCUMENT_TYPE ? (latestVersion(node)?.size ?? 0) : node.childIds.length;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function sortNodes(nodes: NodeRecord[], sort: SortSpec): NodeRecord[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: NodeRecord, b: NodeRecord): number => {
    switch (sort.key) {
      case 'name':
        return collator.compare(a.name, b.name);
      case 'modify_date':
        return a.modifyDate - b.modifyDate;
      case 'create_date':
        return a.createDate - b.createDate;
      case 'size':
        return sizeOf(a) - sizeOf(b);
      case 'type':
        return a.type - b.type;
      case 'id':
        return a.id - b.id;
    }
  };
  // Ties fall back to the id so pages never shuffle between requests.
  return nodes.sort((a, b) => sign * (compare(a, b) || a.id - b.id));
}

interface SortedIndex {
  revision: number;
  readonly orders: Map<string, readonly NodeRecord[]>;
}

/** Per container: its children in each requested order, valid while the state's revision holds. */
const sortedIndexes = new WeakMap<NodeRecord, SortedIndex>();

/**
 * All children of `parent` (visible or not) in `sort` order. Browsing the 10,000-document folder sorted
 * them on every call; the order is now kept until a write changes the state. Filtering the cached order
 * (by visibility, type, name) gives exactly what sorting the filtered list gave, since the order is total.
 */
export function sortedChildren(
  state: EmulatorState,
  parent: NodeRecord,
  sort: SortSpec,
): readonly NodeRecord[] {
  let index = sortedIndexes.get(parent);
  if (!index || index.revision !== state.revision) {
    index = { revision: state.revision, orders: new Map() };
    sortedIndexes.set(parent, index);
  }
  const key = `${sort.direction}_${sort.key}`;
  let order = index.orders.get(key);
  if (!order) {
    const children: NodeRecord[] = [];
    for (const id of parent.childIds) {
      const child = state.nodes.get(id);
      if (child) children.push(child);
    }
    order = sortNodes(children, sort);
    index.orders.set(key, order);
  }
  return order;
}

/** `where_type`: -1 containers, -2 everything, -3 non-containers, or a subtype. Several may be given. */
export function typeFilter(values: readonly string[]): (node: NodeRecord) => boolean {
  if (values.length === 0) return () => true;
  const types = values.map((v) => {
    if (!/^-?\d{1,6}$/.test(v)) throw invalidParameter('where_type', v);
    return Number(v);
  });
  return (node) =>
    types.some((t) => {
      if (t === -1) return node.type !== DOCUMENT_TYPE;
      if (t === -2) return true;
      if (t === -3) return node.type === DOCUMENT_TYPE;
      return node.type === t;
    });
}

/** `where_name`: `contains_X`, `startswith_X`, or a plain value (a case-insensitive "contains"). */
export function nameFilter(raw: string | undefined): (node: NodeRecord) => boolean {
  if (!raw) return () => true;
  const starts = raw.startsWith('startswith_');
  const needle = raw.replace(/^(contains_|startswith_)/, '').toLowerCase();
  return (node) => {
    const name = node.name.toLowerCase();
    return starts ? name.startsWith(needle) : name.includes(needle);
  };
}
