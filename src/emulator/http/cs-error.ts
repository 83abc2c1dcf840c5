import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error answered the way Content Server does: `{"error": message}` with a status. */
export class CsError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = 'CsError';
  }
}

export const UNKNOWN_ROUTE = 'The REST API URL could not be found in the mappings registry';

export function authRequired(): CsError {
  return new CsError(401, 'Authentication Required');
}

/**
 * Missing and invisible nodes answer alike, so a user cannot probe for what they may not see. Content
 * Server says so with 400 (notes §2.7: no 404 in its spec), not with a 404.
 */
export function nodeNotFound(id: number | string): CsError {
  return new CsError(400, `Could not get a node for ${id}.`);
}

/** v1 content of a missing or invisible node: 500 "Could not locate node" (notes §2.7). */
export function contentNodeNotFound(): CsError {
  return new CsError(500, 'Could not locate node');
}

export function insufficientPermissions(): CsError {
  return new CsError(403, 'Insufficient permissions to perform this action.');
}

export function missingParameter(name: string): CsError {
  return new CsError(400, `Missing required parameter '${name}'.`);
}

export function invalidParameter(name: string, detail?: string): CsError {
  return new CsError(400, `Invalid value for parameter '${name}'${detail ? `: ${detail}` : ''}.`);
}
