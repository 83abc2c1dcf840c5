// Category values on nodes: presentation (N10/N11 shapes) and validated writes.
import { categoryDefinition, type CategoryDefinition } from '../seed/definitions.js';
import { CsError, invalidParameter } from '../http/cs-error.js';
import type { CategoryValue, CategoryValues, NodeRecord } from '../state/types.js';

export function categoryMetadata(def: CategoryDefinition): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    [String(def.id)]: {
      key: String(def.id),
      name: def.name,
      type: -18,
      type_name: 'Category',
      persona: 'category',
    },
  };
  for (const attr of def.attributes) {
    meta[attr.key] = {
      key: attr.key,
      name: attr.name,
      type: -1,
      type_name: 'String',
      persona: '',
      required: false,
      multi_value: false,
      max_length: 248,
      ...(attr.validValues ? { valid_values: attr.validValues, valid_values_name: attr.validValues } : {}),
    };
  }
  return meta;
}

/** All attributes of the category with their current values (absent ones as null). */
export function categoryValues(node: NodeRecord, def: CategoryDefinition): Record<string, CategoryValue> {
  const stored = node.categories.get(def.id) ?? {};
  const out: Record<string, CategoryValue> = { [`${def.id}_1`]: def.name };
  for (const attr of def.attributes) out[attr.key] = stored[attr.key] ?? null;
  return out;
}

export function appliedCategories(node: NodeRecord): CategoryDefinition[] {
  return [...node.categories.keys()]
    .map((id) => categoryDefinition(id))
    .filter((d): d is CategoryDefinition => d !== undefined);
}

function coerce(value: unknown, key: string): CategoryValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value === '' ? null : value;
  }
  throw invalidParameter(key);
}

/** Checks `{ "<cat>_<attr>": value }` against the category definition; returns the normalised values. */
export function validateValues(
  def: CategoryDefinition,
  input: Readonly<Record<string, unknown>>,
): CategoryValues {
  const out: CategoryValues = {};
  for (const [key, raw] of Object.entries(input)) {
    if (!key.startsWith(`${def.id}_`)) continue;
    const attr = def.attributes.find((a) => a.key === key);
    if (!attr) throw new CsError(400, `Attribute '${key}' does not exist in category ${def.id}.`);
    const value = coerce(raw, key);
    if (value !== null && attr.validValues && !attr.validValues.includes(String(value))) {
      throw new CsError(400, `'${String(value)}' is not a valid value for attribute '${attr.name}'.`);
    }
    out[key] = value;
  }
  return out;
}
