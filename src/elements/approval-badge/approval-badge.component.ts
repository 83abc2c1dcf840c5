import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { displayText } from '../base/display-text.js';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { APPROVAL_STATES, type Approval, type ApprovalState } from '../../contract/index.js';
import { XecmDataElement } from '../base/xecm-data-element.js';
import { devCheck } from '../base/dev-check.js';
import type { ApprovalBadgeAttributes } from './approval-badge.warnings.js';
import { XecmLoadEvent } from '../events/xecm-load-event.js';
import { XecmErrorEvent } from '../events/xecm-error-event.js';
import { errorDetail } from '../base/error-detail.js';
import { warnWithoutClient } from '../base/warn-without-client.js';
import { isBffProblemError } from '../../client/bff-problem-error.js';
import { APPROVAL_ICONS, RETRY_ICON, UNAVAILABLE_ICON } from './approval-icons.js';
import { approvalBadgeStyles } from './approval-badge.styles.js';

const isApprovalState = (value: unknown): value is ApprovalState =>
  (APPROVAL_STATES as readonly unknown[]).includes(value);

/**
 * The approval state of a workspace or document as an icon plus text, never colour alone. While a
 * review runs, the current workflow step is part of the text and of the accessible label.
 *
 * Give it `workspace-id` or `document-id` to load the state (and repaint whenever that cache entry is
 * invalidated), or set `state` (and `step`) yourself when you already have the data.
 *
 * @summary Approval state badge: none, draft, in review (with step), approved, rejected.
 * @tag xecm-approval-badge
 *
 * @csspart base - The badge (carries the accessible label).
 * @csspart icon - The state icon.
 * @csspart label - The state text.
 * @csspart step - The current workflow step while in review (hide it with `display: none` to save room).
 * @csspart retry-button - The small "Retry" icon button next to the badge when loading failed.
 *
 * @cssprop --xecm-approval-none-color - Text and icon colour without approval.
 * @cssprop --xecm-approval-none-background - Background without approval.
 * @cssprop --xecm-approval-draft-color - Text and icon colour of drafts.
 * @cssprop --xecm-approval-draft-background - Background of drafts.
 * @cssprop --xecm-approval-in-review-color - Text and icon colour while in review.
 * @cssprop --xecm-approval-in-review-background - Background while in review.
 * @cssprop --xecm-approval-approved-color - Text and icon colour when approved.
 * @cssprop --xecm-approval-approved-background - Background when approved.
 * @cssprop --xecm-approval-rejected-color - Text and icon colour when rejected.
 * @cssprop --xecm-approval-rejected-background - Background when rejected.
 * @cssprop --xecm-badge-radius - Corner radius (default: pill).
 * @cssprop --xecm-badge-font-size - Font size (default 0.8125rem).
 *
 * @fires xecm-load - After the state was loaded (only with `workspace-id` / `document-id`).
 * @fires xecm-error - When loading the state failed; `detail` has `code`, `message`, `status`.
 *
 * After a failed load the badge offers a retry button, and loads again by itself when the page becomes
 * visible again, the window regains focus or the browser comes back online.
 */
export class XecmApprovalBadge extends XecmDataElement {
  static override styles = [XecmDataElement.styles, approvalBadgeStyles];

  /** Load the approval of this workspace (xECM node id). */
  @property({ attribute: 'workspace-id' }) workspaceId?: string;

  /** Load the approval of this document (xECM node id). Wins over `workspace-id`. */
  @property({ attribute: 'document-id' }) documentId?: string;

  /**
   * `none`, `draft`, `in-review`, `approved` or `rejected`. Reflected, so hosts can style
   * `xecm-approval-badge[state=approved]`. Set it yourself, or let the badge load it.
   */
  @property({ reflect: true }) state?: ApprovalState;

  /** Current workflow step while in review, e.g. "Legal review". */
  @property() step?: string;

  private readonly task = new Task(this, {
    task: async ([client, workspaceId, documentId], { signal }): Promise<Approval> => {
      if (!client || !(documentId || workspaceId)) return initialState as never;
      const source = documentId
        ? await client.getDocument(documentId, { signal })
        : await client.getWorkspace(workspaceId!, { signal });
      return source.approval;
    },
    args: () => [this.bff, this.workspaceId, this.documentId] as const,
    onComplete: (approval) => {
      this.state = approval.state;
      this.step = approval.step;
      this.emit(new XecmLoadEvent());
    },
    onError: (error) => {
      // An error must not leave a stale "approved" on screen or in the host's CSS hooks.
      this.state = undefined;
      this.step = undefined;
      this.emit(new XecmErrorEvent(errorDetail(error, this.unavailableText(error))));
    },
  });

