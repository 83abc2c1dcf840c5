import { createHash } from 'node:crypto';
import * as z from 'zod';
import type {
  ApprovalState,
  Review,
  ReviewOptions,
  ReviewTarget,
  StartReviewRequest,
} from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import type { IdempotencyRecord } from '../store/store.js';

/** The part of the durable store reviews need: idempotency records (also used to remember running reviews). */
export interface ReviewStore {
  getIdempotency(key: string, user: string): IdempotencyRecord | null;
  putIdempotency(key: string, user: string, record: IdempotencyRecord): void;
}

/** Used when the host passes no store (tests building the app alone): lost on restart. */
export class MemoryReviewStore implements ReviewStore {
  readonly #records = new Map<string, IdempotencyRecord>();
  getIdempotency(key: string, user: string): IdempotencyRecord | null {
    return this.#records.get(`${user}\n${key}`) ?? null;
  }
  putIdempotency(key: string, user: string, record: IdempotencyRecord): void {
    this.#records.set(`${user}\n${key}`, record);
  }
}

// Records of "which process reviews this target" live under a user name no xECM user can have.
const TARGET_USER = '#review-target';
const DENIED_TTL_MS = 5 * 60_000;

const RawStep = z.looseObject({
  task_name: z.string(),
  task_action: z.string().nullish(),
  task_start_date: z.string().nullish(),
  task_end_date: z.string().nullish(),
});
const RawProcess = z.looseObject({
  results: z.looseObject({
    data_packages: z.array(z.looseObject({ TYPE: z.number(), USERDATA: z.unknown() })).nullish(),
    step_list: z.looseObject({
      completed: z.array(RawStep).nullish(),
      current: z.array(RawStep).nullish(),
    }),
    wf_details: z.looseObject({
      status: z.string(),
      workflow_id: z.number().int(),
      wf_name: z.string().nullish(),
      date_initiated: z.string().nullish(),
      target_ids: z.array(z.number().int()).nullish(),
    }),
  }),
});
type RawProcess = z.infer<typeof RawProcess>;
const RawDocWorkflows = z.looseObject({
  results: z.looseObject({ data: z.array(z.looseObject({ DataID: z.number().int(), Name: z.string() })) }),
});
const RawDraft = z.looseObject({ results: z.looseObject({ draftprocess_id: z.number().int() }) });
const RawInitiate = z.looseObject({ results: z.looseObject({ process_id: z.number().int() }) });
const TargetRecord = z.object({ processId: z.string(), kind: z.enum(['workspace', 'document']) });

const ISO = z.iso.datetime({ offset: true });
const iso = (value: string | null | undefined): string | undefined =>
  value && ISO.safeParse(value).success ? value : undefined;

/** Starts and reads reviews (xECM workflows on a workspace or document), always as the calling user. */
export class ReviewService {
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #denied = new Map<string, number>();

  constructor(
    private readonly ctx: BffContext,
    private readonly store: ReviewStore,
  ) {}

