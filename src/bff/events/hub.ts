import type { DomainEvent, Topic } from '../../contract/index.js';
import type { Store, StoredEvent } from '../store/store.js';

/** What an SSE stream sends: an event with its outbox sequence as id, or a request to refetch everything. */
export type HubMessage = { kind: 'event'; seq: number; event: DomainEvent } | { kind: 'resync'; seq: number };

export interface HubSubscription {
  close(): void;
}

/** Fans committed events out to open live streams. */
export interface Broadcaster {
  /** Called after events are committed to the outbox. */
  publish(events: readonly StoredEvent[]): void;
  /** null when the user already has the maximum number of streams open. */
  subscribe(
    user: string,
    topics: readonly Topic[],
    listener: (message: HubMessage) => void,
  ): HubSubscription | null;
  /** Events after `lastEventId` for these topics, or a resync when the outbox no longer holds them all. */
  replay(lastEventId: number, topics: readonly Topic[]): HubMessage[];
  /** Topics currently watched by at least one stream (the detector polls for these). */
  watchedTopics(): Topic[];
}

/** The topics an event belongs to. */
export function topicsOf(event: DomainEvent): Topic[] {
  const topics: Topic[] = [];
  if (event.workspaceId) topics.push(`workspace:${event.workspaceId}`);
  if (event.documentId) topics.push(`document:${event.documentId}`);
  return topics;
}

/** Only the contract's fields leave the server: nothing else a producer might have attached. */
export function publicEvent(event: DomainEvent): DomainEvent {
  const { id, type, occurredAt, workspaceId, documentId, data } = event;
  return {
    id,
    type,
    occurredAt,
    ...(workspaceId ? { workspaceId } : {}),
    ...(documentId ? { documentId } : {}),
    data,
  };
}

interface Listener {
  user: string;
  topics: ReadonlySet<string>;
  send: (message: HubMessage) => void;
  /** When the stream opened (ms since epoch). */
  since: number;
}

export interface EventHubOptions {
  store: Store;
  maxStreamsPerUser?: number;
  /** Told when a stream opens (the detector takes its first look at new topics at once). */
  onSubscribe?: (topics: readonly Topic[]) => void;
}

export class EventHub implements Broadcaster {
  readonly #store: Store;
  readonly #max: number;
  readonly #onSubscribe: EventHubOptions['onSubscribe'];
  readonly #listeners = new Set<Listener>();

  constructor(options: EventHubOptions) {
    this.#store = options.store;
    this.#max = options.maxStreamsPerUser ?? 5;
    this.#onSubscribe = options.onSubscribe;
  }

  publish(events: readonly StoredEvent[]): void {
    for (const { seq, event } of events) {
      const topics = topicsOf(event);
      const message: HubMessage = { kind: 'event', seq, event: publicEvent(event) };
      for (const l of this.#listeners) {
        if (topics.some((t) => l.topics.has(t))) l.send(message);
      }
    }
  }

  subscribe(
    user: string,
    topics: readonly Topic[],
    send: (message: HubMessage) => void,
  ): HubSubscription | null {
    let open = 0;
    for (const l of this.#listeners) if (l.user === user) open++;
    if (open >= this.#max) return null;
    const listener: Listener = { user, topics: new Set(topics), send, since: Date.now() };
    const fresh = topics.filter((t) => ![...this.#listeners].some((l) => l.topics.has(t)));
    this.#listeners.add(listener);
    if (fresh.length > 0) this.#onSubscribe?.(fresh);
    return { close: () => this.#listeners.delete(listener) };
  }

  replay(lastEventId: number, topics: readonly Topic[]): HubMessage[] {
    const { min, max } = this.#store.outboxRange();
    // Ids beyond what was ever handed out come from another store (a reset): the client must refetch too.
    if (lastEventId < min - 1 || lastEventId > max) return [{ kind: 'resync', seq: max }];
    const wanted = new Set<string>(topics);
    const out: HubMessage[] = [];
    let after = lastEventId;
    for (;;) {
      const batch = this.#store.eventsAfter(after, 500);
      for (const { seq, event } of batch) {
        if (topicsOf(event).some((t) => wanted.has(t)))
          out.push({ kind: 'event', seq, event: publicEvent(event) });
      }
      if (batch.length < 500) return out;
      after = batch[batch.length - 1]!.seq;
    }
  }

  /** When the oldest open stream on `topic` opened (ms since epoch); undefined when nobody watches it. */
  watchedSince(topic: Topic): number | undefined {
    let since: number | undefined;
    for (const l of this.#listeners) if (l.topics.has(topic)) since = Math.min(since ?? l.since, l.since);
    return since;
  }

  watchedTopics(): Topic[] {
    const all = new Set<Topic>();
    for (const l of this.#listeners) for (const t of l.topics) all.add(t as Topic);
    return [...all];
  }

  /** Open streams, for /readyz and tests. */
  get size(): number {
    return this.#listeners.size;
  }
}
