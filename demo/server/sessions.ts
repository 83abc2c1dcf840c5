import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEMO_USERS, type DemoUserId } from './seed.js';

const COOKIE = 'demo_session';

/** The demo's sign-in: a user picker, an opaque session id in an HttpOnly cookie, sessions in memory. */
export class Sessions {
  private readonly byId = new Map<string, DemoUserId>();

  static isDemoUser(user: string): user is DemoUserId {
    return DEMO_USERS.some((u) => u.id === user);
  }

  signIn(c: Context, user: DemoUserId): void {
    const sid = randomBytes(24).toString('base64url');
    this.byId.set(sid, user);
    setCookie(c, COOKIE, sid, { httpOnly: true, sameSite: 'Lax', path: '/' });
  }

  signOut(c: Context): void {
    const sid = getCookie(c, COOKIE);
    if (sid) this.byId.delete(sid);
    deleteCookie(c, COOKIE, { path: '/' });
  }

  user(c: Context): DemoUserId | undefined {
    const sid = getCookie(c, COOKIE);
    return sid ? this.byId.get(sid) : undefined;
  }
}
