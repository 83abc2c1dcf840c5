import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { NODE_ID_PATTERN, type ReviewOptions, type ReviewTarget } from '../../contract/index.js';
import { reviewOptionsKey } from '../../client/keys.js';
import { XecmDataElement } from '../base/xecm-data-element.js';
import { displayText } from '../base/display-text.js';
import { devWarn } from '../base/dev-warn.js';
import { errorDetail } from '../base/error-detail.js';
import { XecmErrorEvent } from '../events/xecm-error-event.js';
import { XecmLoadEvent } from '../events/xecm-load-event.js';
import { XecmReviewStartEvent } from '../events/xecm-review-start-event.js';
import { XecmReviewStartedEvent } from '../events/xecm-review-started-event.js';
import type { startReview } from '../i18n/en/start-review.js';
import { addStyles } from '../base/add-styles.js';
import type * as ReviewDialogModule from './review-dialog.js';
import { startReviewStyles } from './start-review.styles.js';

type ReviewDialog = typeof ReviewDialogModule;

// The confirmation form loads once per page, on first need.
let dialogLoading: Promise<ReviewDialog> | undefined;
function loadDialog(): Promise<ReviewDialog> {
  return (dialogLoading ??= import('./review-dialog.js').catch((error: unknown) => {
    dialogLoading = undefined; // try again next time
    throw error;
  }));
}

export const REVIEW_TARGET_KINDS = ['workspace', 'document'] as const;
export type ReviewTargetKind = (typeof REVIEW_TARGET_KINDS)[number];

/**
 * A button that starts a review workflow on a workspace or document after an accessible confirmation.
 *
 * @summary Start a review workflow, with a confirmation dialog, workflow choice and comment.
 * @tag xecm-start-review
 *
 * @fires xecm-review-start - Before the request (cancelable): `detail: {target, workflow, comment}`.
 *   Call `preventDefault()` to veto; no request is sent.
 * @fires xecm-review-started - The review started: `detail: {review}`.
 * @fires xecm-error - Loading the options or starting the review failed (`detail.code`).
 * @fires xecm-load - The review options arrived (once per load).
 *
 * @csspart button - The "Start review" button.
 * @csspart reason - Why the button is disabled (review running, not permitted, no workflow).
 * @csspart dialog - The confirmation `<dialog>`.
 * @csspart title - The dialog title.
 * @csspart workflow - The workflow choice (radio group, or the single workflow's name).
 * @csspart comment - The comment text area.
 * @csspart error - The error message inside the dialog or next to the button.
 * @csspart actions - The dialog's button row.
 * @csspart submit - The dialog's confirm button.
 * @csspart cancel - The dialog's cancel button.
 * @csspart retry - The retry button shown when the options failed to load.
 *
 * @cssprop --xecm-start-review-accent - Background of the primary buttons.
 * @cssprop --xecm-start-review-on-accent - Text colour on the primary buttons.
 * @cssprop --xecm-start-review-dialog-background - Dialog background.
 * @cssprop --xecm-start-review-backdrop - Dialog backdrop.
 */
export class XecmStartReview extends XecmDataElement {
  static override styles = [XecmDataElement.styles, startReviewStyles];

  /** What to review: `workspace` or `document`. */
  @property({ attribute: 'target-kind', reflect: true }) targetKind: ReviewTargetKind = 'document';

  /** Node id of the workspace or document (1–12 digits). */
  @property({ attribute: 'target-id', reflect: true }) targetId?: string;

  /** Present while the start request is in flight. */
  @property({ type: Boolean, reflect: true }) pending = false;

