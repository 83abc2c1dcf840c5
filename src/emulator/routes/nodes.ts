// Nodes: read, browse, create, update (notes N1–N5).
import { Hono } from 'hono';
import { categoryDefinition } from '../seed/definitions.js';
import { CATEGORIES } from '../seed/well-known.js';
import {
  CsError,
  insufficientPermissions,
  invalidParameter,
  missingParameter,
  nodeNotFound,
} from '../http/cs-error.js';
import { pageRequest, paginate } from '../http/paging.js';
import { optionalString, parseId, readParams, requiredString } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import { DOCUMENT_TYPE, FOLDER_TYPE, VOLUME_TYPE } from '../state/emulator-state.js';
import type { CategoryValues, NodeRecord, User } from '../state/types.js';
import { mimeTypeForName } from '../seed/names.js';
import { appliedCategories, categoryValues, validateValues } from '../services/categories.js';
import { recordChange } from '../services/changes.js';
import { createDocument } from '../services/documents.js';
import { visibleNode, writableNode } from '../services/node-access.js';
import { nameFilter, parseSort, sortedChildren, typeFilter } from '../services/node-query.js';
import { nodeProperties } from '../present/node-properties.js';
import { versionJson } from '../present/version.js';
import { userJson } from './auth.js';
import { parseFields, pick } from '../present/workspace.js';

const NAME_MAX = 248;

const USER_FIELDS = ['create_user_id', 'modify_user_id', 'owner_user_id', 'reserved_user_id'];

/** `expand=properties{modify_user_id}` adds `modify_user_id_expand` holding the member. */
function expandProperties(rt: Runtime, props: Record<string, unknown>, expand: readonly string[]): void {
  const wanted = parseFields(expand).get('properties') ?? USER_FIELDS;
  for (const key of wanted) {
    const value = props[key];
    const member = typeof value === 'number' ? rt.state.userById(value) : undefined;
    if (member && USER_FIELDS.includes(key)) props[`${key}_expand`] = userJson(member);
  }
}

export function nodeData(
  rt: Runtime,
  user: User,
  node: NodeRecord,
  fieldValues: readonly string[],
  expand: readonly string[] = [],
): Record<string, unknown> {
  const fields = parseFields(fieldValues);
  const data: Record<string, unknown> = {};
  if (fields.size === 0 || fields.has('properties')) {
    const props = nodeProperties(rt.state, user, node);
    if (expand.length > 0) expandProperties(rt, props, expand);
    const subset = fields.get('properties');
    data['properties'] = subset ? pick(props, [...subset, ...subset.map((k) => `${k}_expand`)]) : props;
  }
  if (fields.has('categories'))
    data['categories'] = appliedCategories(node).map((def) => categoryValues(node, def));
  const versionsField = fieldValues.find((f) => f.startsWith('versions'));
  if (versionsField && node.type === DOCUMENT_TYPE) {
    const versions = node.versions.map((v) => versionJson(node, v));
    // `versions.element(0)` asks for the latest version only.
    data['versions'] = versionsField.includes('element(0)') ? versions.slice(-1) : versions;
  }
  return data;
}

function hasControlOrColon(name: string): boolean {
  return [...name].some((ch) => ch === ':' || ch.charCodeAt(0) < 0x20);
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw missingParameter('name');
  if (trimmed.length > NAME_MAX || hasControlOrColon(trimmed)) throw invalidParameter('name');
  return trimmed;
}

