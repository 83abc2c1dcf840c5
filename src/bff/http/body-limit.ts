import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { BffEnv } from './env.js';
import { ProblemError } from './problem.js';

/** Refuses bodies over `maxBytes` with a 413 problem (declared length or bytes actually sent). */
export function limitBody(maxBytes: number, what = 'Bodies'): MiddlewareHandler<BffEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError(413, 'payload-too-large', {
        detail: `${what} may be at most ${maxBytes} bytes.`,
      });
    },
  });
}
