import type { BusinessObject, WorkspaceSummary } from '../../contract/index.js';
import type { BffConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import { findWorkspaceId, workspaceTypeOf } from '../xecm/business-workspaces.js';
import { RawCategories, RawWorkspace } from '../xecm/raw.js';
import { toWorkspaceSummary } from '../xecm/map.js';
import type { XecmClient } from '../xecm/xecm-client.js';
import type { DocumentService } from './document-service.js';
import type { Limiter } from './limiter.js';
import { TtlCache } from './ttl-cache.js';

export interface LookupNotFound {
  canCreate: boolean;
}

/** Workspace summaries, per user, cached for a short TTL with concurrent reads coalesced. */
export class WorkspaceService {
  readonly #summaries: TtlCache<WorkspaceSummary>;
  readonly #lookups: TtlCache<number | null>;
  readonly #canCreate: TtlCache<boolean>;

  constructor(
    private readonly config: BffConfig,
    private readonly xecm: XecmClient,
    private readonly documents: DocumentService,
    private readonly limit: Limiter,
  ) {
    const ttl = config.cache.summaryTtlSeconds * 1000;
    this.#summaries = new TtlCache(ttl);
    this.#lookups = new TtlCache(ttl);
    this.#canCreate = new TtlCache(Math.max(ttl, 60_000));
  }

  summary(user: string, id: string, signal?: AbortSignal): Promise<WorkspaceSummary> {
    return this.#summaries.get(`${user}\u0000workspace:${id}`, () => this.#load(user, id, signal));
  }

  /** Resolves a business object to its workspace summary, or throws `workspace-not-found` with `canCreate`. */
  async lookup(user: string, bo: BusinessObject, signal?: AbortSignal): Promise<WorkspaceSummary> {
    const key = `${user}\u0000bo:${bo.system}\u0000${bo.type}\u0000${bo.id}`;
    const id = await this.#lookups.get(
      key,
      async () => (await this.limit(() => findWorkspaceId(this.xecm, user, bo, signal))) ?? null,
    );
    if (id === null) {
      const canCreate = await this.canCreate(user, bo).catch(() => false);
      throw new ProblemError(404, 'workspace-not-found', {
        canCreate,
        detail: 'No business workspace is linked to this business object (or you may not see it).',
      });
    }
    return this.summary(user, String(id), signal);
  }

  /**
   * Whether the user may create a workspace for this business object type: the type must exist for
   * the user, and the user must be allowed to add items to the type's creation location. See docs/bff.md.
   */
  canCreate(user: string, bo: BusinessObject): Promise<boolean> {
    return this.#canCreate.get(`${user}\u0000create:${bo.system}\u0000${bo.type}`, async () => {
      const type = await workspaceTypeOf(this.xecm, user, bo);
      const location = type?.wksp_creation?.location;
      if (location === undefined || location === null || !/^\d{1,12}$/.test(String(location))) return false;
      return this.documents.mayAddItems(user, String(location));
    });
  }

  /** Forgets cached summaries of a workspace (after an upload or an event), for every user. */
  invalidate(id: string): void {
    this.#summaries.invalidate(`workspace:${id}`);
  }

  async #load(user: string, id: string, signal?: AbortSignal): Promise<WorkspaceSummary> {
    const [workspace, categories, count] = await Promise.all([
      this.xecm.json(
        user,
        {
          method: 'GET',
          path: `/v2/businessworkspaces/${id}`,
          query: {
            fields: ['properties', 'business_properties', 'workspace_references'],
            expand: 'properties{modify_user_id}',
          },
          signal,
        },
        RawWorkspace,
      ),
      this.xecm.json(
        user,
        { method: 'GET', path: `/v2/nodes/${id}/categories`, query: { metadata: '' }, signal },
        RawCategories,
      ),
      this.documents.count(user, id, signal),
    ]);
    const summary = toWorkspaceSummary(workspace, categories, count, this.config);
    if (summary.approval.state === 'in-review') {
      const step = await this.#step(user, id, signal);
      if (step) summary.approval = { ...summary.approval, step };
    }
    return summary;
  }

  /** The current step of the workspace's review (cached with the summary); any failure leaves it out. */
  async #step(user: string, id: string, signal?: AbortSignal): Promise<string | undefined> {
    const steps = this.documents.reviewSteps;
    const processId = steps.processOf({ kind: 'workspace', id });
    if (!processId) return undefined;
    try {
      return (await this.limit(() => steps.current(user, processId, signal))) ?? undefined;
    } catch {
      return undefined;
    }
  }
}
