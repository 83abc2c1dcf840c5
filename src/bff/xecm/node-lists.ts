// Reading containers of Content Server: whole child lists page by page, and folder trees level by level.
import { ProblemError } from '../http/problem.js';
import type { Limiter } from '../services/limiter.js';
import { RawNodeList, type RawNodeData } from './raw.js';
import type { Query, XecmClient } from './xecm-client.js';

export const NODE_TYPE = { folder: 0, document: 144, workspace: 848 } as const;

/**
 * The node properties a DocumentItem is made of. Asking for these alone (instead of all ~40) halves the
 * JSON xECM sends for a page, and what the BFF parses and checks. Only documented properties (notes
 * §2.3): the version number is not one of them, it comes with LATEST_VERSION.
 */
export const DOCUMENT_PROPERTIES = 'properties{id,name,type,mime_type,size,modify_date,modify_user_id}';
/** The latest version (number, MIME type, size) of each document, in the same call (notes N1). */
export const LATEST_VERSION = 'versions.element(0)';
/** Resolves `modify_user_id` to the member (`modify_user_id_expand.name`) in the same call. */
export const EXPAND_MODIFIER = 'properties{modify_user_id}';

/**
 * Query of a document read (single node or list): its DocumentItem properties, latest version, category
 * values (approval without a call per document) and the modifier's name; `extraFields` adds more.
 */
export function documentQuery(...extraFields: string[]): Query {
  const fields = [...new Set([DOCUMENT_PROPERTIES, LATEST_VERSION, 'categories', ...extraFields])];
  return { fields, expand: EXPAND_MODIFIER };
}

/** Items per upstream list call when the BFF needs a whole container. */
export const LIST_CHUNK = 500;
/** More containers than this in one workspace is treated as a broken answer, not walked. */
export const MAX_CONTAINERS = 10_000;

export interface ListAllOptions {
  whereType: number;
  /** `fields`/`expand` and the like for each list call. */
  query: Query;
  signal?: AbortSignal;
}

/** Every child of a container of one type: the first page, then the rest concurrently (bounded by `limit`). */
export async function listAll(
  xecm: XecmClient,
  limit: Limiter,
  user: string,
  containerId: string,
  options: ListAllOptions,
): Promise<RawNodeData[]> {
  const fetchPage = (page: number): Promise<RawNodeList> =>
    limit(() =>
      xecm.json(
        user,
        {
          method: 'GET',
          path: `/v2/nodes/${containerId}/nodes`,
          query: {
            where_type: options.whereType,
            limit: LIST_CHUNK,
            page,
            sort: 'asc_name',
            ...options.query,
          },
          ...(options.signal ? { signal: options.signal } : {}),
        },
        RawNodeList,
      ),
    );
  const first = await fetchPage(1);
  const { total_count: total, page_total: pageTotal } = first.collection.paging;
  // A server may cap `limit` below LIST_CHUNK: the size of the page it did send (and its own page count)
  // decides how many pages there are, so nothing past the first capped page is lost.
  const served = first.results.length;
  const pages = served === 0 ? 0 : Math.min(pageTotal ?? Infinity, Math.ceil(total / served));
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchPage(i + 2)));
  return [first, ...rest].flatMap((list) => list.results.map((r) => r.data));
}

/**
 * Breadth-first over a folder tree, one level at a time, each level's containers visited concurrently.
 * `visit` returns the container's sub-folder ids and what the caller wants from it.
 */
export async function walkFolders<T>(
  rootId: string,
  visit: (id: string) => Promise<{ folderIds: string[]; value: T }>,
): Promise<{ id: string; value: T }[]> {
  const visited: { id: string; value: T }[] = [];
  let level = [rootId];
  while (level.length > 0) {
    if (visited.length + level.length > MAX_CONTAINERS) throw new ProblemError(502, 'upstream-error');
    const results = await Promise.all(level.map(async (id) => ({ id, ...(await visit(id)) })));
    level = [];
    for (const r of results) {
      visited.push({ id: r.id, value: r.value });
      level.push(...r.folderIds);
    }
  }
  return visited;
}

/** Sub-folders of a container, ids only. */
export async function folderIds(
  xecm: XecmClient,
  limit: Limiter,
  user: string,
  containerId: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const folders = await listAll(xecm, limit, user, containerId, {
    whereType: NODE_TYPE.folder,
    query: { fields: 'properties{id,name,type}' },
    ...(signal ? { signal } : {}),
  });
  return folders.map((f) => String(f.properties.id));
}
