import type { Review, ReviewOptions, ReviewTarget, StartReviewRequest } from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { ReviewReader } from './review-read.js';
import { ReviewStarter } from './review-start.js';

export { MemoryReviewStore, type ReviewStore } from './review-store.js';

/** Starts and reads reviews (xECM workflows on a workspace or document), always as the calling user. */
export class ReviewService {
  readonly #reader: ReviewReader;
  readonly #starter: ReviewStarter;

  constructor(ctx: BffContext) {
    this.#reader = new ReviewReader(ctx, ctx.reviewStore);
    this.#starter = new ReviewStarter(ctx, ctx.reviewStore, this.#reader);
  }

  async options(user: string, target: ReviewTarget, signal?: AbortSignal): Promise<ReviewOptions> {
    const approval = await this.#reader.approval(user, target, signal);
    let workflows: ReviewOptions['workflows'];
    try {
      workflows = await this.#reader.workflows(user, target, signal);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 403)
        return { workflows: [], canStart: false, reason: 'not-permitted' };
      throw error;
    }
    if (workflows.length === 0) return { workflows, canStart: false, reason: 'no-workflows' };
    const running = await this.#reader.running(user, target, signal);
    if (running) return { workflows, canStart: false, reason: 'review-running', running };
    if (approval === 'in-review') return { workflows, canStart: false, reason: 'review-running' };
    if (this.#starter.recentlyDenied(user, target))
      return { workflows, canStart: false, reason: 'not-permitted' };
    return { workflows, canStart: true };
  }

  /** Draft process → form update → Initiate, honouring an idempotency key (see ReviewStarter). */
  start(
    user: string,
    request: StartReviewRequest,
    idempotencyKey: string | undefined,
  ): Promise<{ review: Review; replayed: boolean }> {
    return this.#starter.start(user, request, idempotencyKey);
  }

  get(user: string, id: string, signal?: AbortSignal): Promise<Review> {
    return this.#reader.review(user, id, signal);
  }
}
