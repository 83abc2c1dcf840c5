import { APPROVAL_STATES, type ApprovalState, type DomainEvent, type Topic } from '../../contract/index.js';
import type { Store, StoredEvent } from '../store/store.js';
import { auditToDomainEvents } from './audit-mapping.js';
import {
  advancedCursor,
  initialCursor,
  parseDatedCursor,
  unseen,
  type Dated,
  type DatedCursor,
} from './dated-cursor.js';
import { createdEventId } from './xecm-event-id.js';
import type { XecmEventsSource } from './xecm-events-source.js';

export { auditToDomainEvents } from './audit-mapping.js';

/** What a poller names from fresh items, and what it remembers about the item for the next look. */
interface Named {
  events: DomainEvent[];
  memo?: string;
}

const asApproval = (memo: string | undefined): ApprovalState | undefined =>
  (APPROVAL_STATES as readonly string[]).includes(memo ?? '') ? (memo as ApprovalState) : undefined;

export interface DetectorOptions {
  store: Store;
  source: XecmEventsSource;
  /** Topics to poll for (open live streams). */
  watched: () => readonly Topic[];
  /**
   * When a topic started being watched (ms since epoch). On the first look at a topic, what changed since
   * then (less FIRST_SIGHT_MARGIN_MS) is news; without it, everything up to the first look is history.
   */
  watchedSince?: (topic: Topic) => number | undefined;
  /** Does anyone want `workspace.created` (a subscription)? Nobody watches a workspace before it exists. */
  wantsNewWorkspaces?: () => boolean;
  /** Told with each batch of newly committed events (SSE hub publish, relay wake-up). */
  onEvents?: (events: StoredEvent[]) => void;
  onError?: (error: unknown) => void;
  /** Interval while something is watched; default 2 s. */
  activeIntervalMs?: number;
  /** Longest interval when idle; default 30 s. */
  idleIntervalMs?: number;
}

/** Shortest time between the starts of two rounds when streams open (see wake). */
const WAKE_GAP_MS = 500;

/**
 * A page reads its state and opens its stream at about the same time, and the xECM clock may be a little
 * off the BFF's: changes this long before the stream opened are still reported on the first look (a
 * repeat costs the page one refetch; a miss would leave it stale).
 */
const FIRST_SIGHT_MARGIN_MS = 5000;

/** Cursor keys in the store. */
const CURSORS = {
  audit: (nodeId: string) => `audit:${nodeId}`,
  documents: (workspaceId: string) => `documents:${workspaceId}`,
  workspaces: 'workspaces:created',
} as const;

/**
 * Polls xECM for what is watched, once per interval: the audit trail of every watched node, the documents
 * created inside every watched workspace, and new workspaces while a subscription wants them. Each read
 * resumes from a cursor that moves in the same transaction as the events it produced, so a crash neither
 * loses nor repeats a change.
 */
export class ChangeDetector {
  readonly #o: DetectorOptions;
  #timer: NodeJS.Timeout | undefined;
  #idleRounds = 0;
  #running = false;
  #polling = false;
  #wakeRequested = false;
  #lastRoundAt = 0;

  constructor(options: DetectorOptions) {
    this.#o = options;
  }

