import type { DomainEvent, Topic } from '../../contract/index.js';
import type { Store, StoredEvent } from '../store/store.js';
import { auditEventId } from './xecm-event-id.js';
import {
  XECM_AUDIT_TYPES,
  type XecmAuditEntry,
  type XecmEventsSource,
  type XecmNodeState,
} from './xecm-events-source.js';

export interface DetectorOptions {
  store: Store;
  source: XecmEventsSource;
  /** Topics to poll for (open live streams, subscriptions' known targets). */
  watched: () => readonly Topic[];
  /** Told with each batch of newly committed events (SSE hub publish, relay wake-up). */
  onEvents?: (events: StoredEvent[]) => void;
  onError?: (error: unknown) => void;
  /** Interval while something is watched; default 2 s. */
  activeIntervalMs?: number;
  /** Longest interval when idle; default 30 s. */
  idleIntervalMs?: number;
}

/** The DomainEvent for one audit entry, named from the node's state; null for changes we do not publish. */
export function auditToDomainEvent(
  topic: Topic,
  entry: XecmAuditEntry,
  state: XecmNodeState,
): DomainEvent | null {
  const [kind, nodeId] = topic.split(':') as ['workspace' | 'document', string];
  const base = {
    id: auditEventId(entry.id),
    occurredAt: entry.date,
    ...(kind === 'workspace' ? { workspaceId: nodeId } : { documentId: nodeId }),
  };
  const approval = state.approvalStatus;
  const subject = state.isDocument ? 'document' : 'workspace';
  switch (entry.eventType) {
    case XECM_AUDIT_TYPES.create:
      return state.isDocument ? { ...base, type: 'document.added', data: {} } : null;
    case XECM_AUDIT_TYPES.addVersion:
      return state.isDocument ? { ...base, type: 'document.revised', data: {} } : null;
    case XECM_AUDIT_TYPES.categoryChange:
      // Only a decision is announced (the callout does the same): the current value names it.
      if (state.isDocument && (approval === 'Approved' || approval === 'Rejected')) {
        return {
          ...base,
          type: approval === 'Approved' ? 'document.approved' : 'document.rejected',
          data: { approvalStatus: approval },
        };
      }
      return null;
    case XECM_AUDIT_TYPES.update:
      return subject === 'workspace' ? { ...base, type: 'workspace.updated', data: {} } : null;
    case XECM_AUDIT_TYPES.workflowInitiated:
      return { ...base, type: 'review.started', data: {} };
    case XECM_AUDIT_TYPES.workflowStep:
      return { ...base, type: 'review.step-changed', data: {} };
    case XECM_AUDIT_TYPES.workflowCompleted:
      return { ...base, type: 'review.completed', data: approval ? { approvalStatus: approval } : {} };
    default:
      return null;
  }
}

/**
 * Polls xECM's audit trail of every watched node since a per-node cursor; the cursor moves in the same
 * transaction as the events it produced, so a crash neither loses nor repeats a change.
 */
export class ChangeDetector {
  readonly #o: DetectorOptions;
  #timer: NodeJS.Timeout | undefined;
  #idleRounds = 0;
  #running = false;

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

  #schedule(ms: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      void this.pollOnce().then(
        (watched) => this.#schedule(this.#nextInterval(watched)),
        (error: unknown) => {
          this.#o.onError?.(error);
          this.#schedule(this.#nextInterval(0));
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

  /** One round over every watched topic; returns how many topics were polled. */
  async pollOnce(): Promise<number> {
    const topics = [...new Set(this.#o.watched())];
    for (const topic of topics) {
      try {
        await this.#pollTopic(topic);
      } catch (error) {
        this.#o.onError?.(error);
      }
    }
    return topics.length;
  }

  async #pollTopic(topic: Topic): Promise<void> {
    const nodeId = topic.slice(topic.indexOf(':') + 1);
    const cursorKey = `audit:${nodeId}`;
    const cursor = parseCursor(this.#o.store.getCursor(cursorKey));
    if (cursor === null) {
      // First sight of this node: history is not news; start after everything up to its newest second.
      const [newest] = await this.#o.source.audit(nodeId, null);
      const at = newest ? await this.#o.source.audit(nodeId, newest.date) : [];
      this.#o.store.commitDetection(
        cursorKey,
        formatCursor(at, newest?.date ?? new Date(0).toISOString()),
        [],
      );
      return;
    }
    // The audit filter is inclusive and second-granular: entries of the cursor's second come again.
    const entries = (await this.#o.source.audit(nodeId, cursor.date)).filter(
      (e) => !(e.date === cursor.date && cursor.ids.has(e.id)),
    );
    if (entries.length === 0) return;
    const state = await this.#o.source.nodeState(nodeId);
    const events = entries.flatMap((e) => auditToDomainEvent(topic, e, state) ?? []);
    const newestDate = entries[entries.length - 1]!.date;
    const sameSecond = entries.filter((e) => e.date === newestDate);
    const carried = newestDate === cursor.date ? [...cursor.ids].map((id) => ({ id, date: newestDate })) : [];
    const stored = this.#o.store.commitDetection(
      cursorKey,
      formatCursor([...carried, ...sameSecond], newestDate),
      events,
    );
    if (stored.length > 0) this.#o.onEvents?.(stored);
  }
}

interface AuditCursor {
  date: string;
  ids: Set<number>;
}

function formatCursor(entries: readonly { id: number; date: string }[], date: string): string {
  return JSON.stringify({ date, ids: entries.filter((e) => e.date === date).map((e) => e.id) });
}

function parseCursor(raw: string | null): AuditCursor | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as { date?: unknown; ids?: unknown };
    if (typeof value.date !== 'string' || !Array.isArray(value.ids)) return null;
    return { date: value.date, ids: new Set(value.ids.filter((n): n is number => typeof n === 'number')) };
  } catch {
    return null;
  }
}
