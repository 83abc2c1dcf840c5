// The one place where raw Content Server shapes become contract objects.
import type {
  Approval,
  ApprovalState,
  BusinessObject,
  DocumentItem,
  MetadataField,
  WorkspaceSummary,
} from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import type { RawCategories, RawNodeData, RawNodeProperties, RawWorkspace } from './raw.js';

export interface MapContext {
  config: BffConfig;
}

/**
 * A CS date as ISO 8601 UTC, or undefined when missing or unreadable. CS dates may lack an offset (server
 * local time, UTC in the emulator and in most cloud setups): those are read as UTC.
 */
export function csDateIso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** csDateIso, with the epoch for a missing or unreadable date (a field the contract requires). */
export function isoDate(value: string | null | undefined): string {
  return csDateIso(value) ?? new Date(0).toISOString();
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((v): v is string => v !== undefined && v !== '');
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Flattens `data.categories` of a node (an object, or one object per category). */
export function flatCategories(raw: RawNodeData['categories']): Record<string, unknown> {
  if (!raw) return {};
  return Array.isArray(raw) ? Object.assign({}, ...raw) : raw;
}

export function approvalFrom(values: Record<string, unknown>, config: BffConfig): Approval {
  return { state: approvalState(text(values[config.approval.attributeKey]), config.approval.values) };
}

/** An approval attribute value read through the configured mapping; unmapped values are `none`. */
export function approvalState(
  value: string | null | undefined,
  mapping: Record<string, ApprovalState>,
): ApprovalState {
  // Own keys only: a value such as "constructor" must not find Object.prototype's.
  return value && Object.hasOwn(mapping, value) ? mapping[value]! : 'none';
}

/** Values of every category of a node, keyed `<cat>_<attr>`. */
export function categoryValues(raw: RawCategories): Record<string, unknown> {
  return Object.assign({}, ...raw.results.map((r) => r.data.categories));
}

const ATTRIBUTE_KEY = /^\d+_\d+$/;

/**
 * Metadata of a workspace: the attributes of its business categories (every category but the
 * approval one), one result per category in the server's order, attributes in the category's metadata
 * order. `metadata_order.categories` names the category id (notes N10); should a server list attribute
 * keys there, that order is used.
 */
export function metadataFrom(raw: RawCategories, config: BffConfig): MetadataField[] {
  const fields: MetadataField[] = [];
  for (const result of raw.results) {
    const values = result.data.categories;
    const meta = result.metadata?.categories ?? {};
    const listed = (result.metadata_order?.categories ?? []).map(String).filter((k) => ATTRIBUTE_KEY.test(k));
    const keys =
      listed.length > 0 ? listed : Object.keys(meta).length > 0 ? Object.keys(meta) : Object.keys(values);
    // Attribute 1 of a category is the category's own name in CS, not a field.
    const ordered = keys.filter((key) => ATTRIBUTE_KEY.test(key) && !/^\d+_1$/.test(key));
    for (const key of ordered) {
      if (key.startsWith(`${config.approval.categoryId}_`)) continue;
      const value = text(values[key]);
      if (value === undefined || value === '') continue;
      fields.push({ key, label: meta[key]?.name ?? key, value });
    }
  }
  return fields;
}

export function deepLink(config: BffConfig, id: number | string): string {
  return config.xecm.deepLinkTemplate.replaceAll('{id}', encodeURIComponent(String(id)));
}

export function documentUrls(config: BffConfig, id: string): Pick<DocumentItem, 'openUrl' | 'downloadUrl'> {
  const base = `${config.publicBaseUrl}/v1/documents/${id}/content`;
  return { openUrl: base, downloadUrl: `${base}?download=1` };
}

function userName(props: RawNodeProperties): string {
  return props.modify_user_id_expand?.name ?? text(props.modify_user_id) ?? '';
}

function latestVersion(data: RawNodeData): { number?: number; mimeType?: string; size?: number } {
  const raw = data.versions;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const latest = list.reduce<(typeof list)[number] | undefined>(
    (best, v) => ((v.version_number ?? 0) >= (best?.version_number ?? 0) ? v : best),
    undefined,
  );
  return {
    number: latest?.version_number ?? undefined,
    mimeType: latest?.mime_type ?? undefined,
    size: latest?.file_size ?? undefined,
  };
}

/** A document node (+ its category values when known) → DocumentItem. */
export function toDocumentItem(
  data: RawNodeData,
  categories: Record<string, unknown> | undefined,
  config: BffConfig,
): DocumentItem {
  const props = data.properties;
  const version = latestVersion(data);
  const id = String(props.id);
  return {
    id,
    name: props.name,
    mimeType: props.mime_type ?? version.mimeType ?? 'application/octet-stream',
    size: Math.max(0, Math.trunc(props.size ?? version.size ?? 0)),
    version: Math.max(1, version.number ?? props.version_number ?? props.versions_count ?? 1),
    modifiedAt: isoDate(props.modify_date),
    modifiedBy: userName(props),
    approval: approvalFrom(categories ?? flatCategories(data.categories), config),
    ...documentUrls(config, id),
  };
}

export function businessObjectOf(raw: RawWorkspace): BusinessObject | undefined {
  const data = raw.results.data;
  const ref = data.workspace_references?.[0];
  if (ref)
    return { system: ref.external_system_id, type: ref.business_object_type, id: ref.business_object_id };
  const bp = data.business_properties;
  if (bp?.external_system_id && bp.business_object_type && bp.business_object_id) {
    return { system: bp.external_system_id, type: bp.business_object_type, id: bp.business_object_id };
  }
  return undefined;
}

export function toWorkspaceSummary(
  raw: RawWorkspace,
  categories: RawCategories,
  documentCount: number,
  config: BffConfig,
): WorkspaceSummary {
  const props = raw.results.data.properties;
  return {
    id: String(props.id),
    name: props.name,
    type: props.wksp_type_name ?? raw.results.data.business_properties?.workspace_type_name ?? '',
    url: deepLink(config, props.id),
    businessObject: businessObjectOf(raw) ?? { system: 'unknown', type: 'unknown', id: String(props.id) },
    metadata: metadataFrom(categories, config),
    documentCount,
    approval: approvalFrom(categoryValues(categories), config),
    updatedAt: isoDate(props.modify_date),
  };
}
