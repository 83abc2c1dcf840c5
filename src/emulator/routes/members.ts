// Members and effective permissions (notes N13; `GET /v2/members/{id}`).
import { Hono } from 'hono';
import { CsError } from '../http/cs-error.js';
import { parseId } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { visibleNode } from '../services/node-access.js';
import { userJson } from './auth.js';

const READ = ['see', 'see_contents'];
const WRITE = [
  'modify',
  'edit_attributes',
  'add_items',
  'reserve',
  'add_major_version',
  'delete_versions',
  'delete',
];

export function memberRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/api/v2/members/:id', (c) => {
    const id = parseId(c.req.param('id'), 'id');
    const user = rt.state.userById(id);
    if (user) return c.json({ links: {}, results: { data: { properties: userJson(user) } } });
    const group = rt.state.groups.find((g) => g.id === id);
    if (!group) throw new CsError(404, `Member ${id} does not exist.`);
    return c.json({
      links: {},
      results: { data: { properties: { id: group.id, name: group.name, type: 1, type_name: 'Group' } } },
    });
  });

  app.get('/api/v2/nodes/:id/permissions/effective/:member', (c) => {
    const node = visibleNode(rt, c);
    const memberId = parseId(c.req.param('member'), 'member');
    const caller = c.get('user');
    // Only administrators may look at somebody else's permissions.
    if (memberId !== caller.id && !caller.admin)
      throw new CsError(403, 'Insufficient permissions to perform this action.');
    const member = rt.state.userById(memberId);
    if (!member) throw new CsError(404, `Member ${memberId} does not exist.`);
    const permissions = [
      ...(rt.state.canSee(member, node) ? READ : []),
      ...(rt.state.canWrite(member, node) ? WRITE : []),
      ...(member.admin ? ['edit_permissions'] : []),
    ];
    return c.json({
      links: {},
      results: { data: { permissions: { right_id: member.id, permissions, type: 'custom' } } },
    });
  });

  return app;
}
