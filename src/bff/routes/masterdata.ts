import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import type { RouteModule } from '../app.js';
import type { BffEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { MasterDataGateway } from '../masterdata/masterdata-gateway.js';
import type { MasterDataConfig } from '../masterdata/masterdata-config.js';

const SEGMENT = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const BO_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** Only xECM's connector: a configured service token, compared in constant time. Browser tokens never match. */
function serviceCaller(token: string): MiddlewareHandler<BffEnv> {
  // Digests have one length, so the comparison takes the same time whatever the length of the guess.
  const sha256 = (value: string) => createHash('sha256').update(value).digest();
  const expected = sha256(token);
  return async function serviceCaller(c, next) {
    const header = c.req.header('authorization') ?? '';
    const given = sha256(header.startsWith('Bearer ') ? header.slice(7) : '');
    if (!timingSafeEqual(given, expected)) {
      throw new ProblemError(
        401,
        'unauthenticated',
        { detail: 'The master-data gateway needs the service token.' },
        {
          'WWW-Authenticate': 'Bearer realm="xecm-masterdata"',
        },
      );
    }
    c.set('user', 'xecm-connector');
    await next();
  };
}

function segment(value: string | undefined, name: string): string {
  if (value === undefined || !SEGMENT.test(value)) {
    throw new ProblemError(400, 'bad-request', {
      detail: `Invalid ${name}.`,
      errors: [{ path: name, message: 'lowercase letters, digits, - or _' }],
    });
  }
  return value;
}

export interface MasterDataModule {
  mount: RouteModule;
  readonly gateway: MasterDataGateway;
}

/**
 * `GET /masterdata/v1/:system/:boType/:boId` and `GET /masterdata/v1/:system/:boType?q=` for xECM's
 * business-object connector (the emulator's `masterDataUrl` points at `/masterdata/v1`).
 */
export function masterDataRoutes(config: MasterDataConfig, fetchImpl?: typeof fetch): MasterDataModule {
  const gateway = new MasterDataGateway(config, fetchImpl);
  return {
    gateway,
    mount(app: Hono<BffEnv>) {
      const auth = serviceCaller(config.serviceToken);
      app.get('/masterdata/v1/:system/:boType/:boId', auth, async (c) => {
        const boId = c.req.param('boId');
        if (!BO_ID.test(boId)) {
          throw new ProblemError(400, 'bad-request', {
            detail: 'Invalid business object id.',
            errors: [{ path: 'boId', message: 'letters, digits and . _ : @ -, at most 128' }],
          });
        }
        const answer = await gateway.get(
          segment(c.req.param('system'), 'system'),
          segment(c.req.param('boType'), 'boType'),
          boId,
          c.req.raw.signal,
        );
        c.header('cache-control', 'no-store');
        return c.json(answer);
      });
      app.get('/masterdata/v1/:system/:boType', auth, async (c) => {
        const q = c.req.query('q') ?? '';
        if (q.length > 200)
          throw new ProblemError(400, 'bad-request', { detail: 'q may be at most 200 characters.' });
        const results = await gateway.search(
          segment(c.req.param('system'), 'system'),
          segment(c.req.param('boType'), 'boType'),
          q,
          c.req.raw.signal,
        );
        c.header('cache-control', 'no-store');
        return c.json({ results });
      });
    },
  };
}