  start(): void {
    this.#running = true;
    this.#schedule(0);
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  /**
   * Polls soon instead of at the end of an idle back-off: a newly watched topic gets its first look (its
   * cursor) at once, so a change made right after a stream opens is news, not history. Rounds started this
   * way are at least WAKE_GAP_MS apart, however many streams open.
   */
  wake(): void {
    if (!this.#running) return;
    if (this.#polling) {
      this.#wakeRequested = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#idleRounds = 0;
    this.#schedule(Math.max(0, this.#lastRoundAt + WAKE_GAP_MS - Date.now()));
  }

  #schedule(ms: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      this.#polling = true;
      this.#lastRoundAt = Date.now();
      this.#wakeRequested = false;
      const next = (interval: number) => {
        this.#polling = false;
        this.#schedule(this.#wakeRequested ? Math.min(interval, WAKE_GAP_MS) : interval);
      };
      void this.pollOnce().then(
        (watched) => next(this.#nextInterval(watched)),
        (error: unknown) => {
          this.#o.onError?.(error);
          next(this.#nextInterval(0));
        },
      );
    }, ms);
    this.#timer.unref();
  }

  #nextInterval(watched: number): number {
    const active = this.#o.activeIntervalMs ?? 2000;
    const idle = this.#o.idleIntervalMs ?? 30_000;
    if (watched > 0) {
      this.#idleRounds = 0;
      return active;
    }
    this.#idleRounds++;
    return Math.min(active * 2 ** this.#idleRounds, idle);
  }

  /** One round over everything watched; returns how many things were polled (0 = idle). */
  async pollOnce(): Promise<number> {
    const topics = [...new Set(this.#o.watched())];
    const attempt = async (poll: () => Promise<void>) => {
      try {
        await poll();
      } catch (error) {
        this.#o.onError?.(error);
      }
    };
    for (const topic of topics) await attempt(() => this.#pollAudit(topic));
    for (const topic of topics) {
      if (!topic.startsWith('workspace:')) continue;
      const workspaceId = topic.slice('workspace:'.length);
      await attempt(() => this.#pollDocuments(workspaceId));
    }
    let newWorkspaces = false;
    await attempt(async () => {
      newWorkspaces = this.#o.wantsNewWorkspaces?.() ?? false;
      if (newWorkspaces) await this.#pollWorkspaces();
      else this.#forget(CURSORS.workspaces);
    });
    return topics.length + (newWorkspaces ? 1 : 0);
  }

  /** The node's audit trail; the cursor remembers its approval state to tell decisions from other edits. */
  async #pollAudit(topic: Topic): Promise<void> {
    const nodeId = topic.slice(topic.indexOf(':') + 1);
    await this.#pollDated(
      CURSORS.audit(nodeId),
      this.#firstSight(topic),
      (since) => this.#o.source.audit(nodeId, since),
      async (entries, memo) => {
        const state = await this.#o.source.nodeState(nodeId);
        return { events: auditToDomainEvents(topic, entries, state, asApproval(memo)), memo: state.approval };
      },
      async () => (await this.#o.source.nodeState(nodeId)).approval,
    );
  }

  async #pollDocuments(workspaceId: string): Promise<void> {
    await this.#pollDated(
      CURSORS.documents(workspaceId),
      this.#firstSight(`workspace:${workspaceId}`),
      (since) => this.#o.source.newDocuments(workspaceId, since),
      async (nodes) => ({
        events: nodes.map((n) => ({
          id: createdEventId(n.id),
          type: 'document.added',
          occurredAt: n.date,
          workspaceId,
          documentId: n.id,
          data: {},
        })),
      }),
    );
  }

  async #pollWorkspaces(): Promise<void> {
    await this.#pollDated(
      CURSORS.workspaces,
      undefined,
      (since) => this.#o.source.newWorkspaces(since),
      async (nodes) => ({
        events: nodes.map((n) => ({
          id: createdEventId(n.id),
          type: 'workspace.created',
          occurredAt: n.date,
          workspaceId: n.id,
          data: {},
        })),
      }),
    );
  }

  /** Clears a cursor nobody needs, so resuming later starts from then instead of replaying the pause. */
  #forget(key: string): void {
    if (this.#o.store.getCursor(key) !== null) this.#o.store.commitDetection(key, null, []);
  }

  /** Where the first look at a topic starts (second-granular ISO date), when the hub knows. */
  #firstSight(topic: Topic): string | undefined {
    const since = this.#o.watchedSince?.(topic);
    if (since === undefined) return undefined;
    return new Date(since - FIRST_SIGHT_MARGIN_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /**
   * Reads what is new since the cursor, names it, and commits events and cursor together. `firstMemo` gives
   * the memo of a first look that finds nothing new (what the item is like before any news).
   */
  async #pollDated<T extends Dated>(
    cursorKey: string,
    firstSight: string | undefined,
    read: (since: string | null) => Promise<T[]>,
    name: (fresh: T[], memo: string | undefined) => Promise<Named>,
    firstMemo?: () => Promise<string>,
  ): Promise<void> {
    let cursor: DatedCursor | null = parseDatedCursor(this.#o.store.getCursor(cursorKey));
    const firstLook = cursor === null;
    if (cursor === null) {
      if (firstSight === undefined) {
        // First sight, start unknown: history is not news; start after everything up to the newest second.
        const [newest] = await read(null);
        const atNewest = newest ? await read(newest.date) : [];
        const memo = await firstMemo?.();
        this.#o.store.commitDetection(cursorKey, initialCursor(atNewest, newest?.date, memo), []);
        return;
      }
      // First sight of a topic a stream opened at a known time: what changed since then is news.
      cursor = { date: firstSight, ids: new Set() };
    }
    const fresh = unseen(await read(cursor.date), cursor);
    if (fresh.length === 0) {
      if (firstLook) {
        const memo = await firstMemo?.();
        this.#o.store.commitDetection(cursorKey, JSON.stringify({ date: cursor.date, ids: [], memo }), []);
      }
      return;
    }
    const named = await name(fresh, cursor.memo);
    const next = advancedCursor(cursor, fresh, named.memo);
    const stored = this.#o.store.commitDetection(cursorKey, next, named.events);
    if (stored.length > 0) this.#o.onEvents?.(stored);
  }
}
