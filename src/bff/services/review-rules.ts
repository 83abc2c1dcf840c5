import * as z from 'zod';
import type { Review, ReviewTarget } from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { ReviewService } from './reviews.js';

const FIELD = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a field name of the event data');

/** Where the item to review is: a node id in the event, or the workspace of a business object. */
const RuleTarget = z.union([
  z.object({ kind: z.enum(['workspace', 'document']), idField: FIELD }),
  z.object({
    kind: z.literal('workspace'),
    businessObject: z.object({
      /** Default: the `:system` the event came from. */
      system: z.string().min(1).max(64).optional(),
      boType: z.string().min(1).max(64),
      idField: FIELD,
    }),
  }),
]);

export const ReviewRule = z
  .object({
    /** LOB event type, e.g. `deal.updated`. */
    event: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/, 'must look like deal.updated'),
    /** Only events from this system (`/hooks/lob/:system`); default any. */
    system: z.string().min(1).max(64).optional(),
    /** Review workflow key (docs/reviews.md). */
    workflow: z.string().min(1).max(64),
    target: RuleTarget,
    /** Condition on one data field: a number reaching `atLeast`, or a value equal to `equals`. */
    when: z
      .object({
        field: FIELD,
        atLeast: z.number().optional(),
        equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
      })
      .refine(
        (w) => (w.atLeast === undefined) !== (w.equals === undefined),
        'give exactly one of atLeast, equals',
      )
      .optional(),
    /** The rule fires once per value of this field (e.g. `dealId`), not on every matching event. */
    onceField: FIELD,
    comment: z.string().max(1000).optional(),
  })
  .strict();
export type ReviewRule = z.infer<typeof ReviewRule>;

export const ReviewRulesConfig = z
  .object({
    /** xECM user the rules start reviews as (LOB events carry no user); needs write access to the items. */
    user: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be an xECM user name'),
    rules: z.array(ReviewRule).default([]),
  })
  .strict();
export type ReviewRulesConfig = z.infer<typeof ReviewRulesConfig>;

/** Parses the rules (file section `reviewRules`) at boot, one line per wrong setting. */
export function parseReviewRules(value: unknown, workflowKeys: readonly string[]): ReviewRulesConfig {
  const result = ReviewRulesConfig.safeParse(value);
  const problems = result.success
    ? result.data.rules.flatMap((r, i) =>
        workflowKeys.includes(r.workflow) ? [] : [`reviewRules.rules.${i}.workflow: unknown workflow key`],
      )
    : result.error.issues.map((i) => `reviewRules.${i.path.join('.')}: ${i.message}`);
  if (!result.success || problems.length > 0)
    throw new Error(`Invalid review rules:\n  - ${problems.join('\n  - ')}`);
  return result.data;
}

export interface RuleOutcome {
  rule: number;
  action: 'review-started' | 'review-running' | 'already-fired';
  review?: Review;
}

const RULE_USER = '#review-rule';

/** Applies the rules to one verified LOB event; every matching rule is tried in order. */
export class ReviewRules {
  readonly #reviews: ReviewService;

  constructor(
    private readonly config: ReviewRulesConfig,
    private readonly ctx: BffContext,
  ) {
    this.#reviews = new ReviewService(ctx);
  }

  async handle(
    system: string,
    event: { type: string; data: Record<string, unknown> },
  ): Promise<RuleOutcome[]> {
    const outcomes: RuleOutcome[] = [];
    for (const [index, rule] of this.config.rules.entries()) {
      if (rule.event !== event.type || (rule.system && rule.system !== system)) continue;
      if (!matches(rule, event.data)) continue;
      const once = scalar(event.data[rule.onceField]);
      if (once === undefined) continue;
      const onceKey = `rule:${index}:${system}:${once}`;
      if (this.ctx.reviewStore.getIdempotency(onceKey, RULE_USER)) {
        outcomes.push({ rule: index, action: 'already-fired' });
        continue;
      }
      const target = await this.#target(rule, system, event.data);
      if (!target) continue;
      let outcome: RuleOutcome;
      try {
        const { review } = await this.#reviews.start(
          this.config.user,
          { target, workflow: rule.workflow, ...(rule.comment ? { comment: rule.comment } : {}) },
          undefined,
        );
        outcome = { rule: index, action: 'review-started', review };
      } catch (error) {
        if (!(error instanceof ProblemError && error.code === 'review-running')) throw error;
        outcome = { rule: index, action: 'review-running' };
      }
      // Marked only once xECM has a review running: a failed start is retried with the next delivery.
      this.ctx.reviewStore.putIdempotency(onceKey, RULE_USER, {
        requestHash: '',
        status: 200,
        body: JSON.stringify({ reviewId: outcome.review?.id ?? null }),
        createdAt: Date.now(),
      });
      outcomes.push(outcome);
    }
    return outcomes;
  }

  async #target(
    rule: ReviewRule,
    system: string,
    data: Record<string, unknown>,
  ): Promise<ReviewTarget | undefined> {
    if ('idField' in rule.target) {
      const id = scalar(data[rule.target.idField]);
      return id && /^[0-9]{1,12}$/.test(id) ? { kind: rule.target.kind, id } : undefined;
    }
    const bo = rule.target.businessObject;
    const boId = scalar(data[bo.idField]);
    if (!boId) return undefined;
    try {
      const workspace = await this.ctx.workspaces.lookup(this.config.user, {
        system: bo.system ?? system,
        type: bo.boType,
        id: boId,
      });
      return { kind: 'workspace', id: workspace.id };
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function matches(rule: ReviewRule, data: Record<string, unknown>): boolean {
  if (!rule.when) return true;
  const value = data[rule.when.field];
  if (rule.when.atLeast !== undefined) return typeof value === 'number' && value >= rule.when.atLeast;
  return value === rule.when.equals;
}
