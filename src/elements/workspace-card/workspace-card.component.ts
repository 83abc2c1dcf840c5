import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { BusinessObject, WorkspaceSummary } from '../../contract/index.js';
import { businessObjectKey, workspaceKey } from '../../client/keys.js';
import { isBffProblemError } from '../../client/bff-problem-error.js';
import { XecmDataElement } from '../base/xecm-data-element.js';
import { XecmApprovalBadge } from '../approval-badge/approval-badge.component.js';
import { devCheck } from '../base/dev-check.js';
import type { WorkspaceCardAttributes } from './workspace-card.warnings.js';
import { XecmLoadEvent } from '../events/xecm-load-event.js';
import { XecmErrorEvent } from '../events/xecm-error-event.js';
import { XecmWorkspaceCreateEvent } from '../events/xecm-workspace-create-event.js';
import { errorDetail } from '../base/error-detail.js';
import { warnWithoutClient } from '../base/warn-without-client.js';
import { workspaceCardStyles } from './workspace-card.styles.js';
import {
  errorView,
  loadingView,
  messageView,
  notFoundView,
  readyView,
  type Strings,
} from './workspace-card.views.js';

export const WORKSPACE_CARD_LAYOUTS = ['full', 'compact'] as const;
export type WorkspaceCardLayout = (typeof WORKSPACE_CARD_LAYOUTS)[number];
const DEFAULT_MAX_FIELDS = 4;

type CreateState = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; code: string };

/**
 * A Business Workspace at a glance, for the record a CRM/ERP page shows: name with a deep link into
 * xECM, type icon, document count, approval badge, last update and a few key metadata fields.
 *
 * Identify the workspace by the business object (`system`, `type`, `bo-id`) or directly by
 * `workspace-id`. Cards on one page share one cache, so twenty cards of one workspace cost one request.
 *
 * @summary Business Workspace card: link, type, documents, approval, last update, key metadata.
 * @tag xecm-workspace-card
 *
 * @csspart base - The card box (every state).
 * @csspart header - Icon, name and approval badge.
 * @csspart icon - The workspace type icon.
 * @csspart link - The deep link to the workspace in xECM (opens a new tab).
 * @csspart name - The workspace name inside the link.
 * @csspart metadata - The `<dl>` of key metadata fields (full layout).
 * @csspart footer - Document count and last update.
 * @csspart status - The message of the loading, not-found, forbidden and error states.
 * @csspart badge - The approval badge's box (re-exported `base` part of `<xecm-approval-badge>`).
 * @csspart create-button - "Create workspace" (not-found state, when the user may create one).
 * @csspart retry-button - "Retry" (error state).
 *
 * @cssprop --xecm-card-background - Card background (default: `--xecm-color-surface`).
 * @cssprop --xecm-card-color - Text colour (default: `--xecm-color-text`).
 * @cssprop --xecm-card-border-color - Border colour (default: `--xecm-color-border`).
 * @cssprop --xecm-card-border-width - Border width (default 1px).
 * @cssprop --xecm-card-radius - Corner radius (default: `--xecm-radius`).
 * @cssprop --xecm-card-padding - Inner padding (default 1rem; 0.5rem 0.75rem when compact).
 * @cssprop --xecm-card-gap - Space between header, metadata and footer.
 * @cssprop --xecm-card-shadow - Box shadow (default none).
 * @cssprop --xecm-card-link-color - Colour of the workspace name link.
 * @cssprop --xecm-card-name-lines - Lines a long name may take in the full layout before it is cut (default 3).
 * @cssprop --xecm-card-icon-color - Colour of the type icon.
 * @cssprop --xecm-card-icon-background - Background of the type icon.
 * @cssprop --xecm-card-label-transform - text-transform of the metadata labels (default none).
 * @cssprop --xecm-tooltip-color - Text colour of the last-updated tooltip (default: the surface colour).
 * @cssprop --xecm-tooltip-background - Background of the last-updated tooltip (default: the text colour).
 * @cssprop --xecm-button-color - Text colour of the Create and Retry buttons (default: the accent).
 * @cssprop --xecm-button-border-color - Border colour of the Create and Retry buttons (default: the accent).
 * @cssprop --xecm-button-background - Background of the Create and Retry buttons (default transparent).
 *
 * @fires xecm-load - Once per successful load; `detail` is empty, read the data from the card.
 * @fires xecm-error - Once per failed load or creation; `detail` has `code` (`workspace-not-found`,
 *   `forbidden`, `network`, `bad-response`, …), `message`, `status`.
 * @fires xecm-workspace-create - Cancelable, before "Create workspace" sends its request; `detail` has
 *   `businessObject`. Call `preventDefault()` to run your own provisioning instead.
 */
