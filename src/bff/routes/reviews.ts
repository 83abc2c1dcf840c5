import { bodyLimit } from 'hono/body-limit';
import { ReviewTarget, StartReviewRequest } from '../../contract/index.js';
import type { RouteModule } from '../app.js';
import { stateChanging } from '../http/csrf.js';
import { ProblemError } from '../http/problem.js';
import { jsonBody, nodeId, parseInput } from '../http/validate.js';
import { ReviewService } from '../services/reviews.js';

const BODY_LIMIT = 16 * 1024;
/** Printable ASCII without spaces, as clients generate (UUIDs, ULIDs …). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `GET /v1/reviews/options?kind=&id=`, `POST /v1/reviews` (with `Idempotency-Key`), `GET /v1/reviews/:id`.
 * Reviews are recorded in `ctx.reviewStore`.
 */
export function reviewsRoutes(): RouteModule {
  return (app, ctx) => {
    const service = new ReviewService(ctx);

    app.get('/v1/reviews/options', async (c) => {
      const target = parseInput(ReviewTarget, { kind: c.req.query('kind'), id: c.req.query('id') }, 'query');
      const options = await service.options(c.var.user, target, c.req.raw.signal);
      c.header('Cache-Control', 'private, no-store');
      return c.json(options);
    });

    app.post(
      '/v1/reviews',
      stateChanging('json', ctx.config.allowedOrigins),
      bodyLimit({
        maxSize: BODY_LIMIT,
        onError: () => {
          throw new ProblemError(413, 'payload-too-large', {
            detail: `Bodies may be at most ${BODY_LIMIT} bytes.`,
          });
        },
      }),
      async (c) => {
        const key = c.req.header('idempotency-key');
        if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
          throw new ProblemError(400, 'bad-request', {
            detail: 'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.',
            errors: [{ path: 'Idempotency-Key', message: 'invalid' }],
          });
        }
        const request = parseInput(StartReviewRequest, await jsonBody(c.req), 'review request');
        const { review, replayed } = await service.start(c.var.user, request, key);
        if (replayed) c.header('Idempotent-Replayed', 'true');
        c.header('Location', `/v1/reviews/${review.id}`);
        return c.json(review, 201);
      },
    );

    app.get('/v1/reviews/:id', async (c) => {
      const id = nodeId(c.req.param('id'));
      c.header('Cache-Control', 'private, no-store');
      return c.json(await service.get(c.var.user, id, c.req.raw.signal));
    });
  };
}
