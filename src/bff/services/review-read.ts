import type { ApprovalState, Review, ReviewOptions, ReviewTarget } from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { targetIdOf, toReview } from './review-mapping.js';
import { knownTargetKind, targetProcess, type ReviewStore } from './review-store.js';
import { offeredWorkflowIds, readProcess } from './review-upstream.js';

/** Reads reviews and what may be started on an item, always as the calling user. */
export class ReviewReader {
  constructor(
    private readonly ctx: BffContext,
    private readonly store: ReviewStore,
  ) {}

  /** `GET /v1/reviews/:id`: 404 when the process does not exist, the user may not see it, or has no item. */
  async review(user: string, id: string, signal?: AbortSignal): Promise<Review> {
    const raw = await readProcess(this.ctx, user, id, signal);
    const targetId = targetIdOf(raw);
    if (!targetId) throw new ProblemError(404, 'not-found');
    const kind = knownTargetKind(this.store, targetId, id) ?? (await this.#kindOf(user, targetId, signal));
    const review = toReview(this.ctx.config.reviews.workflows, id, { kind, id: targetId }, raw);
    if (review.state !== 'running' && kind === 'workspace') this.ctx.workspaces.invalidate(targetId);
    return review;
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
      const review = toReview(this.ctx.config.reviews.workflows, processId, target, raw);
      return review.state === 'running' ? review : undefined;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }

  async #kindOf(user: string, id: string, signal?: AbortSignal): Promise<ReviewTarget['kind']> {
    try {
      await this.ctx.documents.item(user, id, signal);
      return 'document';
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return 'workspace';
      throw error;
    }
  }
}