  async options(user: string, target: ReviewTarget, signal?: AbortSignal): Promise<ReviewOptions> {
    const approval = await this.#approval(user, target, signal);
    let workflows: ReviewOptions['workflows'];
    try {
      workflows = await this.#workflows(user, target, signal);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 403)
        return { workflows: [], canStart: false, reason: 'not-permitted' };
      throw error;
    }
    if (workflows.length === 0) return { workflows, canStart: false, reason: 'no-workflows' };
    const running = await this.#running(user, target, signal);
    if (running) return { workflows, canStart: false, reason: 'review-running', running };
    if (approval === 'in-review') return { workflows, canStart: false, reason: 'review-running' };
    if ((this.#denied.get(deniedKey(user, target)) ?? 0) > Date.now())
      return { workflows, canStart: false, reason: 'not-permitted' };
    return { workflows, canStart: true };
  }

  /**
   * Draft process → form update → Initiate. With an idempotency key the same request gives the same answer
   * without a second start; the same key with a different request is a 409 `conflict`.
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

  async get(user: string, id: string, signal?: AbortSignal): Promise<Review> {
    const raw = await this.#process(user, id, signal);
    const targetId = targetIdOf(raw);
    if (!targetId) throw new ProblemError(404, 'not-found');
    const known = this.#targetRecordByProcess(targetId, id);
    const kind = known ?? (await this.#kindOf(user, targetId, signal));
    const review = this.#toReview(id, { kind, id: targetId }, raw);
    if (review.state !== 'running' && kind === 'workspace') this.ctx.workspaces.invalidate(targetId);
    return review;
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
    const approval = await this.#approval(user, target);
    const running = await this.#running(user, target);
    if (running || approval === 'in-review') {
      throw new ProblemError(409, 'review-running', {
        detail: 'A review of this item is already running.',
      });
    }
    const offered = await this.#workflows(user, target);
    if (!offered.some((w) => w.key === workflow.key)) {
      throw new ProblemError(409, 'conflict', { detail: 'This workflow cannot be started on this item.' });
    }
    let processId: string;
    try {
      processId = await this.#initiate(user, target, workflow, request.comment ?? '');
    } catch (error) {
      if (error instanceof ProblemError && error.status === 403)
        this.#denied.set(deniedKey(user, target), Date.now() + DENIED_TTL_MS);
      throw error;
    }
    this.store.putIdempotency(targetKey(target), TARGET_USER, {
      requestHash: '',
      status: 201,
      body: JSON.stringify({ processId, kind: target.kind }),
      createdAt: Date.now(),
    });
    if (target.kind === 'workspace') this.ctx.workspaces.invalidate(target.id);
    return this.#toReview(processId, target, await this.#process(user, processId));
  }

  async #initiate(
    user: string,
    target: ReviewTarget,
    workflow: { workflowId: number; name: string },
    comment: string,
  ): Promise<string> {
    const write = (method: 'POST' | 'PUT', path: string, body: object) => ({
      method,
      path,
      form: { body: JSON.stringify(body) },
    });
    const draft = await this.ctx.xecm.json(
      user,
      write('POST', '/v2/draftprocesses', { workflow_id: workflow.workflowId, doc_ids: target.id }),
      RawDraft,
    );
    const draftPath = `/v2/draftprocesses/${draft.results.draftprocess_id}`;
    await this.ctx.xecm.json(
      user,
      write('PUT', draftPath, { action: 'formUpdate', values: { WorkflowForm_Title: workflow.name } }),
      z.unknown(),
    );
    const initiated = await this.ctx.xecm.json(
      user,
      write('PUT', draftPath, { action: 'Initiate', comment }),
      RawInitiate,
    );
    return String(initiated.results.process_id);
  }

  async #workflows(user: string, target: ReviewTarget, signal?: AbortSignal) {
    const raw = await this.ctx.xecm.json(
      user,
      { method: 'GET', path: '/v2/docworkflows', query: { doc_id: target.id }, signal },
      RawDocWorkflows,
    );
    const available = new Set(raw.results.data.map((w) => w.DataID));
    return this.ctx.config.reviews.workflows
      .filter((w) => available.has(w.workflowId))
      .map((w) => ({ key: w.key, name: w.name }));
  }

  async #approval(user: string, target: ReviewTarget, signal?: AbortSignal): Promise<ApprovalState> {
    const item =
      target.kind === 'document'
        ? await this.ctx.documents.item(user, target.id, signal)
        : await this.ctx.workspaces.summary(user, target.id, signal);
    return item.approval.state;
  }

  /** The running review of a target, if we started one that is still running and the user may see. */
  async #running(user: string, target: ReviewTarget, signal?: AbortSignal): Promise<Review | undefined> {
    const record = this.store.getIdempotency(targetKey(target), TARGET_USER);
    if (!record) return undefined;
    const parsed = TargetRecord.safeParse(JSON.parse(record.body));
    if (!parsed.success) return undefined;
    try {
      const raw = await this.#process(user, parsed.data.processId, signal);
      const review = this.#toReview(parsed.data.processId, target, raw);
      return review.state === 'running' ? review : undefined;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }

  #process(user: string, id: string, signal?: AbortSignal): Promise<RawProcess> {
    return this.ctx.xecm.json(
      user,
      { method: 'GET', path: `/v2/workflows/status/processes/${id}`, signal },
      RawProcess,
    );
  }

  #targetRecordByProcess(targetId: string, processId: string): ReviewTarget['kind'] | undefined {
    for (const kind of ['document', 'workspace'] as const) {
      const record = this.store.getIdempotency(targetKey({ kind, id: targetId }), TARGET_USER);
      const parsed = record ? TargetRecord.safeParse(JSON.parse(record.body)) : undefined;
      if (parsed?.success && parsed.data.processId === processId) return kind;
    }
    return undefined;
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

  #toReview(id: string, target: ReviewTarget, raw: RawProcess): Review {
    const { wf_details: details, step_list: steps } = raw.results;
    const configured = this.ctx.config.reviews.workflows.find((w) => w.workflowId === details.workflow_id);
    const completed = steps.completed ?? [];
    const current = steps.current ?? [];
    const state: Review['state'] =
      details.status === 'completed'
        ? completed.some((s) => s.task_action === 'Reject')
          ? 'rejected'
          : 'approved'
        : details.status === 'stopped'
          ? 'stopped'
          : 'running';
    const startedAt = iso(details.date_initiated) ?? new Date().toISOString();
    const ends = completed.map((s) => iso(s.task_end_date)).filter((d): d is string => d !== undefined);
    return {
      id,
      target,
      workflow: configured
        ? { key: configured.key, name: configured.name }
        : { key: `workflow-${details.workflow_id}`, name: details.wf_name ?? 'Workflow' },
      state,
      ...(state === 'running' && current[0] ? { step: current[0].task_name } : {}),
      startedAt,
      updatedAt: ends.sort().pop() ?? startedAt,
    };
  }

  /** One start per target (and per idempotency key) at a time in this process. */
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

function targetKey(target: ReviewTarget): string {
  return `${target.kind}:${target.id}`;
}

function deniedKey(user: string, target: ReviewTarget): string {
  return `${user}\n${targetKey(target)}`;
}

function targetIdOf(raw: RawProcess): string | undefined {
  const pkg = raw.results.data_packages?.find((p) => p.TYPE === 1);
  const first = typeof pkg?.USERDATA === 'string' ? pkg.USERDATA.split(',')[0] : undefined;
  const id = first ?? raw.results.wf_details.target_ids?.[0]?.toString();
  return id && /^[0-9]{1,12}$/.test(id) ? id : undefined;
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
