// Business workspaces, workspace types and business object types (notes W1–W3, W5, W6, W9, B1).
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  BO_TYPE_DEFINITIONS,
  boTypeDefinition,
  workspaceTypeDefinition,
  WORKSPACE_TYPE_DEFINITIONS,
} from '../seed/definitions.js';
import { CsError, insufficientPermissions, nodeNotFound } from '../http/cs-error.js';
import { pageRequest, paginate } from '../http/paging.js';
import { optionalString, parseId, readParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { WORKSPACE_TYPE } from '../state/emulator-state.js';
import type { BoRef, NodeRecord, User } from '../state/types.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import { recordChange } from '../services/changes.js';
import { nameFilter, parseSort, sortNodes } from '../services/node-query.js';
import { findWorkspaceByRef } from '../services/workspace-factory.js';
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

  app.get('/api/v2/businessworkspacetypes', (c) => {
    const templates = c.req.query('expand_templates') === 'true';
    return c.json({
      links: {},
      results: WORKSPACE_TYPE_DEFINITIONS.map((t) => workspaceTypeJson(t.id, templates)),
    });
  });

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
