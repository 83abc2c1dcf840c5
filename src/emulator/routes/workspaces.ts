// Business workspaces, workspace types and business object types (notes W1–W4, W6, W9, B1).
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  BO_TYPE_DEFINITIONS,
  categoryDefinition,
  boTypeDefinition,
  workspaceTypeDefinition,
  WORKSPACE_TYPE_DEFINITIONS,
} from '../seed/definitions.js';
import { CsError, insufficientPermissions, invalidParameter, nodeNotFound } from '../http/cs-error.js';
import { pageRequest, paginate } from '../http/paging.js';
import { optionalString, parseId, readParams, type RequestParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { WORKSPACE_TYPE } from '../state/emulator-state.js';
import type { BoRef, CategoryValues, NodeRecord, User } from '../state/types.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import { validateValues } from '../services/categories.js';
import { recordChange } from '../services/changes.js';
import { fetchMasterData, mapProperties } from '../services/master-data.js';
import { nameFilter, parseSort, sortNodes } from '../services/node-query.js';
import { createWorkspace, findWorkspaceByRef } from '../services/workspace-factory.js';
import { nodeProperties } from '../present/node-properties.js';
import { parseFields, pick, workspaceData, workspaceTypeJson } from '../present/workspace.js';

function listAnswer(rt: Runtime, c: Context<EmulatorEnv>, user: User, nodes: NodeRecord[]) {
  const q = (name: string) => c.req.query(name);
  const sorted = sortNodes(nodes, parseSort(q('sort')));
  const { items, paging } = paginate(sorted, pageRequest(q, 500));
  const fields = parseFields(c.req.queries('fields') ?? []);
  const body: Record<string, unknown> = {
    links: { data: { self: { body: '', content_type: '', href: c.req.path, method: 'GET', name: '' } } },
    paging,
    results: items.map((ws) => ({
      data: { properties: pick(nodeProperties(rt.state, user, ws), fields.get('properties')) },
    })),
    wksp_info: { wksp_type_icon: '/img/wksp/default.svg' },
  };
  if (q('metadata') !== undefined) {
    body['meta_data'] = {
      properties: {
        name: { align: 'left', name: 'Name', persona: '', sort: true, type: -1, width_weight: 1 },
        modify_date: { align: 'left', name: 'Modified', persona: '', sort: true, type: -7, width_weight: 1 },
      },
    };
  }
  return c.json(body);
}

function visibleWorkspaces(rt: Runtime, user: User): NodeRecord[] {
  const out: NodeRecord[] = [];
  for (const node of rt.state.nodes.values()) {
    if (node.type === WORKSPACE_TYPE && rt.state.canSee(user, node)) out.push(node);
  }
  return out;
}

function visibleWorkspace(rt: Runtime, user: User, rawId: string): NodeRecord {
  const id = parseId(rawId, 'id');
  const ws = rt.state.visible(user, id);
  if (!ws || ws.type !== WORKSPACE_TYPE) throw nodeNotFound(id);
  return ws;
}

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

export function workspaceRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/api/v2/businessworkspaces', (c) => {
    const user = c.get('user');
    const q = (name: string) => c.req.query(name);
    const typeId = q('where_workspace_type_id');
    const typeName = q('where_workspace_type_name')?.toLowerCase();
    const byName = nameFilter(q('where_name'));
    const matches = visibleWorkspaces(rt, user).filter((ws) => {
      const info = ws.workspace;
      if (!info) return false;
      if (typeId !== undefined && String(info.typeId) !== typeId) return false;
      if (
        typeName &&
        !(workspaceTypeDefinition(info.typeId)?.name.toLowerCase().startsWith(typeName) ?? false)
      )
        return false;
      if (!byName(ws)) return false;
      const sys = q('where_ext_system_id');
      const boType = q('where_bo_type');
      const boId = q('where_bo_id');
      if (sys === undefined && boType === undefined && boId === undefined) return true;
      return info.refs.some(
        (r) =>
          (sys === undefined || r.system === sys) &&
          (boType === undefined || r.boType === boType) &&
          (boId === undefined || r.boId === boId),
      );
    });
    return listAnswer(rt, c, user, matches);
  });

  app.get('/api/v2/externalsystems/:sys/botypes/:type/boids/:boid', (c) => {
    const user = c.get('user');
    const ref: BoRef = { system: c.req.param('sys'), boType: c.req.param('type'), boId: c.req.param('boid') };
    const ws = findWorkspaceByRef(rt.state, ref);
    return listAnswer(rt, c, user, ws && rt.state.canSee(user, ws) ? [ws] : []);
  });

  app.get('/api/v2/businessworkspaces/:id', (c) => {
    const user = c.get('user');
    const ws = visibleWorkspace(rt, user, c.req.param('id'));
    const fields = parseFields(c.req.queries('fields') ?? []);
    return c.json({
      links: { data: { self: { href: c.req.path, method: 'GET' } } },
      results: workspaceData(rt.state, user, ws, fields, c.req.query('metadata') !== undefined),
    });
  });

  app.get('/api/v1/nodes/:id/businessworkspace', (c) => {
    const user = c.get('user');
    const id = parseId(c.req.param('id'), 'id');
    const node = rt.state.visible(user, id);
    const ws = node && rt.state.workspaceOf(node);
    if (!node || !ws || !rt.state.canSee(user, ws)) throw nodeNotFound(id);
    return c.json({
      id: ws.id,
      isLinked: (ws.workspace?.refs.length ?? 0) > 0,
      type: WORKSPACE_TYPE,
      workspace_type_id: ws.workspace?.typeId,
    });
  });

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
      workspaceId: ws.id,
      name: ws.name,
      businessObject: ref ?? null,
      user: user.name,
    });
    return c.json({ links: {}, results: { id: ws.id, direct_open: true, sub_folder_id: 0 } });
  });

  // W5: link or unlink a business object on an existing workspace.
  for (const method of ['put', 'delete'] as const) {
    app[method]('/api/v2/businessworkspaces/:id/workspacereferences', async (c) => {
      const user = c.get('user');
      const ws = visibleWorkspace(rt, user, c.req.param('id'));
      if (!rt.state.canWrite(user, ws) || !ws.workspace) throw insufficientPermissions();
      const params = await readParams(c);
      const value = (name: string) => optionalString(params, name) ?? c.req.query(name);
      const ref: BoRef = {
        system: value('ext_system_id') ?? '',
        boType: value('bo_type') ?? '',
        boId: value('bo_id') ?? '',
      };
      if (!ref.system || !ref.boType || !ref.boId)
        throw new CsError(400, 'ext_system_id, bo_type and bo_id are required.');
      const bo = boTypeDefinition(ref.system, ref.boType);
      if (!bo || bo.workspaceTypeId !== ws.workspace.typeId)
        throw new CsError(
          400,
          `Business object type ${ref.system}/${ref.boType} cannot be linked to this workspace.`,
        );
      const same = (r: BoRef) => r.system === ref.system && r.boType === ref.boType && r.boId === ref.boId;
      if (method === 'put') {
        const owner = findWorkspaceByRef(rt.state, ref);
        if (owner && owner.id !== ws.id)
          throw new CsError(
            500,
            `Business object ${ref.system}/${ref.boType}/${ref.boId} is already linked to another workspace.`,
          );
        if (!owner) ws.workspace.refs.push(ref);
      } else {
        const index = ws.workspace.refs.findIndex(same);
        if (index < 0)
          throw new CsError(
            400,
            `Business object ${ref.system}/${ref.boType}/${ref.boId} is not linked to this workspace.`,
          );
        ws.workspace.refs.splice(index, 1);
      }
      rt.state.touch(ws, rt.clock.now(), user.id);
      recordChange(rt, ws, {
        eventType: AUDIT_EVENTS.referenceChange.id,
        userId: user.id,
        detail: `${method} ${ref.system}/${ref.boType}/${ref.boId}`,
      });
      return c.json({ links: {}, results: {} });
    });
  }

  app.get('/api/v2/businessworkspacetypes', (c) =>
    c.json({ links: {}, results: WORKSPACE_TYPE_DEFINITIONS.map((t) => workspaceTypeJson(t.id)) }),
  );

  app.get('/api/v2/businessobjecttypes', (c) =>
    c.json({
      links: {},
      results: BO_TYPE_DEFINITIONS.map((bo) => ({
        data: {
          properties: {
            bo_type: bo.boType,
            bo_type_id: bo.id,
            bo_type_name: bo.name,
            ext_system_id: bo.system,
            is_default_Search: true,
            workspace_type_id: bo.workspaceTypeId,
          },
        },
      })),
    }),
  );

  return app;
}
