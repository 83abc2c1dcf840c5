import type { DocumentItem, DocumentPage, DocumentQuery, DocumentSortKey } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import { flatCategories, toDocumentItem } from '../xecm/map.js';
import {
  RawAuthUser,
  RawCategories,
  RawCreated,
  RawEffectivePermissions,
  RawMember,
  RawNode,
  RawNodeList,
  type RawNodeData,
} from '../xecm/raw.js';
import { documentQuery, folderIds, listAll, NODE_TYPE, walkFolders } from '../xecm/node-lists.js';
import type { XecmClient } from '../xecm/xecm-client.js';
import { documentFilter, pageRequest, sortedPage } from './document-paging.js';
import type { Limiter } from './limiter.js';
import { nodeUploadBody, type FilePart } from './multipart-file.js';
import { ReviewSteps } from './review-step.js';
import type { ReviewStore } from './review-store.js';
import { TtlCache } from './ttl-cache.js';

const DOCUMENT = NODE_TYPE.document;
const WORKSPACE = NODE_TYPE.workspace;
/**
 * Upstream sort keys for the columns Content Server can sort a single container by. The notes document
 * only name sorts for `/nodes` (N2); a server that ignored `asc_modify_date` would page in name order and
 * the list would look sorted by date while it is not. Other columns are sorted here, over the whole list.
 */
const UPSTREAM_SORT: Partial<Record<DocumentSortKey, string>> = { name: 'name' };

interface Container {
  id: string;
  documents: number;
}

/**
 * Documents of a workspace live in its folders at any depth. The BFF walks the folder tree once
 * (folders only, plus a one-item count per folder), caches that structure per user for a short
 * TTL, and then either lets xECM page the single folder that holds documents (the common case,
 * and the 10,000-document workspace) or merges all folders in memory for filters and sorts that
 * span folders.
 */
export class DocumentService {
  readonly #structures: TtlCache<Container[]>;
  readonly #fullLists: TtlCache<RawNodeData[]>;
  readonly #categories: TtlCache<Record<string, unknown>>;
  readonly #userNames = new TtlCache<string>(10 * 60_000, 10_000);
  readonly #steps: TtlCache<string | null>;
  readonly #isWorkspace: TtlCache<boolean>;
  /** Current review steps of in-review items (shared with the workspace service). */
  readonly reviewSteps: ReviewSteps;

  constructor(
    private readonly config: BffConfig,
    private readonly xecm: XecmClient,
    private readonly limit: Limiter,
    /** Where reviews started through the BFF are recorded: their process ids give `approval.step`. */
    reviews: ReviewStore,
  ) {
    const ttl = config.cache.documentsTtlSeconds * 1000;
    this.#structures = new TtlCache(ttl);
    this.#fullLists = new TtlCache(ttl, 200);
    this.#categories = new TtlCache(ttl, 20_000);
    this.#steps = new TtlCache(ttl, 5000);
    this.#isWorkspace = new TtlCache(ttl, 5000);
    this.reviewSteps = new ReviewSteps(xecm, reviews);
  }

  async count(user: string, workspaceId: string, signal?: AbortSignal): Promise<number> {
    const containers = await this.#structure(user, workspaceId, signal);
    return containers.reduce((sum, c) => sum + c.documents, 0);
  }

