import * as z from 'zod';
import type { ReviewTarget } from '../../contract/index.js';
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
const TargetRecord = z.object({ processId: z.string(), kind: z.enum(['workspace', 'document']) });

export function targetKey(target: ReviewTarget): string {
  return `${target.kind}:${target.id}`;
}

/** Remembers that `processId` reviews `target` (the last review started through the BFF wins). */
export function rememberTargetProcess(store: ReviewStore, target: ReviewTarget, processId: string): void {
  store.putIdempotency(targetKey(target), TARGET_USER, {
    requestHash: '',
    status: 201,
    body: JSON.stringify({ processId, kind: target.kind }),
    createdAt: Date.now(),
  });
}

/** The process last started through the BFF on `target`, if any. */
export function targetProcess(store: ReviewStore, target: ReviewTarget): string | undefined {
  const record = store.getIdempotency(targetKey(target), TARGET_USER);
  if (!record) return undefined;
  const parsed = TargetRecord.safeParse(JSON.parse(record.body));
  return parsed.success ? parsed.data.processId : undefined;
}

// What the BFF knows of a process it started, by process id: Content Server's process status names
// neither the workflow map nor the reviewed item (notes F7; its attachments sit in a folder of their own).
const PROCESS_USER = '#review-process';
const ProcessRecord = z.object({
  target: z.object({ kind: z.enum(['workspace', 'document']), id: z.string().regex(/^[0-9]{1,12}$/) }),
  workflowId: z.number().int(),
});

/** What the BFF recorded when it started a process: the reviewed item and the workflow map. */
export interface StartedReview {
  target: ReviewTarget;
  workflowId: number;
}

/** Remembers the item and workflow map of a process the BFF started. */
export function rememberStartedReview(store: ReviewStore, processId: string, started: StartedReview): void {
  store.putIdempotency(processId, PROCESS_USER, {
    requestHash: '',
    status: 201,
    body: JSON.stringify({
      target: { kind: started.target.kind, id: started.target.id },
      workflowId: started.workflowId,
    }),
    createdAt: Date.now(),
  });
}

/** The item and workflow map of `processId`, when the BFF started it (undefined for processes started elsewhere). */
export function startedReview(store: ReviewStore, processId: string): StartedReview | undefined {
  const record = store.getIdempotency(processId, PROCESS_USER);
  if (!record) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    return undefined;
  }
  const parsed = ProcessRecord.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** Whether the host's shared store (`deps.store`, typed unknown there) can record reviews. */
export function isReviewStore(value: unknown): value is ReviewStore {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ReviewStore).getIdempotency === 'function' &&
    typeof (value as ReviewStore).putIdempotency === 'function'
  );
}
