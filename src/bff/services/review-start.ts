import { createHash } from 'node:crypto';
import type { Review, ReviewTarget, StartReviewRequest } from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { toReview } from './review-mapping.js';
import type { ReviewReader } from './review-read.js';
import { rememberStartedReview, rememberTargetProcess, targetKey, type ReviewStore } from './review-store.js';
import { initiateProcess, readProcess } from './review-upstream.js';

const DENIED_TTL_MS = 5 * 60_000;

/**
 * Starts reviews: draft process → form update → Initiate as the user, one start per target (and per
 * idempotency key) at a time in this process. Remembers who xECM refused, because Content Server has no
 * cheap "may I start?" check: the refusal is learned from the start itself.
 */
export class ReviewStarter {
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #denied = new Map<string, number>();

  constructor(
    private readonly ctx: BffContext,
    private readonly store: ReviewStore,
    private readonly reader: ReviewReader,
  ) {}

  /** Did xECM refuse this user a start on this item in the last few minutes? */
  recentlyDenied(user: string, target: ReviewTarget): boolean {
    return (this.#denied.get(deniedKey(user, target)) ?? 0) > Date.now();
  }

  /**
   * With an idempotency key the same request gives the same answer without a second start; the same key
   * with a different request is a 409 `conflict`.
   */
  async start(
    user: string,
    request: StartReviewRequest,
    idempotencyKey: string | undefined,
  ): Promise<{ review: Review; replayed: boolean }> {
    const hash = requestHash(request);
    const run = async () => {
      if (idempotencyKey) {
        const previous = this.store.getIdempotency(idempotencyKey, user);
        if (previous) {
          if (previous.requestHash !== hash) {
            throw new ProblemError(409, 'conflict', {
              detail: 'This Idempotency-Key was already used for a different request.',
            });
          }
          return { review: JSON.parse(previous.body) as Review, replayed: true };
        }
      }
      const review = await this.#lock(targetKey(request.target), () => this.#start(user, request));
      if (idempotencyKey) {
        this.store.putIdempotency(idempotencyKey, user, {
          requestHash: hash,
          status: 201,
          body: JSON.stringify(review),
          createdAt: Date.now(),
        });
      }
      return { review, replayed: false };
    };
    return idempotencyKey ? this.#lock(`idem\n${user}\n${idempotencyKey}`, run) : run();
  }

  async #start(user: string, request: StartReviewRequest): Promise<Review> {
    const { target } = request;
    const workflow = this.ctx.config.reviews.workflows.find((w) => w.key === request.workflow);
    if (!workflow) {
      throw new ProblemError(400, 'bad-request', {
        detail: 'Unknown workflow key.',
        errors: [{ path: 'workflow', message: 'is not a configured review workflow' }],
      });
    }
    if (target.kind === 'workspace') this.ctx.workspaces.invalidate(target.id);
    const approval = await this.reader.approval(user, target);
    const running = await this.reader.running(user, target);
    if (running || approval === 'in-review') {
      throw new ProblemError(409, 'review-running', {
        detail: 'A review of this item is already running.',
      });
    }
    const offered = await this.reader.workflows(user, target);
    if (!offered.some((w) => w.key === workflow.key)) {
      throw new ProblemError(409, 'conflict', { detail: 'This workflow cannot be started on this item.' });
    }
    let processId: string;
    try {
      processId = await initiateProcess(this.ctx, user, target, workflow, request.comment ?? '');
    } catch (error) {
      if (error instanceof ProblemError && error.status === 403)
        this.#denied.set(deniedKey(user, target), Date.now() + DENIED_TTL_MS);
      throw error;
    }
    const started = { target, workflowId: workflow.workflowId };
    rememberStartedReview(this.store, processId, started);
    rememberTargetProcess(this.store, target, processId);
    if (target.kind === 'workspace') this.ctx.workspaces.invalidate(target.id);
    return toReview(
      this.ctx.config.reviews.workflows,
      processId,
      started,
      await readProcess(this.ctx, user, processId),
    );
  }

  async #lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    this.#locks.set(key, next);
    try {
      return await next;
    } finally {
      if (this.#locks.get(key) === next) this.#locks.delete(key);
    }
  }
}

function deniedKey(user: string, target: ReviewTarget): string {
  return `${user}\n${targetKey(target)}`;
}

function requestHash(request: StartReviewRequest): string {
  const canonical = JSON.stringify([
    request.target.kind,
    request.target.id,
    request.workflow,
    request.comment ?? '',
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
