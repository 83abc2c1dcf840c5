import { Hono } from 'hono';
import {
  BusinessObject,
  DocumentQuery,
  LookupBatchRequest,
  type LookupItem,
  type LookupResult,
} from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { limitBody } from '../http/body-limit.js';
import { stateChanging } from '../http/csrf.js';
import type { BffEnv } from '../http/env.js';
import { problemBody, ProblemError } from '../http/problem.js';
import { jsonBody, nodeId, parseInput } from '../http/validate.js';
import { createLimiter } from '../services/limiter.js';
import { boundaryOf, openFilePart } from '../services/multipart-file.js';

const BATCH_BODY_LIMIT = 64 * 1024;

export function workspaceRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  const { workspaces, documents, config } = ctx;

  app.get('/lookup', async (c) => {
    const q = c.req.query();
    const bo = parseInput(BusinessObject, { system: q.system, type: q.type, id: q.id }, 'business object');
    return c.json(await workspaces.lookup(c.var.user, bo, c.req.raw.signal));
  });

  app.post(
    '/lookup:batch',
    stateChanging('json', config.allowedOrigins),
    limitBody(BATCH_BODY_LIMIT, 'Batch bodies'),
    async (c) => {
      const request = parseInput(LookupBatchRequest, await jsonBody(c.req), 'batch request');
      const user = c.var.user;
      const signal = c.req.raw.signal;
      // Identical items in one batch share one upstream read (cards for the same record on a page).
      const pending = new Map<string, Promise<LookupResult>>();
      // Distinct items run a few at a time, so one batch of 100 cannot flood xECM.
      const limit = createLimiter(config.xecm.concurrency);
      const resolve = (item: LookupItem): Promise<LookupResult> => {
        const key =
          'workspaceId' in item
            ? `id:${item.workspaceId}`
            : `bo:${item.system}\u0000${item.type}\u0000${item.id}`;
        let result = pending.get(key);
        if (!result) {
          const work = limit(() =>
            'workspaceId' in item
              ? workspaces.summary(user, item.workspaceId, signal)
              : workspaces.lookup(user, item, signal),
          );
          result = work.then(
            (workspace): LookupResult => ({ ok: true, workspace }),
            (error: unknown): LookupResult => {
              if (error instanceof ProblemError) {
                return {
                  ok: false,
                  problem: problemBody(error.status, error.code, c.var.requestId, error.extras),
                };
              }
              c.var.logger.error({ err: error }, 'batch item failed');
              return { ok: false, problem: problemBody(500, 'internal', c.var.requestId) };
            },
          );
          pending.set(key, result);
        }
        return result;
      };
      const results = await Promise.all(request.items.map(resolve));
      return c.json({ results });
    },
  );

  app.get('/:id', async (c) => {
    const id = nodeId(c.req.param('id'));
    return c.json(await workspaces.summary(c.var.user, id, c.req.raw.signal));
  });

  app.get('/:id/documents', async (c) => {
    const id = nodeId(c.req.param('id'));
    const query = parseInput(DocumentQuery, c.req.query(), 'query');
    return c.json(await documents.page(c.var.user, id, query, c.req.raw.signal));
  });

  app.post('/:id/documents', stateChanging('multipart', config.allowedOrigins), async (c) => {
    const id = nodeId(c.req.param('id'));
    const length = Number(c.req.header('content-length') ?? 'NaN');
    // Room for the multipart framing around the file itself.
    if (Number.isFinite(length) && length > config.maxUploadBytes + 64 * 1024) {
      throw new ProblemError(413, 'payload-too-large', {
        detail: `Files may be at most ${config.maxUploadBytes} bytes.`,
      });
    }
    const boundary = boundaryOf(c.req.header('content-type') ?? '');
    if (!boundary || !c.req.raw.body) {
      throw new ProblemError(400, 'bad-request', {
        detail: 'Send multipart/form-data with a boundary and a "file" part.',
      });
    }
    const file = await openFilePart(c.req.raw.body, boundary, config.maxUploadBytes);
    const item = await documents.upload(c.var.user, id, file, c.req.raw.signal);
    workspaces.invalidate(id);
    c.header('Location', `${config.publicBaseUrl}/v1/documents/${item.id}`);
    return c.json(item, 201);
  });

  return app;
}
