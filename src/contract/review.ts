import * as z from 'zod/mini';
import { NodeId, Timestamp } from './ids.js';

export const ReviewTarget = z.object({
  kind: z.enum(['workspace', 'document']),
  id: NodeId,
});
export type ReviewTarget = z.infer<typeof ReviewTarget>;

export const WorkflowChoice = z.object({
  /** Stable key configured in the BFF, e.g. `contract-review`. */
  key: z.string(),
  name: z.string(),
});
export type WorkflowChoice = z.infer<typeof WorkflowChoice>;

export const REVIEW_STATES = ['running', 'approved', 'rejected', 'stopped'] as const;

export const Review = z.object({
  id: z.string(),
  target: ReviewTarget,
  workflow: WorkflowChoice,
  state: z.enum(REVIEW_STATES),
  /** Current step while running, e.g. "Legal review". */
  step: z.optional(z.string()),
  startedAt: Timestamp,
  updatedAt: z.optional(Timestamp),
});
export type Review = z.infer<typeof Review>;

/** Body of `POST /v1/reviews` (send an `Idempotency-Key` header too). */
export const StartReviewRequest = z.object({
  target: ReviewTarget,
  workflow: z.string().check(z.minLength(1), z.maxLength(64)),
  comment: z.optional(z.string().check(z.maxLength(1000))),
});
export type StartReviewRequest = z.infer<typeof StartReviewRequest>;

/** Why a review cannot be started now. */
export const REVIEW_BLOCKED_REASONS = ['review-running', 'not-permitted', 'no-workflows'] as const;

/** Answer of `GET /v1/reviews/options?kind=&id=`: what `<xecm-start-review>` may offer. */
export const ReviewOptions = z.object({
  workflows: z.array(WorkflowChoice),
  canStart: z.boolean(),
  reason: z.optional(z.enum(REVIEW_BLOCKED_REASONS)),
  running: z.optional(Review),
});
export type ReviewOptions = z.infer<typeof ReviewOptions>;