  /** A retry was made from the keyboard/pointer on the retry button: keep focus in the badge afterwards. */
  private focusAfterRetry = false;
  /** The badge has been retried once: its base may take focus (so focus is not lost to the page). */
  private retried = false;

  constructor() {
    super();
    this.watch(
      () =>
        this.documentId
          ? [`document:${this.documentId}`]
          : this.workspaceId
            ? [`workspace:${this.workspaceId}`]
            : [],
      () => void this.task.run(),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.recover);
    window.addEventListener('focus', this.recover);
    window.addEventListener('online', this.recover);
    warnWithoutClient(
      this,
      () => Boolean(this.bff),
      () => this.loads,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.recover);
    window.removeEventListener('focus', this.recover);
    window.removeEventListener('online', this.recover);
  }

  /** Loads again after a failure once the user is back (xECM may have recovered meanwhile). */
  private readonly recover = (): void => {
    if (document.visibilityState === 'hidden') return;
    if (this.loads && this.task.status === TaskStatus.ERROR) void this.task.run();
  };

  private retry(): void {
    this.focusAfterRetry = this.shadowRoot?.activeElement?.getAttribute('part') === 'retry-button';
    this.retried = true;
    void this.task.run();
  }

  /** "Approval status unavailable", with the shared wording of the cause when there is one (signed out, offline…). */
  private unavailableText(error: unknown): string {
    const t = this.localize.strings('approvalBadge');
    const { errors } = this.localize.strings('common');
    const code = isBffProblemError(error) ? error.code : 'internal';
    return Object.hasOwn(errors, code)
      ? `${t.unavailable} (${errors[code as keyof typeof errors]})`
      : t.unavailable;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.focusAfterRetry || this.task.status === TaskStatus.PENDING) return;
    this.focusAfterRetry = false;
    const target =
      this.renderRoot.querySelector<HTMLElement>('[part="retry-button"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    target?.focus();
  }

  private get loads(): boolean {
    return Boolean(this.documentId || this.workspaceId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    devCheck<ApprovalBadgeAttributes>(
      () => import('./approval-badge.warnings.js').then((m) => m.warnAboutAttributes),
      () => ({
        el: this,
        changed: new Set(changed.keys()),
        state: this.state,
        workspaceId: this.workspaceId,
        documentId: this.documentId,
      }),
    );
    const sourceChanged =
      (changed.has('workspaceId') && changed.get('workspaceId') !== undefined) ||
      (changed.has('documentId') && changed.get('documentId') !== undefined);
    // Another target: its state is unknown until loaded, the previous one must not linger.
    if (sourceChanged) {
      this.state = undefined;
      this.step = undefined;
    }
    if (changed.has('state') && this.state !== undefined && !isApprovalState(this.state)) this.state = 'none';
    if (!this.loads && this.state === undefined) this.state = 'none';
  }

  override render(): TemplateResult {
    const t = this.localize.strings('approvalBadge');
    if (this.loads && this.task.status === TaskStatus.ERROR) {
      const label = this.unavailableText(this.task.error);
      const retry = this.localize.strings('common').retry;
      return html`<span
          part="base"
          id="base"
          class="badge"
          data-status="error"
          role="img"
          aria-label=${label}
          title=${label}
          >${UNAVAILABLE_ICON}<span part="label" class="label">${t.unavailable}</span></span
        ><button
          part="retry-button"
          class="retry"
          type="button"
          aria-label=${retry}
          aria-describedby="base"
          title=${retry}
          @click=${() => this.retry()}
        >
          ${RETRY_ICON}
        </button>`;
    }
    const state = this.state;
    if (state === undefined || !isApprovalState(state)) {
      return html`<span
        part="base"
        class="badge"
        data-status="loading"
        role="img"
        aria-label=${t.loading}
        aria-busy="true"
      ></span>`;
    }
    const text = this.localize.strings('common').approval[state];
    const step = state === 'in-review' && this.step ? displayText(this.step) : undefined;
    const label = step ? t.withStep(text, step) : text;
    const pending = this.loads && this.task.status === TaskStatus.PENDING;
    return html`<span
      part="base"
      class="badge"
      data-status="ready"
      tabindex=${this.retried ? '-1' : nothing}
      role="img"
      aria-label=${label}
      title=${label}
      aria-busy=${pending ? 'true' : nothing}
      >${APPROVAL_ICONS[state]}<span part="label" class="label">${text}</span
      >${step ? html`<span part="step" class="step">${step}</span>` : nothing}</span
    >`;
  }
}
