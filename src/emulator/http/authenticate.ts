// Resolves the calling user from any credential Content Server accepts and renews the ticket on success.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import type { User } from '../state/types.js';
import { authRequired } from './cs-error.js';

export function resolveUser(
  rt: Runtime,
  header: (name: string) => string | undefined,
  cookie: string | undefined,
): User | undefined {
  const now = rt.clock.now();
  const { sessions, state } = rt;
  const ticket = header('otcsticket') ?? cookie;
  if (ticket) {
    const session = sessions.ticket(ticket, now);
    if (session) return state.userById(session.userId);
  }
  const authorization = header('authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = sessions.token(bearer, now);
    if (token) {
      const client = rt.options.otdsClients.find((c) => c.clientId === token.clientId);
      const userName = token.userName ?? client?.userName;
      if (userName) return state.userByName(userName);
    }
  }
  const otdsTicket = header('otdsticket');
  if (otdsTicket) {
    const session = sessions.otdsTicket(otdsTicket, now);
    if (session) return state.userById(session.userId);
  }
  return undefined;
}

/** Requires a valid ticket, OTDS token or OTDS ticket; answers 401 otherwise. */
export function authenticate(rt: Runtime): MiddlewareHandler<EmulatorEnv> {
  return async function authenticateRequest(c, next) {
    const user = resolveUser(rt, (name) => c.req.header(name), getCookie(c, 'LLCookie'));
    if (!user) throw authRequired();
    c.set('user', user);
    await next();
    // A session just ended with DELETE /api/v1/auth is not renewed.
    const loggedOut = c.req.method === 'DELETE' && c.req.path === '/api/v1/auth';
    if (!loggedOut && c.res.status < 400 && !c.res.headers.has('OTCSTicket')) {
      c.res.headers.set('OTCSTicket', rt.sessions.issueTicket(user.id, rt.clock.now()));
    }
  };
}