  @state() private open = false;
  @state() private workflow?: string;
  @state() private submitError?: string;
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~="button"]') private button?: HTMLButtonElement;

  /** The confirmation form's code, once loaded. */
  private form?: ReviewDialog;

  /** One key per dialog session, reused if the user retries after a failure, so the BFF starts one review. */
  private idempotencyKey?: string;
  private freshNext = false;
  private rerunQueued = false;

  private readonly options = new Task(this, {
    task: async ([client, kind, id], { signal }) => {
      if (!client || !id || !NODE_ID_PATTERN.test(id) || !isKind(kind)) return initialState;
      const fresh = this.freshNext;
      this.freshNext = false;
      return client.getReviewOptions({ kind, id }, { signal, fresh });
    },
    args: () => [this.bff, this.targetKind, this.targetId] as const,
    onComplete: () => this.emit(new XecmLoadEvent()),
    onError: (error) =>
      this.emit(new XecmErrorEvent(errorDetail(error, this.withCause(this.t.optionsFailed, error)))),
  });

  constructor() {
    super();
    // `<kind>:<id>` fires after a start or a live event; the options key when a background refresh lands.
    this.watch(
      () => (this.target ? [`${this.target.kind}:${this.target.id}`, reviewOptionsKey(this.target)] : []),
      () => this.rerun(),
    );
  }

  private rerun(): void {
    if (this.rerunQueued) return;
    this.rerunQueued = true;
    queueMicrotask(() => {
      this.rerunQueued = false;
      void this.options.run();
    });
  }

  private retry(): void {
    this.freshNext = true;
    void this.options.run();
  }

  private get target(): ReviewTarget | undefined {
    const id = this.targetId;
    return id && NODE_ID_PATTERN.test(id) && isKind(this.targetKind)
      ? { kind: this.targetKind, id }
      : undefined;
  }

  private get t(): typeof startReview {
    return this.localize.strings('startReview');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('targetKind') && !isKind(this.targetKind))
      devWarn(this, `target-kind="${String(this.targetKind)}" must be "workspace" or "document".`);
    if (changed.has('targetId') && this.targetId !== undefined && !NODE_ID_PATTERN.test(this.targetId))
      devWarn(this, `target-id="${this.targetId}" is not a node id (1–12 digits).`);
  }

  /**
   * `message` plus the shared wording for the cause when there is one (signed out, offline, xECM down),
   * so the button says "Your session has ended" like the card and list next to it.
   */
  private withCause(message: string, error: unknown): string {
    const { errors } = this.localize.strings('common');
    const code = errorDetail(error).code;
    return Object.hasOwn(errors, code) && code !== 'forbidden' && code !== 'not-found'
      ? `${message} ${errors[code as keyof typeof errors]}`
      : message;
  }

  /** Why the review cannot start, or undefined when it can. */
  private blockedReason(opts: ReviewOptions): string | undefined {
    const t = this.t;
    const reason =
      opts.reason ??
      (opts.running ? 'review-running' : opts.workflows.length === 0 ? 'no-workflows' : undefined);
    if (opts.canStart && opts.workflows.length > 0 && !opts.running) return undefined;
    switch (reason) {
      case 'review-running':
        return opts.running?.step ? t.reasonRunningStep(displayText(opts.running.step)) : t.reasonRunning;
      case 'no-workflows':
        return t.reasonNoWorkflows;
      default:
        return t.reasonNotPermitted;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const opts = this.options.value;
    const ready = this.options.status === TaskStatus.COMPLETE && opts !== undefined;
    const failed = this.options.status === TaskStatus.ERROR;
    const reason = ready ? this.blockedReason(opts) : undefined;
    const disabled = !ready || reason !== undefined || this.pending;
    return html`
      <button
        part="button"
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-describedby=${reason || failed ? 'reason' : nothing}
        aria-haspopup="dialog"
        @click=${this.openDialog}
        @pointerenter=${this.prefetch}
        @focus=${this.prefetch}
      >
        ${this.pending ? t.submitting : t.button}
      </button>
      ${reason ? html`<span part="reason" id="reason">${reason}</span>` : nothing}
      ${
        failed
          ? html`<span part="reason error" id="reason" role="alert"
                >${this.withCause(t.optionsFailed, this.options.error)}</span
              >
              <button part="retry" @click=${() => this.retry()}>${t.retry}</button>`
          : nothing
      }
      <span class="visually-hidden" role="status"
        >${this.options.status === TaskStatus.PENDING ? t.checking : this.announcement}</span
      >
      ${this.renderDialog(ready ? opts : undefined)}
    `;
  }

  private renderDialog(opts: ReviewOptions | undefined): TemplateResult {
    const workflows = opts?.workflows ?? [];
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${
        this.open && this.form
          ? this.form.reviewFormView(this.t, {
              kind: this.targetKind === 'workspace' ? 'workspace' : 'document',
              workflows,
              selected: this.workflow ?? workflows[0]?.key,
              pending: this.pending,
              error: this.submitError,
              select: (key) => (this.workflow = key),
              submit: this.onSubmit,
              cancel: () => this.dialog?.close(),
            })
          : nothing
      }
    </dialog>`;
  }

  /** Loads the form's code (and styles) ahead of the click, when the user points at or focuses the button. */
  private readonly prefetch = (): void => {
    this.loadForm().catch(() => undefined);
  };

  private async loadForm(): Promise<ReviewDialog> {
    const form = await loadDialog();
    if (!this.form) {
      this.form = form;
      addStyles(this, form.reviewDialogStyles);
    }
    return form;
  }

  private readonly openDialog = async (): Promise<void> => {
    const ready = () => {
      const opts = this.options.value;
      return !this.pending && opts && this.options.status === TaskStatus.COMPLETE && !this.blockedReason(opts)
        ? opts
        : undefined;
    };
    if (!ready()) return;
    try {
      await this.loadForm();
    } catch {
      // The form's code could not be loaded (offline): say so in the live region and to the host.
      this.announcement = this.t.failed;
      this.emit(new XecmErrorEvent({ code: 'network', message: this.t.failed }));
      return;
    }
    const opts = ready();
    if (!opts) return;
    this.open = true;
    this.submitError = undefined;
    this.workflow = opts.workflows[0]?.key;
    this.idempotencyKey = newIdempotencyKey();
    await this.updateComplete;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('input[name="workflow"]:checked, textarea')?.focus();
  };

  private readonly onCancel = (e: Event): void => {
    // Escape while the request is in flight would hide the pending state; keep the dialog until it settles.
    if (this.pending) e.preventDefault();
  };

  private readonly onClose = (): void => {
    this.open = false;
    this.button?.focus();
  };

  private readonly onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const client = this.bff;
    const target = this.target;
    const workflows = this.options.value?.workflows ?? [];
    const workflow = workflows.find((w) => w.key === this.workflow) ?? workflows[0];
    // The pending flag is set before the first await, so a second click or Enter is ignored.
    if (this.pending || !client || !target || !workflow) return;
    const comment = (this.renderRoot.querySelector('textarea')?.value ?? '').trim();
    if (!this.emit(new XecmReviewStartEvent({ target, workflow, comment }))) {
      this.dialog?.close();
      return;
    }
    this.pending = true;
    this.submitError = undefined;
    try {
      const review = await client.startReview(
        comment === '' ? { target, workflow: workflow.key } : { target, workflow: workflow.key, comment },
        { idempotencyKey: this.idempotencyKey ?? newIdempotencyKey() },
      );
      this.pending = false;
      this.announcement = this.t.started(displayText(review.workflow.name));
      this.dialog?.close();
      // The client invalidates `<kind>:<id>`, so badges, cards and this button repaint.
      this.emit(new XecmReviewStartedEvent({ review }));
    } catch (error) {
      this.pending = false;
      const code = errorDetail(error).code;
      this.submitError =
        code === 'review-running'
          ? this.t.reasonRunning
          : code === 'forbidden'
            ? this.t.reasonNotPermitted
            : this.withCause(this.t.failed, error);
      this.emit(new XecmErrorEvent(errorDetail(error, this.submitError)));
    }
  };
}

function isKind(kind: unknown): kind is ReviewTargetKind {
  return (REVIEW_TARGET_KINDS as readonly unknown[]).includes(kind);
}

function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