  async page(
    user: string,
    workspaceId: string,
    query: DocumentQuery,
    signal?: AbortSignal,
  ): Promise<DocumentPage> {
    const request = pageRequest(query);
    const { page, pageSize, key, descending } = request;
    const [structure] = await Promise.all([
      this.#structure(user, workspaceId, signal),
      this.#requireWorkspace(user, workspaceId, signal),
    ]);
    const containers = structure.filter((c) => c.documents > 0);
    const total = containers.reduce((sum, c) => sum + c.documents, 0);
    if (total === 0) return { items: [], page, pageSize, total: 0 };

    const upstreamSort = UPSTREAM_SORT[key];
    let rows: RawNodeData[] | undefined;
    let filteredTotal = 0;
    if (containers.length === 1 && !query.q && !query.type && upstreamSort) {
      const list = await this.limit(() =>
        this.xecm.json(
          user,
          {
            method: 'GET',
            path: `/v2/nodes/${containers[0]!.id}/nodes`,
            query: {
              where_type: DOCUMENT,
              sort: `${descending ? 'desc' : 'asc'}_${upstreamSort}`,
              page,
              limit: pageSize,
              ...documentQuery(),
            },
            signal,
          },
          RawNodeList,
        ),
      );
      const expected = Math.max(
        0,
        Math.min(pageSize, list.collection.paging.total_count - (page - 1) * pageSize),
      );
      // A server that caps `limit` below the page size pages differently from us: page N of its pages is
      // not ours. Then the page is cut from the whole list instead, like a filtered one.
      const { limit } = list.collection.paging;
      if (list.results.length === expected && (limit === undefined || limit >= pageSize)) {
        rows = list.results.map((r) => r.data);
        filteredTotal = list.collection.paging.total_count;
      }
    }
    if (!rows) {
      const all = await this.#fullList(user, workspaceId, containers, signal);
      const matches = documentFilter(query);
      const matching = all.filter((d) => matches(d.properties.name, d.properties.mime_type ?? ''));
      const items = matching.map((d) => ({ d, item: toDocumentItem(d, {}, this.config) }));
      filteredTotal = matching.length;
      rows = sortedPage(items, request, (x) => x.item).map((x) => x.d);
    }
    const items = await Promise.all(rows.map((row) => this.#withApproval(user, row, signal)));
    return { items, page, pageSize, total: filteredTotal };
  }

  async item(user: string, id: string, signal?: AbortSignal): Promise<DocumentItem> {
    const data = await this.#node(user, id, signal);
    return this.#withApproval(user, data, signal);
  }

  /** Properties of a document node; anything else (folder, workspace) is "not found" here. */
  async #node(user: string, id: string, signal?: AbortSignal): Promise<RawNodeData> {
    const node = await this.xecm.json(
      user,
      {
        method: 'GET',
        path: `/v2/nodes/${id}`,
        query: documentQuery(),
        signal,
      },
      RawNode,
    );
    if (node.results.data.properties.type !== DOCUMENT) throw new ProblemError(404, 'not-found');
    return node.results.data;
  }

  /** Opens the content stream of the latest version; the caller's signal cancels the upstream fetch. */
  async content(
    user: string,
    id: string,
    signal: AbortSignal,
  ): Promise<{ item: DocumentItem; body: Response }> {
    const item = await this.item(user, id, signal);
    const body = await this.xecm.stream(user, { method: 'GET', path: `/v1/nodes/${id}/content`, signal });
    return { item, body };
  }

  /**
   * Whether the user may add items to a container: their effective permissions there include
   * `add_items`. Anything unexpected (endpoint missing, no access) counts as "no".
   */
  async mayAddItems(user: string, id: string): Promise<boolean> {
    try {
      const me = await this.xecm.json(user, { method: 'GET', path: '/v1/auth' }, RawAuthUser);
      const perms = await this.xecm.json(
        user,
        { method: 'GET', path: `/v2/nodes/${id}/permissions/effective/${me.data.id}` },
        RawEffectivePermissions,
      );
      return perms.results.data.permissions.permissions.includes('add_items');
    } catch {
      return false;
    }
  }

  /** Streams an uploaded file into the workspace's top folder; 409 `name-conflict` when the name is taken. */
  async upload(
    user: string,
    workspaceId: string,
    file: FilePart,
    signal?: AbortSignal,
  ): Promise<DocumentItem> {
    const target = await this.xecm.json(
      user,
      { method: 'GET', path: `/v2/nodes/${workspaceId}`, signal },
      RawNode,
    );
    if (target.results.data.properties.type !== WORKSPACE) throw new ProblemError(404, 'not-found');
    const { contentType, body } = nodeUploadBody(
      { type: DOCUMENT, parent_id: Number(workspaceId), name: file.fileName },
      file,
    );
    let created;
    try {
      created = await this.xecm.json(
        user,
        {
          method: 'POST',
          path: '/v2/nodes',
          raw: { contentType, body },
          callerInput: 'file name',
          signal,
          timeoutMs: Math.max(this.config.xecm.timeoutMs, 120_000),
        },
        RawCreated,
      );
    } catch (error) {
      throw file.failure() ?? error;
    }
    this.invalidate(workspaceId);
    const id = created.results.data?.properties.id ?? created.results.id;
    if (id === undefined) throw new ProblemError(502, 'upstream-error');
    return this.item(user, String(id), signal);
  }

  invalidate(workspaceId: string): void {
    this.#structures.invalidate(`workspace:${workspaceId}`);
    this.#fullLists.invalidate(`workspace:${workspaceId}`);
    // A document does not know its workspace here; only in-review documents have a cached step, so an
    // event in any workspace drops them all rather than risk showing a step the review already left.
    this.#steps.clear();
  }

  async #withApproval(user: string, data: RawNodeData, signal?: AbortSignal): Promise<DocumentItem> {
    const id = String(data.properties.id);
    const values = data.categories
      ? flatCategories(data.categories)
      : await this.#categories.get(
          `${user}\u0000document:${id}\u0000${data.properties.modify_date ?? ''}`,
          async () => {
            const raw = await this.limit(() =>
              this.xecm.json(
                user,
                { method: 'GET', path: `/v2/nodes/${id}/categories`, signal },
                RawCategories,
              ),
            );
            return Object.assign({}, ...raw.results.map((r) => r.data.categories)) as Record<string, unknown>;
          },
        );
    const item = toDocumentItem(data, values, this.config);
    const [modifiedBy, step] = await Promise.all([
      /^\d+$/.test(item.modifiedBy) ? this.#userName(user, item.modifiedBy) : item.modifiedBy,
      item.approval.state === 'in-review' ? this.#step(user, id, signal) : undefined,
    ]);
    item.modifiedBy = modifiedBy;
    if (step) item.approval = { ...item.approval, step };
    return item;
  }

  /** The current step of the document's review, cached per user; any failure just leaves it out. */
  async #step(user: string, id: string, signal?: AbortSignal): Promise<string | undefined> {
    const processId = this.reviewSteps.processOf({ kind: 'document', id });
    if (!processId) return undefined;
    try {
      const step = await this.#steps.get(`${user}\u0000${processId}\u0000document:${id}`, () =>
        this.limit(() => this.reviewSteps.current(user, processId, signal)),
      );
      return step ?? undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Login name of a user id, for servers that do not expand `modify_user_id` in node lists.
   * Names are not secret, so they are cached across users; a failure falls back to the id.
   */
  #userName(user: string, userId: string): Promise<string> {
    return this.#userNames.get(userId, () =>
      this.xecm
        .json(user, { method: 'GET', path: `/v2/members/${userId}` }, RawMember)
        .then((m) => m.results.data.properties.name)
        .catch(() => userId),
    );
  }

  /** The folder walk lists any container; only a workspace has "the workspace's documents" (else 404). */
  async #requireWorkspace(user: string, id: string, signal?: AbortSignal): Promise<void> {
    const isWorkspace = await this.#isWorkspace.get(`${user}\u0000${id}`, async () => {
      const node = await this.xecm.json(user, { method: 'GET', path: `/v2/nodes/${id}`, signal }, RawNode);
      return node.results.data.properties.type === WORKSPACE;
    });
    if (!isWorkspace) throw new ProblemError(404, 'not-found');
  }

  #structure(user: string, workspaceId: string, signal?: AbortSignal): Promise<Container[]> {
    return this.#structures.get(`${user}\u0000workspace:${workspaceId}`, async () => {
      const visited = await walkFolders(workspaceId, async (id) => {
        const [folders, documents] = await Promise.all([
          folderIds(this.xecm, this.limit, user, id, signal),
          this.limit(() =>
            this.xecm.json(
              user,
              {
                method: 'GET',
                path: `/v2/nodes/${id}/nodes`,
                query: { where_type: DOCUMENT, limit: 1, page: 1 },
                signal,
              },
              RawNodeList,
            ),
          ),
        ]);
        return { folderIds: folders, value: documents.collection.paging.total_count };
      });
      return visited.map(({ id, value }) => ({ id, documents: value }));
    });
  }

  #fullList(
    user: string,
    workspaceId: string,
    containers: Container[],
    signal?: AbortSignal,
  ): Promise<RawNodeData[]> {
    return this.#fullLists.get(`${user}\u0000workspace:${workspaceId}`, async () => {
      const lists = await Promise.all(
        containers.map((c) =>
          listAll(this.xecm, this.limit, user, c.id, {
            whereType: DOCUMENT,
            query: documentQuery(),
            signal,
          }),
        ),
      );
      return lists.flat();
    });
  }
}
