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

/** The kind of target `processId` was started on through the BFF, when this store knows it. */
export function knownTargetKind(
  store: ReviewStore,
  targetId: string,
  processId: string,
): ReviewTarget['kind'] | undefined {
  for (const kind of ['document', 'workspace'] as const) {
    if (targetProcess(store, { kind, id: targetId }) === processId) return kind;
  }
  return undefined;
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
