// Categories on nodes (notes N10, N11).
import { Hono } from 'hono';
import { categoryDefinition, type CategoryDefinition } from '../seed/definitions.js';
import { CsError } from '../http/cs-error.js';
import { readParams, requiredString } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import {
  appliedCategories,
  categoryMetadata,
  categoryValues,
  validateValues,
} from '../services/categories.js';
import { writeCategory } from '../services/approval.js';
import { visibleNode, writableNode } from '../services/node-access.js';

function categoryOf(raw: string): CategoryDefinition {
  const def = /^\d{1,9}$/.test(raw) ? categoryDefinition(Number(raw)) : undefined;
  if (!def) throw new CsError(404, `Category ${raw} does not exist.`);
  return def;
}

export function categoryRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/api/v2/nodes/:id/categories', (c) => {
    const node = visibleNode(rt, c);
    return c.json({
      links: {},
      results: appliedCategories(node).map((def) => ({
        data: { categories: categoryValues(node, def) },
        metadata: { categories: categoryMetadata(def) },
        metadata_order: { categories: [String(def.id)] },
      })),
    });
  });

  app.get('/api/v2/nodes/:id/categories/:cat', (c) => {
    const node = visibleNode(rt, c);
    const def = categoryOf(c.req.param('cat'));
    if (!node.categories.has(def.id))
      throw new CsError(404, `Category ${def.id} is not applied to node ${node.id}.`);
    return c.json({
      links: {},
      results: {
        data: { categories: categoryValues(node, def) },
        metadata: { categories: categoryMetadata(def) },
      },
    });
  });

  app.post('/api/v2/nodes/:id/categories', async (c) => {
    const node = writableNode(rt, c);
    const params = await readParams(c);
    const def = categoryOf(requiredString(params, 'category_id'));
    if (node.categories.has(def.id))
      throw new CsError(400, `Category ${def.id} is already applied to node ${node.id}.`);
    writeCategory(rt, node, def, validateValues(def, params.values), c.get('user').id);
    return c.json({ links: {}, results: {} });
  });

  app.put('/api/v2/nodes/:id/categories/:cat', async (c) => {
    const node = writableNode(rt, c);
    const def = categoryOf(c.req.param('cat'));
    if (!node.categories.has(def.id))
      throw new CsError(404, `Category ${def.id} is not applied to node ${node.id}.`);
    const params = await readParams(c);
    writeCategory(rt, node, def, validateValues(def, params.values), c.get('user').id);
    return c.json({ links: {}, results: {} });
  });

  return app;
}
