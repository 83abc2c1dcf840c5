import type { BusinessObject, DocumentQuery, ReviewTarget } from '../contract/index.js';

// Cache keys. `workspace:<id>` and `document:<id>` are also live-update topics; sub-resources hang below
// them with `/` so invalidating the parent covers them (see ResourceCache.invalidate).

export function workspaceKey(id: string): string {
  return `workspace:${id}`;
}

export function documentKey(id: string): string {
  return `document:${id}`;
}

/** Key a not-found card can watch: invalidated when the workspace for this business object is created. */
export function businessObjectKey(bo: BusinessObject): string {
  return `bo:${encodeURIComponent(bo.system)}/${encodeURIComponent(bo.type)}/${encodeURIComponent(bo.id)}`;
}

export function documentsKey(workspaceId: string, query: DocumentQuery = {}): string {
  return `${workspaceKey(workspaceId)}/documents?${documentQueryString(query)}`;
}

/**
 * A page of the anonymous portal listing. Not a live topic (it hangs below one), so watching it subscribes
 * to nothing on the server — what a portal page, which has no token for `/v1/events`, needs.
 */
export function portalDocumentsKey(workspaceId: string, query: DocumentQuery = {}): string {
  return `${workspaceKey(workspaceId)}/portal-documents?${documentQueryString(query)}`;
}

export function reviewOptionsKey(target: ReviewTarget): string {
  return `${target.kind}:${target.id}/review-options`;
}

/** Canonical query string (fixed parameter order, so equal queries share a cache entry). */
export function documentQueryString(query: DocumentQuery): string {
  const params = new URLSearchParams();
  for (const name of ['page', 'pageSize', 'sort', 'q', 'type'] as const) {
    const value = query[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}
