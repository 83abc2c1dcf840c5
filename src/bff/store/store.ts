import type { DomainEvent } from '../../contract/index.js';

/** The database cannot be used right now; HTTP callers answer 503 so senders retry. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('store unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** An event as kept in the outbox: its sequence is the SSE id and the relay's order. */
export interface StoredEvent {
  seq: number;
  event: DomainEvent;
}

export const DELIVERY_STATES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface Delivery {
  subscriptionId: string;
  seq: number;
  eventId: string;
  attempts: number;
  /** Epoch milliseconds. */
  nextAttemptAt: number;
  lastStatus: number | null;
  state: DeliveryState;
}

export interface Subscription {
  id: string;
  url: string;
  /** Event types delivered; empty = all. */
  eventTypes: string[];
  secret: string;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: number;
}

export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  body: string;
  createdAt: number;
}

export interface AuditRow {
  at: number;
  documentId: string | null;
  version: number | null;
  clientHash: string;
  origin: string | null;
  result: string;
  workspaceId: string | null;
}

export interface AuditQuery {
  from?: number;
  to?: number;
  workspaceId?: string;
  documentId?: string;
  limit?: number;
}

/** Durable state of events, webhooks, idempotency and audit. SQLite today; PostgreSQL can implement it later. */
export interface Store {
  /**
   * Stores the new cursor value and the events not seen before, in one transaction. Events already in the
   * inbox (same id) are skipped. Returns the newly stored events with their outbox sequence.
   * `cursorKey` null = no cursor to move (e.g. an inbound callout). Pending deliveries for every enabled
   * subscription whose filter matches are created in the same transaction.
   */
  commitDetection(cursorKey: string | null, cursorValue: string | null, events: DomainEvent[]): StoredEvent[];
  getCursor(key: string): string | null;
  /** Events with seq > afterSeq, oldest first. */
  eventsAfter(afterSeq: number, limit?: number): StoredEvent[];
  /** Lowest and highest sequence still kept (0 when the outbox is empty). */
  outboxRange(): { min: number; max: number };
  /**
   * Removes inbox ids, outbox events and idempotency records older than `olderThan` (epoch ms);
   * bookkeeping records (user `#…`) only after BOOKKEEPING_RETENTION_MS.
   */
  purge(olderThan: number): void;

  createSubscription(sub: Subscription): void;
  listSubscriptions(): Subscription[];
  getSubscription(id: string): Subscription | null;
  deleteSubscription(id: string): boolean;
  setSubscriptionEnabled(id: string, enabled: boolean, reason: string | null): void;

  /** Pending deliveries due at `now` for one subscription, oldest first. */
  dueDeliveries(subscriptionId: string, now: number, limit: number): Delivery[];
  getDelivery(subscriptionId: string, eventId: string): Delivery | null;
  recordAttempt(
    subscriptionId: string,
    seq: number,
    update: Pick<Delivery, 'attempts' | 'nextAttemptAt' | 'lastStatus' | 'state'>,
  ): void;
  listDeliveries(subscriptionId: string, state?: DeliveryState): Delivery[];
  /** Puts dead deliveries of a subscription back to pending (due now). Returns how many. */
  replayDead(subscriptionId: string, now: number): number;
  getEvent(seq: number): StoredEvent | null;

  getIdempotency(key: string, user: string): IdempotencyRecord | null;
  putIdempotency(key: string, user: string, record: IdempotencyRecord): void;

  addAudit(row: AuditRow): void;
  queryAudit(query: AuditQuery): AuditRow[];

  close(): void;
}

/** Inbox ids are kept at least as long as a sender may retry one event (Standard Webhooks ≈ 3 days). */
export const INBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Idempotency records whose user starts with `#` are the BFF's own bookkeeping (which process reviews an
 * item, what a process reviews): a review may run for months, and its step and record must stay readable
 * until well after it ended, so they outlive the one-week replay window of requests.
 */
export const BOOKKEEPING_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;
