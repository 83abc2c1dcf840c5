import {
  DOCUMENT_PAGE_SIZE_DEFAULT,
  type DocumentItem,
  type DocumentPage,
  type DocumentQuery,
  type DocumentSortKey,
} from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import type { Limiter } from '../services/limiter.js';
import { TtlCache } from '../services/ttl-cache.js';
import { approvalFrom, flatCategories, toDocumentItem } from '../xecm/map.js';
import { RawNode, RawNodeList, type RawNodeData } from '../xecm/raw.js';
import type { XecmClient } from '../xecm/xecm-client.js';

const FOLDER = 0;
const DOCUMENT = 144;
const WORKSPACE = 848;
const LIST_CHUNK = 500;
const MAX_CONTAINERS = 10_000;
const DOCUMENT_FIELDS = ['properties', 'categories', 'versions.element(0)'];

/** A document the portal may show: approved, public, at its latest version. Links are added per answer. */
export type PortalDocument = Omit<DocumentItem, 'openUrl' | 'downloadUrl'>;

export type PortalPage = Omit<DocumentPage, 'items'> & { items: PortalDocument[] };

/**
 * Reads through the portal's read-only service user and keeps only documents whose approval is Approved
 * and whose portal visibility is Public. Answers (including "no such document") are cached for
 * `portal.cacheTtlSeconds`: a revoked approval leaves the portal within that time.
 */
export class PortalService {
  readonly #lists: TtlCache<PortalDocument[] | null>;
  readonly #documents: TtlCache<PortalDocument | null>;

  constructor(
    private readonly config: BffConfig,
    private readonly xecm: XecmClient,
    private readonly limit: Limiter,
  ) {
    const ttl = config.portal.cacheTtlSeconds * 1000;
    this.#lists = new TtlCache(ttl, 500);
    this.#documents = new TtlCache(ttl, 20_000);
  }

  get #user(): string {
    return this.config.portal.serviceUser;
  }

  /** Null when the id is not a workspace the service user can see. */
  async page(workspaceId: string, query: DocumentQuery): Promise<PortalPage | null> {
    const all = await this.#lists.get(`portal\u0000workspace:${workspaceId}`, () =>
      this.#loadList(workspaceId),
    );
    if (!all) return null;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DOCUMENT_PAGE_SIZE_DEFAULT;
    const sort = query.sort ?? 'name';
    const descending = sort.startsWith('-');
    const key = (descending ? sort.slice(1) : sort) as DocumentSortKey;
    const q = query.q?.toLocaleLowerCase();
    const type = query.type?.toLowerCase();
    const matching = all.filter(
      (d) =>
        (!q || d.name.toLocaleLowerCase().includes(q)) &&
        (!type || d.mimeType.toLowerCase().startsWith(type)),
    );
    matching.sort((a, b) => compare(a, b, key) * (descending ? -1 : 1) || Number(a.id) - Number(b.id));
    return {
      items: matching.slice((page - 1) * pageSize, page * pageSize),
      page,
      pageSize,
      total: matching.length,
    };
  }

  /**
   * The document if the portal may show it, else null. Missing, invisible, unapproved and internal ids
   * cost the same single upstream read and end in the same null.
   */
  document(id: string): Promise<PortalDocument | null> {
    return this.#documents.get(`portal\u0000document:${id}`, async () => {
      let node;
      try {
        node = await this.xecm.json(
          this.#user,
          {
            method: 'GET',
            path: `/v2/nodes/${id}`,
            query: { fields: DOCUMENT_FIELDS, expand: 'properties{modify_user_id}' },
          },
          RawNode,
        );
      } catch (error) {
        if (isAbsent(error)) return null;
        throw error;
      }
      const data = node.results.data;
      return data.properties.type === DOCUMENT ? this.#publishable(data) : null;
    });
  }

  #publishable(data: RawNodeData): PortalDocument | null {
    const values = flatCategories(data.categories);
    if (approvalFrom(values, this.config).state !== 'approved') return null;
    const visibility = values[this.config.portal.visibilityAttribute];
    if ((Array.isArray(visibility) ? visibility[0] : visibility) !== this.config.portal.publicValue)
      return null;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { openUrl, downloadUrl, ...item } = toDocumentItem(data, values, this.config);
    return item;
  }

  async #loadList(workspaceId: string): Promise<PortalDocument[] | null> {
    try {
      const ws = await this.xecm.json(
        this.#user,
        { method: 'GET', path: `/v2/nodes/${workspaceId}`, query: { fields: 'properties{id,name,type}' } },
        RawNode,
      );
      if (ws.results.data.properties.type !== WORKSPACE) return null;
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
    const documents: RawNodeData[] = [];
    let level = [workspaceId];
    let containers = 0;
    // Breadth-first over the folder tree, one level at a time, bounded concurrency.
    while (level.length > 0) {
      containers += level.length;
      if (containers > MAX_CONTAINERS) throw new ProblemError(502, 'upstream-error');
      const results = await Promise.all(
        level.map((id) => Promise.all([this.#listAll(id, FOLDER), this.#listAll(id, DOCUMENT)])),
      );
      level = [];
      for (const [folders, docs] of results) {
        level.push(...folders.map((f) => String(f.properties.id)));
        documents.push(...docs);
      }
    }
    return documents.map((d) => this.#publishable(d)).filter((d): d is PortalDocument => d !== null);
  }

  async #listAll(containerId: string, whereType: number): Promise<RawNodeData[]> {
    const fetchPage = (page: number): Promise<RawNodeList> =>
      this.limit(() =>
        this.xecm.json(
          this.#user,
          {
            method: 'GET',
            path: `/v2/nodes/${containerId}/nodes`,
            query: {
              where_type: whereType,
              limit: LIST_CHUNK,
              page,
              sort: 'asc_name',
              ...(whereType === DOCUMENT
                ? { fields: DOCUMENT_FIELDS, expand: 'properties{modify_user_id}' }
                : { fields: 'properties{id,name,type}' }),
            },
          },
          RawNodeList,
        ),
      );
    const first = await fetchPage(1);
    const pages = Math.ceil(first.collection.paging.total_count / LIST_CHUNK);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchPage(i + 2)),
    );
    return [first, ...rest].flatMap((list) => list.results.map((r) => r.data));
  }
}

/** Upstream "no such node" and "not for you" look the same from the portal. */
function isAbsent(error: unknown): boolean {
  return error instanceof ProblemError && (error.status === 404 || error.status === 403);
}

function compare(a: PortalDocument, b: PortalDocument, key: DocumentSortKey): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'en', { sensitivity: 'base', numeric: true });
}
