import { Hono } from 'hono';
import type { BffContext } from '../context.js';
import { contentHeaders } from '../http/content-headers.js';
import type { BffEnv } from '../http/env.js';
import { nodeId } from '../http/validate.js';

export function documentRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  const { documents, config } = ctx;

  app.get('/:id', async (c) => {
    const id = nodeId(c.req.param('id'));
    return c.json(await documents.item(c.var.user, id, c.req.raw.signal));
  });

  app.get('/:id/content', async (c) => {
    const id = nodeId(c.req.param('id'));
    const download = ['1', 'true'].includes(c.req.query('download') ?? '');
    // The request's signal aborts when the client goes away, which cancels the upstream fetch too.
    const { item, body } = await documents.content(c.var.user, id, c.req.raw.signal);
    const headers = new Headers(contentHeaders(item.name, item.mimeType, download, config.allowedOrigins));
    headers.set('Cache-Control', 'private, no-store');
    const length = body.headers.get('content-length');
    if (length && /^\d+$/.test(length)) headers.set('Content-Length', length);
    // The upstream body is handed over as a stream: bytes flow as the client reads them.
    if (c.req.method === 'HEAD') {
      await body.body?.cancel();
      return new Response(null, { status: 200, headers });
    }
    return new Response(body.body, { status: 200, headers });
  });

  return app;
}
