// Business workspace shapes (notes W1–W3, W6, B1).
import {
  boTypeDefinition,
  categoryDefinition,
  EXTERNAL_SYSTEMS,
  workspaceTypeDefinition,
} from '../seed/definitions.js';
import type { EmulatorState } from '../state/emulator-state.js';
import type { BoRef, NodeRecord, User } from '../state/types.js';
import { appliedCategories, categoryMetadata, categoryValues } from '../services/categories.js';
import { nodeProperties } from './node-properties.js';

export function displayUrl(ref: BoRef): string {
  return `https://lob.example.com/${encodeURIComponent(ref.system)}/${encodeURIComponent(ref.boType)}/${encodeURIComponent(ref.boId)}`;
}

function reference(ref: BoRef, typeId: number): Record<string, unknown> {
  const bo = boTypeDefinition(ref.system, ref.boType);
  return {
    business_object_id: ref.boId,
    business_object_type: ref.boType,
    business_object_type_id: bo?.id ?? null,
    external_system_id: ref.system,
    has_default_display: true,
    has_default_search: true,
    workspace_type_id: typeId,
  };
}

export function businessProperties(ws: NodeRecord): Record<string, unknown> | null {
  const info = ws.workspace;
  const ref = info?.refs[0];
  if (!info) return null;
  const type = workspaceTypeDefinition(info.typeId);
  if (!ref) {
    return { workspace_type_id: info.typeId, workspace_type_name: type?.name ?? '', isEarly: false };
  }
  const bo = boTypeDefinition(ref.system, ref.boType);
  return {
    ...reference(ref, info.typeId),
    business_object_type_name: bo?.name ?? ref.boType,
    display_url: displayUrl(ref),
    external_system_name: EXTERNAL_SYSTEMS[ref.system] ?? ref.system,
    isEarly: false,
    workspace_type_name: type?.name ?? '',
  };
}

export const WORKSPACE_FIELDS = [
  'properties',
  'business_properties',
  'categories',
  'workspace_references',
  'display_urls',
  'wksp_info',
] as const;
export type WorkspaceField = (typeof WORKSPACE_FIELDS)[number];

/** Parses `fields=properties{id,name}` etc. into field names and optional property subsets. */
export function parseFields(values: readonly string[]): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  for (const raw of values.flatMap((v) => v.split(/,(?![^{]*\})/))) {
    const match = /^\s*([a-z_]+)(?:\{([^}]*)\})?\s*$/.exec(raw);
    if (!match?.[1]) continue;
    out.set(
      match[1],
      match[2]
        ? match[2]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    );
  }
  return out;
}

export function pick(
  props: Record<string, unknown>,
  keys: readonly string[] | undefined,
): Record<string, unknown> {
  if (!keys) return props;
  return Object.fromEntries(keys.filter((k) => k in props).map((k) => [k, props[k]]));
}

export function workspaceData(
  state: EmulatorState,
  user: User,
  ws: NodeRecord,
  fields: Map<string, string[] | undefined>,
  withMetadata: boolean,
): Record<string, unknown> {
  const all = fields.size === 0;
  const want = (f: WorkspaceField) => all || fields.has(f);
  const data: Record<string, unknown> = {};
  const info = ws.workspace;
  const type = info ? workspaceTypeDefinition(info.typeId) : undefined;
  if (want('properties'))
    data['properties'] = pick(nodeProperties(state, user, ws), fields.get('properties'));
  if (want('business_properties')) data['business_properties'] = businessProperties(ws);
  if (want('workspace_references')) {
    data['workspace_references'] = (info?.refs ?? []).map((r) => reference(r, info?.typeId ?? 0));
  }
  if (want('display_urls')) {
    data['display_urls'] = (info?.refs ?? []).map((r) => {
      const bo = boTypeDefinition(r.system, r.boType);
      return {
        business_object_type: r.boType,
        business_object_type_id: bo?.id ?? null,
        business_object_type_name: bo?.name ?? r.boType,
        displayUrl: displayUrl(r),
        external_system_id: r.system,
        external_system_name: EXTERNAL_SYSTEMS[r.system] ?? r.system,
      };
    });
  }
  if (want('categories')) data['categories'] = appliedCategories(ws).map((def) => categoryValues(ws, def));
  if (want('wksp_info'))
    data['wksp_info'] = { wksp_type_icon: `/img/wksp/${type?.name.toLowerCase() ?? 'default'}.svg` };
  const result: Record<string, unknown> = { data };
  if (withMetadata && want('categories')) {
    result['metadata'] = {
      categories: Object.assign({}, ...appliedCategories(ws).map((def) => categoryMetadata(def))),
    };
  }
  return result;
}

/** A workspace type (W6); its templates only with `expand_templates=true`, as in Content Server. */
export function workspaceTypeJson(typeId: number, withTemplates = true): Record<string, unknown> | undefined {
  const type = workspaceTypeDefinition(typeId);
  if (!type) return undefined;
  return {
    data: {
      properties: {
        wksp_type_id: type.id,
        wksp_type_name: type.name,
        wksp_type_names: { en: type.name },
        ...(withTemplates
          ? { templates: [{ id: type.templateId, name: type.templateName, subtype: 848 }] }
          : {}),
        wksp_creation: { location: type.locationId, location_value: `${type.name}s` },
        business_category_id: type.categoryId,
        business_category_name: categoryDefinition(type.categoryId)?.name ?? '',
        rm_enabled: false,
      },
      wksp_info: { in_use: true, wksp_type_icon: `/img/wksp/${type.name.toLowerCase()}.svg` },
    },
  };
}
