// Master-data pull: what xECM's connectors do when a workspace is created or refreshed. Fetches the
// business object's properties from the configured gateway and writes the mapped ones into the
// workspace's business category. Failures are recorded on the workspace, never thrown.
import * as z from 'zod';
import { categoryDefinition, workspaceTypeDefinition } from '../seed/definitions.js';
import type { Runtime } from '../runtime.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import type { BoRef, CategoryValues, MasterDataStatus, NodeRecord } from '../state/types.js';

const Properties = z.record(z.string(), z.unknown());

export interface MasterDataResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly properties?: Record<string, unknown>;
}

export async function fetchMasterData(rt: Runtime, ref: BoRef): Promise<MasterDataResult> {
  const base = rt.options.masterDataUrl;
  if (!base) return { ok: false, error: 'no master-data URL configured' };
  const url = `${base}/${[ref.system, ref.boType, ref.boId].map(encodeURIComponent).join('/')}`;
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(5000),
      headers: {
        accept: 'application/json',
        ...(rt.options.masterDataToken ? { authorization: `Bearer ${rt.options.masterDataToken}` } : {}),
      },
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, error: `master-data gateway answered HTTP ${response.status}` };
    }
    const parsed = Properties.safeParse(await response.json());
    if (!parsed.success)
      return { ok: false, error: 'master-data gateway answered with something other than an object' };
    // Accept a bare property object or one wrapped in `properties` / `data`.
    const inner = parsed.data['properties'] ?? parsed.data['data'];
    const props = Properties.safeParse(inner);
    return { ok: true, properties: props.success ? props.data : parsed.data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Maps BO properties onto the workspace type's business category attributes (by attribute name). */
export function mapProperties(
  rt: Runtime,
  typeId: number,
  props: Record<string, unknown>,
): { categoryId: number; values: CategoryValues } | undefined {
  const type = workspaceTypeDefinition(typeId);
  const category = type && categoryDefinition(type.categoryId);
  if (!type || !category) return undefined;
  const values: CategoryValues = {};
  for (const [prop, attrName] of Object.entries(rt.options.masterDataMapping)) {
    const value = props[prop];
    const attr = category.attributes.find((a) => a.name === attrName);
    if (!attr || value === undefined || value === null) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      values[attr.key] = value;
  }
  return { categoryId: category.id, values };
}

/** Pulls master data for a workspace's first business object and writes it. Never throws. */
export async function refreshWorkspace(
  rt: Runtime,
  ws: NodeRecord,
  userId: number,
): Promise<MasterDataStatus> {
  const info = ws.workspace;
  const ref = info?.refs[0];
  if (!info || !ref) {
    const status = { at: rt.clock.now(), ok: false, error: 'workspace has no business object' };
    if (info) info.masterData = status;
    return status;
  }
  const result = await fetchMasterData(rt, ref);
  const now = rt.clock.now();
  if (!result.ok || !result.properties) {
    info.masterData = { at: now, ok: false, error: result.error ?? 'unknown error' };
    return info.masterData;
  }
  const mapped = mapProperties(rt, info.typeId, result.properties);
  const applied: Record<string, string> = {};
  if (mapped) {
    const current = ws.categories.get(mapped.categoryId) ?? {};
    const changed = Object.entries(mapped.values).filter(([key, value]) => current[key] !== value);
    for (const [key, value] of Object.entries(mapped.values)) applied[key] = String(value);
    if (changed.length > 0) {
      ws.categories.set(mapped.categoryId, { ...current, ...mapped.values });
      rt.state.touch(ws, now, userId);
      rt.state.addAudit(ws.id, AUDIT_EVENTS.masterData.id, userId, now, changed.map(([k]) => k).join(','));
    }
  }
  info.masterData = { at: now, ok: true, applied };
  return info.masterData;
}
