import type { Logger } from 'pino';

/** Hono environment of the BFF: what middleware puts on the context. */
export interface BffEnv {
  Variables: {
    requestId: string;
    /** xECM user name of the verified caller (set by `authenticate`). */
    user: string;
    logger: Logger;
  };
}
