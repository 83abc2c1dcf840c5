// /api/v1/auth and /api/v1/ping (notes A1–A4).
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { CsError } from '../http/cs-error.js';
import { optionalString, readParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import type { User } from '../state/types.js';
import { GROUPS } from '../seed/well-known.js';

export function userJson(user: User): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    first_name: user.firstName,
    last_name: user.lastName,
    business_email: user.email,
    group_id: user.groupIds.find((id) => id !== GROUPS.everyone.id) ?? GROUPS.everyone.id,
    type: 0,
    type_name: 'User',
    deleted: false,
    privilege_login: true,
    privilege_system_admin_rights: user.admin,
  };
}

/** Routes that need no credentials. */
export function publicAuthRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.get('/api/v1/ping', (c) =>
    c.json({
      rest_api: [
        { build: 2, href: 'api/v1', version: 1 },
        { build: 2, href: 'api/v2', version: 2 },
      ],
      server: 'Extended ECM emulator (xecm-elements)',
      version: '25.4',
    }),
  );
  app.post('/api/v1/auth', async (c) => {
    const params = await readParams(c);
    const username = optionalString(params, 'username');
    const password = optionalString(params, 'password');
    if (username === undefined || password === undefined) {
      throw new CsError(500, 'Required parameters username and password were not supplied.');
    }
    const user = rt.state.userByName(username);
    if (!user || user.password !== password) throw new CsError(401, 'Invalid username/password specified.');
    return c.json({ ticket: rt.sessions.issueTicket(user.id, rt.clock.now()) });
  });
  return app;
}

/** Routes behind `authenticate`. */
export function authRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.get('/api/v1/auth', (c) => c.json({ data: userJson(c.get('user')) }));
  app.delete('/api/v1/auth', (c) => {
    const ticket = c.req.header('otcsticket') ?? getCookie(c, 'LLCookie');
    if (ticket) rt.sessions.revokeTicket(ticket);
    return c.json({});
  });
  return app;
}
