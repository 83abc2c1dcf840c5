import type { Logger } from 'pino';

/** Hono environment of the BFF: what middleware puts on the context. */
export interface BffEnv {
  Variables: {
    requestId: string;
    /** xECM user name of the verified caller (set by `authenticate`). */
    user: string;
    /**
     * When the caller's token stops being accepted (ms since epoch), set by `authenticate`: answers that
     * outlive the request (the SSE stream) end then, so a revoked user or permission is not served on.
     */
    tokenAcceptedUntil?: number;
    logger: Logger;
  };
}
