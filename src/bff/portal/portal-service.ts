import type { DocumentItem, DocumentPage, DocumentQuery } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import { documentFilter, pageRequest, sortedPage } from '../services/document-paging.js';
import type { Limiter } from '../services/limiter.js';
import { TtlCache } from '../services/ttl-cache.js';
import { approvalFrom, flatCategories, toDocumentItem } from '../xecm/map.js';
import * as nodes from '../xecm/node-lists.js';
import { RawNode, type RawNodeData } from '../xecm/raw.js';
import type { XecmClient } from '../xecm/xecm-client.js';

/** The latest version's number, type and size come with the node: a portal link names the version. */
const DOCUMENT_QUERY = nodes.documentQuery('versions.element(0)');

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
    const request = pageRequest(query);
    const matches = documentFilter(query);
    const matching = all.filter((d) => matches(d.name, d.mimeType));
    return {
      items: sortedPage(matching, request, (d) => d),
      page: request.page,
      pageSize: request.pageSize,
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
            query: DOCUMENT_QUERY,
          },
          RawNode,
        );
      } catch (error) {
        if (isAbsent(error)) return null;
        throw error;
      }
      const data = node.results.data;
      return data.properties.type === nodes.NODE_TYPE.document ? this.#publishable(data) : null;
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
    // Who changed a document is internal: anonymous visitors learn no xECM login names ("Admin" …).
    return { ...item, modifiedBy: '' };
  }

  async #loadList(workspaceId: string): Promise<PortalDocument[] | null> {
    try {
      const ws = await this.xecm.json(
        this.#user,
        { method: 'GET', path: `/v2/nodes/${workspaceId}`, query: { fields: 'properties{id,name,type}' } },
        RawNode,
      );
      if (ws.results.data.properties.type !== nodes.NODE_TYPE.workspace) return null;
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
    const visited = await nodes.walkFolders(workspaceId, async (id) => {
      const [folders, documents] = await Promise.all([
        nodes.folderIds(this.xecm, this.limit, this.#user, id),
        nodes.listAll(this.xecm, this.limit, this.#user, id, {
          whereType: nodes.NODE_TYPE.document,
          query: DOCUMENT_QUERY,
        }),
      ]);
      return { folderIds: folders, value: documents };
    });
    return visited
      .flatMap((v) => v.value)
      .map((d) => this.#publishable(d))
      .filter((d): d is PortalDocument => d !== null);
  }
}

/** Upstream "no such node" and "not for you" look the same from the portal. */
function isAbsent(error: unknown): boolean {
  return error instanceof ProblemError && (error.status === 404 || error.status === 403);
}
