import {
  LOOKUP_BATCH_MAX,
  type LookupItem,
  type LookupResult,
  type WorkspaceSummary,
} from '../contract/index.js';
import { abortable } from './abort.js';
import { BffProblemError } from './bff-problem-error.js';
import { businessObjectKey } from './keys.js';

/** Sends one batch; must answer one result per item, in order. */
export type SendBatch = (items: LookupItem[], signal: AbortSignal) => Promise<LookupResult[]>;

interface Pending {
  item: LookupItem;
  waiters: number;
  promise: Promise<WorkspaceSummary>;
  resolve: (ws: WorkspaceSummary) => void;
  reject: (error: unknown) => void;
  /** Set once the item is sent; aborted when every item of that request lost all its callers. */
  inFlight?: { controller: AbortController; items: Pending[] };
}

export function lookupItemKey(item: LookupItem): string {
  return 'workspaceId' in item ? `id:${item.workspaceId}` : businessObjectKey(item);
}

/**
 * Coalesces every lookup requested during one task (all the cards a page renders at once) into a
 * single `lookup:batch` request, deduplicating identical items. A macrotask boundary is used rather
 * than a microtask because Lit elements update in separate microtasks.
 */
export class LookupBatcher {
  readonly #send: SendBatch;
  #queue = new Map<string, Pending>();
  #scheduled = false;

  constructor(send: SendBatch) {
    this.#send = send;
  }

  enqueue(item: LookupItem, signal?: AbortSignal): Promise<WorkspaceSummary> {
    const key = lookupItemKey(item);
    let pending = this.#queue.get(key);
    if (!pending) {
      let resolve!: (ws: WorkspaceSummary) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<WorkspaceSummary>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => undefined);
      pending = { item, waiters: 0, promise, resolve, reject };
      this.#queue.set(key, pending);
      this.#schedule();
    }
    const entry = pending;
    entry.waiters++;
    return abortable(entry.promise, signal, () => {
      entry.waiters--;
      const flight = entry.inFlight;
      if (flight && flight.items.every((p) => p.waiters <= 0)) flight.controller.abort();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => {
      this.#scheduled = false;
      const queued = [...this.#queue.values()];
      this.#queue = new Map();
      // Items everyone gave up on before the flush are not sent at all.
      const live = queued.filter((p) => p.waiters > 0);
      for (let i = 0; i < live.length; i += LOOKUP_BATCH_MAX) {
        void this.#flush(live.slice(i, i + LOOKUP_BATCH_MAX));
      }
    }, 0);
  }

  async #flush(batch: Pending[]): Promise<void> {
    const controller = new AbortController();
    for (const pending of batch) pending.inFlight = { controller, items: batch };
    try {
      const results = await this.#send(
        batch.map((p) => p.item),
        controller.signal,
      );
      batch.forEach((pending, i) => {
        const result = results[i];
        if (!result) {
          pending.reject(
            BffProblemError.local('bad-response', 200, 'The lookup answer has fewer results than items.'),
          );
        } else if (result.ok) {
          pending.resolve(result.workspace);
        } else {
          pending.reject(new BffProblemError(result.problem));
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
