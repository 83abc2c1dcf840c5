// OTDS: OAuth token endpoint (client credentials, password, RFC 8693 token exchange) and the
// credentials endpoint that yields an OTDS ticket (notes A5, A6).
import { Hono } from 'hono';
import * as z from 'zod';
import { optionalString, readParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import type { OtdsClient } from '../options.js';

const TOKEN_TTL_SECONDS = 3600;
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

const Credentials = z.union([
  z.object({ userName: z.string().min(1), password: z.string() }),
  z.object({ user_name: z.string().min(1), password: z.string() }),
]);

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = header?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

export function otdsRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post('/otdsws/oauth2/token', async (c) => {
    const oauthError = (status: 400 | 401, error: string, description: string) =>
      c.json({ error, error_description: description }, status);
    const params = await readParams(c);
    const basic = basicCredentials(c.req.header('authorization'));
    const clientId = optionalString(params, 'client_id') ?? basic?.id;
    const clientSecret = optionalString(params, 'client_secret') ?? basic?.secret;
    const client: OtdsClient | undefined = rt.options.otdsClients.find(
      (cl) => cl.clientId === clientId && cl.clientSecret === clientSecret,
    );
    if (!client) return oauthError(401, 'invalid_client', 'Client authentication failed.');
    const now = rt.clock.now();
    const grant = optionalString(params, 'grant_type');
    const answer = (userName: string | undefined) =>
      c.json({
        access_token: rt.sessions.issueToken(
          { clientId: client.clientId, ...(userName ? { userName } : {}) },
          now,
          TOKEN_TTL_SECONDS,
        ),
        token_type: 'Bearer',
        issued_token_type: ACCESS_TOKEN_TYPE,
        expires_in: TOKEN_TTL_SECONDS,
      });
    if (grant === 'client_credentials') return answer(undefined);
    if (grant === 'password') {
      const user = rt.state.userByName(optionalString(params, 'username') ?? '');
      if (!user || user.password !== optionalString(params, 'password')) {
        return oauthError(400, 'invalid_grant', 'Invalid username or password.');
      }
      return answer(user.name);
    }
    if (grant === TOKEN_EXCHANGE) {
      if (client.mayImpersonate === false) {
        return oauthError(400, 'unauthorized_client', 'This client may not exchange tokens.');
      }
      const subject = rt.sessions.token(optionalString(params, 'subject_token') ?? '', now);
      if (!subject || subject.clientId !== client.clientId) {
        return oauthError(400, 'invalid_grant', 'The subject token is invalid or expired.');
      }
      const subjectType = optionalString(params, 'subject_token_type');
      if (subjectType !== undefined && subjectType !== ACCESS_TOKEN_TYPE) {
        return oauthError(400, 'invalid_request', 'Unsupported subject_token_type.');
      }
      const requested = optionalString(params, 'requested_subject');
      const user = requested ? rt.state.userByName(requested) : undefined;
      if (!user) return oauthError(400, 'invalid_request', 'requested_subject does not name a known user.');
      return answer(user.name);
    }
    return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type.');
  });

  app.post('/otdsws/v1/authentication/credentials', async (c) => {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      json = undefined;
    }
    const parsed = Credentials.safeParse(json);
    if (!parsed.success) return c.json({ error: 'userName and password are required.' }, 400);
    const name = 'userName' in parsed.data ? parsed.data.userName : parsed.data.user_name;
    const user = rt.state.userByName(name);
    if (!user || user.password !== parsed.data.password) {
      return c.json({ error: 'Invalid username or password.', failureReason: 'invalid credentials' }, 401);
    }
    return c.json({
      ticket: rt.sessions.issueOtdsTicket(user.id, rt.clock.now()),
      userId: `${user.name}@otds.admin`,
      resourceID: null,
      failureReason: null,
      passwordExpirationTime: 0,
      continuation: false,
    });
  });
  return app;
}