export function nodeRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/api/v2/nodes/:id', (c) => {
    const node = visibleNode(rt, c);
    return c.json({
      links: { data: { self: { href: c.req.path, method: 'GET' } } },
      results: {
        data: nodeData(rt, c.get('user'), node, c.req.queries('fields') ?? [], c.req.queries('expand') ?? []),
      },
    });
  });

  app.get('/api/v1/nodes/:id', (c) => {
    const node = visibleNode(rt, c);
    return c.json({ data: nodeProperties(rt.state, c.get('user'), node) });
  });

  app.get('/api/v2/nodes/:id/nodes', (c) => {
    const user = c.get('user');
    const parent = visibleNode(rt, c);
    const byType = typeFilter(c.req.queries('where_type') ?? []);
    const byName = nameFilter(c.req.query('where_name'));
    const sort = parseSort(c.req.query('sort'));
    const children = sortedChildren(rt.state, parent, sort).filter(
      (n) => rt.state.canSee(user, n) && byType(n) && byName(n),
    );
    const { items, paging } = paginate(
      children,
      pageRequest((n) => c.req.query(n), 25),
    );
    const fields = c.req.queries('fields') ?? [];
    const expand = c.req.queries('expand') ?? [];
    return c.json({
      links: { data: { self: { href: c.req.path, method: 'GET' } } },
      collection: { paging, sorting: { sort: [{ key: 'sort', value: `${sort.direction}_${sort.key}` }] } },
      results: items.map((n) => ({ data: nodeData(rt, user, n, fields, expand) })),
    });
  });

  app.post('/api/v2/nodes', async (c) => {
    const user = c.get('user');
    const params = await readParams(c);
    const type = Number(requiredString(params, 'type'));
    const parentId = parseId(requiredString(params, 'parent_id'), 'parent_id');
    const name = checkName(requiredString(params, 'name'));
    if (type !== DOCUMENT_TYPE && type !== FOLDER_TYPE)
      throw new CsError(400, `Creating nodes of type ${type} is not supported.`);
    const parent = rt.state.visible(user, parentId);
    if (!parent || parent.type === DOCUMENT_TYPE) throw nodeNotFound(parentId);
    if (!rt.state.canWrite(user, parent)) throw insufficientPermissions();
    if (rt.state.childNamed(parent, name))
      throw new CsError(500, `An item with the name '${name}' already exists.`);
    const categories = new Map<number, CategoryValues>();
    const roles = params.values['roles'];
    const requested =
      typeof roles === 'object' && roles !== null
        ? (roles as Record<string, unknown>)['categories']
        : undefined;
    if (requested !== undefined && (typeof requested !== 'object' || requested === null))
      throw invalidParameter('roles.categories');
    for (const [catKey, values] of Object.entries((requested as Record<string, unknown> | undefined) ?? {})) {
      const def = /^\d+$/.test(catKey) ? categoryDefinition(Number(catKey)) : undefined;
      if (!def || typeof values !== 'object' || values === null)
        throw new CsError(400, `Category ${catKey} does not exist.`);
      categories.set(def.id, validateValues(def, values as Record<string, unknown>));
    }
    const now = rt.clock.now();
    const description = optionalString(params, 'description') ?? '';
    let node: NodeRecord;
    if (type === DOCUMENT_TYPE) {
      const file = params.files['file'];
      if (!file) throw new CsError(400, 'A file is required to create a document.');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const mimeType =
        file.type && file.type !== 'application/octet-stream'
          ? file.type
          : mimeTypeForName(file.name || name);
      node = createDocument(rt.state, {
        parentId: parent.id,
        name,
        description,
        date: now,
        userId: user.id,
        versions: [
          {
            number: 1,
            fileName: file.name || name,
            mimeType,
            size: bytes.length,
            createDate: now,
            ownerId: user.id,
            description: '',
            bytes,
          },
        ],
      });
      node.categories.set(CATEGORIES.documentControl.id, {
        [CATEGORIES.documentControl.approvalStatus]: null,
        [CATEGORIES.documentControl.portalVisibility]: 'Internal',
      });
    } else {
      node = rt.state.createNode({
        parentId: parent.id,
        type: FOLDER_TYPE,
        name,
        description,
        date: now,
        userId: user.id,
      });
    }
    for (const [catId, values] of categories)
      node.categories.set(catId, { ...(node.categories.get(catId) ?? {}), ...values });
    rt.state.touch(node, now, user.id);
    recordChange(rt, node, {
      eventType: AUDIT_EVENTS.create.id,
      userId: user.id,
      ...(type === DOCUMENT_TYPE ? { callout: 'document.added' } : {}),
    });
    return c.json({ links: {}, results: { data: { properties: nodeProperties(rt.state, user, node) } } });
  });

  app.put('/api/v2/nodes/:id', async (c) => {
    const user = c.get('user');
    const node = writableNode(rt, c);
    const params = await readParams(c);
    const name = optionalString(params, 'name');
    const description = optionalString(params, 'description');
    if (name !== undefined) {
      const checked = checkName(name);
      const parent = rt.state.nodes.get(node.parentId);
      const clash = parent && rt.state.childNamed(parent, checked);
      if (clash && clash.id !== node.id)
        throw new CsError(500, `An item with the name '${checked}' already exists.`);
      node.name = checked;
    }
    if (description !== undefined) node.description = description;
    rt.state.touch(node, rt.clock.now(), user.id);
    recordChange(rt, node, { eventType: AUDIT_EVENTS.update.id, userId: user.id });
    return c.json({ links: {}, results: { data: { properties: nodeProperties(rt.state, user, node) } } });
  });

  app.delete('/api/v2/nodes/:id', (c) => {
    const user = c.get('user');
    const node = writableNode(rt, c);
    const parent = rt.state.nodes.get(node.parentId);
    if (!parent || node.type === VOLUME_TYPE) throw insufficientPermissions();
    rt.state.deleteNode(node);
    rt.state.touch(parent, rt.clock.now(), user.id);
    recordChange(rt, parent, {
      eventType: AUDIT_EVENTS.delete.id,
      userId: user.id,
      detail: `${node.id} ${node.name}`,
    });
    return c.json({ links: {}, results: {} });
  });

  return app;
}