export class XecmWorkspaceCard extends XecmDataElement {
  static override styles = [XecmDataElement.styles, workspaceCardStyles];
  static override dependencies = { 'xecm-approval-badge': XecmApprovalBadge };

  /** External system of the business object, e.g. `crm`. Use with `type` and `bo-id`. */
  @property() system?: string;

  /** Business object type in that system, e.g. `account`. */
  @property() type?: string;

  /** Business object id, e.g. `A-1001`. */
  @property({ attribute: 'bo-id' }) boId?: string;

  /** The workspace's xECM node id; use instead of `system`/`type`/`bo-id`. */
  @property({ attribute: 'workspace-id' }) workspaceId?: string;

  /** `full` (default: metadata and footer) or `compact` (one line plus counts). Reflected. */
  @property({ reflect: true }) layout: WorkspaceCardLayout = 'full';

  /**
   * How many key metadata fields the full layout shows (0 hides them).
   * @default 4
   */
  @property({ attribute: 'max-fields', type: Number }) maxFields = DEFAULT_MAX_FIELDS;

  @state() private created?: WorkspaceSummary;
  @state() private create: CreateState = { status: 'idle' };

  private readonly task = new Task(this, {
    task: async ([client, workspaceId, bo], { signal }): Promise<WorkspaceSummary> => {
      if (!client) return initialState as never;
      if (workspaceId) return client.getWorkspace(workspaceId, { signal });
      if (bo) return client.lookupWorkspace(bo, { signal });
      return initialState as never;
    },
    args: () => [this.bff, this.workspaceId, this.businessObject] as const,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1] && boKey(a[2]) === boKey(b[2]),
    onComplete: () => this.emit(new XecmLoadEvent()),
    onError: (error) => this.emit(new XecmErrorEvent(errorDetail(error, this.messageFor(error)))),
  });

  constructor() {
    super();
    this.watch(
      () => {
        const id = this.workspace?.id ?? this.workspaceId;
        const bo = this.businessObject;
        return [
          ...(id ? [workspaceKey(id)] : []),
          ...(bo && !this.workspaceId ? [businessObjectKey(bo)] : []),
        ];
      },
      () => void this.task.run(),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    warnWithoutClient(
      this,
      () => Boolean(this.bff),
      () => Boolean(this.workspaceId || this.businessObject),
    );
  }

  /** The business object from `system`/`type`/`bo-id`, when all three are set. */
  get businessObject(): BusinessObject | undefined {
    return this.system && this.type && this.boId
      ? { system: this.system, type: this.type, id: this.boId }
      : undefined;
  }

  /** The workspace shown (also while it revalidates), or undefined. */
  get workspace(): WorkspaceSummary | undefined {
    const value = this.task.value;
    // A just-created workspace shows until the task (re-run by the client's invalidation) has it too.
    return value && this.isCurrent(value) ? value : this.created;
  }

  /** Reload now (e.g. after the host changed the workspace elsewhere). */
  refresh(): Promise<void> {
    return this.task.run();
  }

  // The task keeps its last value while a new one loads; it is only worth showing for the same target.
  private isCurrent(ws: WorkspaceSummary): boolean {
    if (this.workspaceId) return ws.id === this.workspaceId;
    const bo = this.businessObject;
    return bo !== undefined && boKey(bo) === boKey(ws.businessObject);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    devCheck<WorkspaceCardAttributes>(
      () => import('./workspace-card.warnings.js').then((m) => m.warnAboutAttributes),
      () => ({
        el: this,
        changed: new Set(changed.keys()),
        system: this.system,
        type: this.type,
        boId: this.boId,
        workspaceId: this.workspaceId,
        layout: String(this.layout),
        layouts: WORKSPACE_CARD_LAYOUTS,
        maxFields: this.maxFields,
        defaultMaxFields: DEFAULT_MAX_FIELDS,
      }),
    );
    const target = ['system', 'type', 'boId', 'workspaceId'] as const;
    if (target.some((p) => changed.has(p))) {
      this.created = undefined;
      this.create = { status: 'idle' };
    }
    if (changed.has('layout') && !(WORKSPACE_CARD_LAYOUTS as readonly string[]).includes(this.layout))
      this.layout = 'full';
    if (changed.has('maxFields') && !(Number.isInteger(this.maxFields) && this.maxFields >= 0))
      this.maxFields = DEFAULT_MAX_FIELDS;
  }

  override render(): TemplateResult {
    const t = this.strings;
    const compact = this.layout === 'compact';
    const ws = this.workspace;
    if (ws) {
      const updated = new Date(ws.updatedAt);
      return readyView(t, {
        workspace: ws,
        compact,
        maxFields: this.maxFields,
        busy: this.task.status === TaskStatus.PENDING,
        count: t.documents(ws.documentCount, this.localize.number(ws.documentCount)),
        relative: this.localize.relativeTime(updated),
        exact: this.localize.dateTime(updated, { dateStyle: 'long', timeStyle: 'short' }),
      });
    }
    if (this.task.status === TaskStatus.ERROR) return this.renderProblem(t);
    if (this.task.status === TaskStatus.INITIAL && this.bff && !this.workspaceId && !this.businessObject) {
      return messageView('info', t.unconfigured);
    }
    return loadingView(t, compact);
  }

  private renderProblem(t: Strings) {
    const error = this.task.error;
    const code = isBffProblemError(error) ? error.code : 'internal';
    if ((code === 'workspace-not-found' || code === 'not-found') && isBffProblemError(error)) {
      const bo = this.businessObject;
      const canCreate = Boolean(error.problem.canCreate && bo && !this.workspaceId);
      return notFoundView(t, {
        byId: Boolean(this.workspaceId),
        canCreate,
        pending: this.create.status === 'pending',
        ...(this.create.status === 'failed' ? { failed: t.createFailed } : {}),
        onCreate: () => void this.createWorkspace(),
      });
    }
    if (code === 'forbidden') return messageView('forbidden', t.forbidden);
    const message = this.messageFor(error);
    const requestId = isBffProblemError(error) ? error.problem.requestId : undefined;
    return errorView(t, {
      message,
      ...(requestId ? { requestId } : {}),
      onRetry: () => void this.task.run(),
    });
  }

  private async createWorkspace(): Promise<void> {
    const bo = this.businessObject;
    const client = this.bff;
    if (!bo || !client || this.create.status === 'pending') return;
    if (!this.emit(new XecmWorkspaceCreateEvent({ businessObject: bo }))) return;
    const hadFocus = this.shadowRoot?.activeElement?.getAttribute('part') === 'create-button';
    this.create = { status: 'pending' };
    try {
      const ws = await client.createWorkspace({ businessObject: bo });
      if (boKey(bo) !== boKey(this.businessObject)) return; // the card moved on meanwhile
      this.created = ws;
      this.create = { status: 'idle' };
      this.emit(new XecmLoadEvent());
      if (hadFocus) {
        // The button the user was on is gone; continue on the new workspace's link.
        await this.updateComplete;
        this.shadowRoot?.querySelector<HTMLElement>('[part~="link"]')?.focus();
      }
    } catch (error) {
      this.create = { status: 'failed', code: isBffProblemError(error) ? error.code : 'internal' };
      this.emit(new XecmErrorEvent(errorDetail(error, this.localize.strings('workspaceCard').createFailed)));
    }
  }

  private get strings(): Strings {
    const { opensInNewTab, retry } = this.localize.strings('common');
    return { ...this.localize.strings('workspaceCard'), opensInNewTab, retry };
  }

  private messageFor(error: unknown): string {
    const t = this.localize.strings('workspaceCard');
    const { errors } = this.localize.strings('common');
    const code = isBffProblemError(error) ? error.code : 'internal';
    switch (code) {
      case 'workspace-not-found':
      case 'not-found':
        return this.workspaceId ? t.notFoundById : t.notFound;
      case 'forbidden':
        return t.forbidden;
      default:
        // unauthenticated (signed out), network, bad-response, rate-limited, upstream-…: the shared wording
        // of the cause after the card's own, as the list and the review button next to it say it.
        return Object.hasOwn(errors, code) ? `${t.error} ${errors[code as keyof typeof errors]}` : t.error;
    }
  }
}

function boKey(bo: BusinessObject | undefined): string {
  return bo ? `${bo.system}\u0000${bo.type}\u0000${bo.id}` : '';
}
