import type { ApprovalState, Review, ReviewOptions, ReviewTarget } from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { isCompleted, toReview } from './review-mapping.js';
import { startedReview, targetProcess, type ReviewStore } from './review-store.js';
import { offeredWorkflowIds, readProcess } from './review-upstream.js';

/** Reads reviews and what may be started on an item, always as the calling user. */
export class ReviewReader {
  constructor(
    private readonly ctx: BffContext,
    private readonly store: ReviewStore,
  ) {}

  /**
   * `GET /v1/reviews/:id`: 404 when the process does not exist, the user may not see it, or the BFF did
   * not start it. The reviewed item comes from the review store: Content Server's process status names
   * only the attachment folder (notes F7, §2.4), so for a process started inside xECM the item is
   * unknown and the BFF does not guess it.
   */
  async review(user: string, id: string, signal?: AbortSignal): Promise<Review> {
    const started = startedReview(this.store, id);
    if (!started) throw new ProblemError(404, 'not-found');
    // Read as the user even though the store knows the process: xECM decides who may see it.
    const raw = await readProcess(this.ctx, user, id, signal);
    const outcome = isCompleted(raw) ? await this.#outcome(user, started.target, signal) : undefined;
    const review = toReview(this.ctx.config.reviews.workflows, id, started, raw, outcome);
    if (review.state !== 'running' && started.target.kind === 'workspace')
      this.ctx.workspaces.invalidate(started.target.id);
    return review;
  }

  /**
   * How a completed review ended, from the item's Approval Status (the workflow writes Approved or
   * Rejected there): the process status documents no step outcome (notes F7). Undefined when the item
   * says neither (changed since) or the user can no longer see it.
   */
  async #outcome(
    user: string,
    target: ReviewTarget,
    signal?: AbortSignal,
  ): Promise<'approved' | 'rejected' | undefined> {
    if (target.kind === 'workspace') this.ctx.workspaces.invalidate(target.id);
    try {
      const state = await this.approval(user, target, signal);
      return state === 'approved' || state === 'rejected' ? state : undefined;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** The configured workflows xECM offers on this item. */
  async workflows(
    user: string,
    target: ReviewTarget,
    signal?: AbortSignal,
  ): Promise<ReviewOptions['workflows']> {
    const available = await offeredWorkflowIds(this.ctx, user, target, signal);
    return this.ctx.config.reviews.workflows
      .filter((w) => available.has(w.workflowId))
      .map((w) => ({ key: w.key, name: w.name }));
  }

  async approval(user: string, target: ReviewTarget, signal?: AbortSignal): Promise<ApprovalState> {
    const item =
      target.kind === 'document'
        ? await this.ctx.documents.item(user, target.id, signal)
        : await this.ctx.workspaces.summary(user, target.id, signal);
    return item.approval.state;
  }

  /** The running review of a target, if we started one that is still running and the user may see. */
  async running(user: string, target: ReviewTarget, signal?: AbortSignal): Promise<Review | undefined> {
    const processId = targetProcess(this.store, target);
    if (!processId) return undefined;
    try {
      const raw = await readProcess(this.ctx, user, processId, signal);
      // Recorded at start; a record written before workflows were recorded leaves the workflow unknown.
      const workflowId = startedReview(this.store, processId)?.workflowId;
      const review = toReview(this.ctx.config.reviews.workflows, processId, { target, workflowId }, raw);
      return review.state === 'running' ? review : undefined;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }
}
