// Creating business workspaces (notes W4), with the master-data pull xECM's connectors do.
import { Hono } from 'hono';
import { boTypeDefinition, categoryDefinition, WORKSPACE_TYPE_DEFINITIONS } from '../seed/definitions.js';
import { CsError, insufficientPermissions, invalidParameter, nodeNotFound } from '../http/cs-error.js';
import { optionalString, parseId, readParams, type RequestParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { WORKSPACE_TYPE } from '../state/emulator-state.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import type { BoRef, CategoryValues } from '../state/types.js';
import { validateValues } from '../services/categories.js';
import { fetchMasterData, mapProperties } from '../services/master-data.js';
import { createWorkspace, findWorkspaceByRef } from '../services/workspace-factory.js';

function categoriesFromRoles(params: RequestParams): Map<number, CategoryValues> {
  const out = new Map<number, CategoryValues>();
  const roles = params.values['roles'];
  if (roles === undefined) return out;
  const categories =
    typeof roles === 'object' && roles !== null
      ? (roles as Record<string, unknown>)['categories']
      : undefined;
  if (categories === undefined) return out;
  if (typeof categories !== 'object' || categories === null) throw invalidParameter('roles.categories');
  for (const [catKey, values] of Object.entries(categories)) {
    const def = /^\d+$/.test(catKey) ? categoryDefinition(Number(catKey)) : undefined;
    if (!def) throw new CsError(400, `Category ${catKey} does not exist.`);
    if (typeof values !== 'object' || values === null) throw invalidParameter(`roles.categories.${catKey}`);
    out.set(def.id, validateValues(def, values as Record<string, unknown>));
  }
  return out;
}

export function workspaceCreateRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post('/api/v2/businessworkspaces', async (c) => {
    const user = c.get('user');
    const params = await readParams(c);
    const templateId = optionalString(params, 'template_id');
    const wkspTypeId = optionalString(params, 'wksp_type_id');
    const type = WORKSPACE_TYPE_DEFINITIONS.find(
      (t) =>
        (templateId !== undefined && String(t.templateId) === templateId) ||
        (templateId === undefined && String(t.id) === wkspTypeId),
    );
    if (!type)
      throw new CsError(
        400,
        templateId === undefined
          ? "Missing required parameter 'template_id'."
          : `Template ${templateId} does not exist.`,
      );
    if (wkspTypeId !== undefined && String(type.id) !== wkspTypeId)
      throw invalidParameter('wksp_type_id', 'does not match the template');
    const nodeType = optionalString(params, 'type');
    if (nodeType !== undefined && nodeType !== String(WORKSPACE_TYPE)) throw invalidParameter('type');
    const system = optionalString(params, 'ext_system_id');
    const boType = optionalString(params, 'bo_type');
    const boId = optionalString(params, 'bo_id');
    let ref: BoRef | undefined;
    if (system !== undefined || boType !== undefined || boId !== undefined) {
      if (!system || !boType || !boId)
        throw new CsError(400, 'ext_system_id, bo_type and bo_id must be given together.');
      const bo = boTypeDefinition(system, boType);
      if (!bo) throw new CsError(400, `Business object type ${system}/${boType} does not exist.`);
      if (bo.workspaceTypeId !== type.id)
        throw new CsError(400, `Business object type ${boType} is not bound to workspace type ${type.name}.`);
      ref = { system, boType, boId };
      if (findWorkspaceByRef(rt.state, ref)) {
        throw new CsError(
          500,
          `A business workspace already exists for business object ${system}/${boType}/${boId}.`,
        );
      }
    }
    const parentId = optionalString(params, 'parent_id');
    const parent = rt.state.visible(
      user,
      parentId !== undefined ? parseId(parentId, 'parent_id') : type.locationId,
    );
    if (!parent) throw nodeNotFound(parentId ?? type.locationId);
    if (!rt.state.canWrite(user, parent)) throw insufficientPermissions();
    const categories = categoriesFromRoles(params);
    // Like xECM's connectors, creation reads the business object's properties from the external system.
    let pulled: Record<string, unknown> | undefined;
    if (ref && rt.options.masterDataUrl) {
      const result = await fetchMasterData(rt, ref);
      pulled = result.properties;
      const mapped = pulled && mapProperties(rt, type.id, pulled);
      if (mapped)
        categories.set(mapped.categoryId, { ...mapped.values, ...(categories.get(mapped.categoryId) ?? {}) });
    }
    const pulledName = typeof pulled?.['name'] === 'string' ? pulled['name'] : undefined;
    const name =
      optionalString(params, 'name') ??
      pulledName ??
      (ref ? `${boTypeDefinition(ref.system, ref.boType)?.name ?? ref.boType} ${ref.boId}` : undefined);
    if (!name) throw new CsError(400, "Missing required parameter 'name'.");
    if (rt.state.childNamed(parent, name))
      throw new CsError(500, `An item with the name '${name}' already exists.`);
    const now = rt.clock.now();
    const ws = createWorkspace(rt.state, {
      name,
      description: optionalString(params, 'description') ?? '',
      typeId: type.id,
      parentId: parent.id,
      ...(ref ? { ref } : {}),
      categories,
      date: now,
      userId: user.id,
    });
    rt.state.touch(ws, now, user.id);
    const audit = rt.state.addAudit(ws.id, AUDIT_EVENTS.create.id, user.id, now);
    if (ws.workspace && rt.options.masterDataUrl && ref) {
      ws.workspace.masterData = pulled
        ? { at: now, ok: true }
        : { at: now, ok: false, error: 'master-data pull failed' };
    }
    rt.callouts.emit(`msg_${audit.id}`, 'workspace.created', now, {
      auditId: audit.id,
      nodeId: ws.id,
      nodeType: ws.type,
      workspaceId: ws.id,
      name: ws.name,
      businessObject: ref ?? null,
      user: user.name,
    });
    return c.json({ links: {}, results: { id: ws.id, direct_open: true, sub_folder_id: 0 } });
  });

  return app;
}
