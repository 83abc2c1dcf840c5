import Database from 'better-sqlite3';
import type { DomainEvent } from '../../contract/index.js';
import {
  BOOKKEEPING_RETENTION_MS,
  StoreUnavailableError,
  type AuditQuery,
  type AuditRow,
  type Delivery,
  type DeliveryState,
  type IdempotencyRecord,
  type Store,
  type StoredEvent,
  type Subscription,
} from './store.js';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE inbox (event_id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
   CREATE INDEX inbox_seen ON inbox(seen_at);
   CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE cursors (key TEXT PRIMARY KEY, value TEXT);
   CREATE TABLE subscriptions (id TEXT PRIMARY KEY, url TEXT NOT NULL, event_types TEXT NOT NULL,
     secret TEXT NOT NULL, enabled INTEGER NOT NULL, disabled_reason TEXT, created_at INTEGER NOT NULL);
   CREATE TABLE deliveries (subscription_id TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, last_status INTEGER,
     state TEXT NOT NULL, PRIMARY KEY (subscription_id, seq));
   CREATE INDEX deliveries_due ON deliveries(subscription_id, state, next_attempt_at);
   CREATE TABLE idempotency (key TEXT NOT NULL, user TEXT NOT NULL, request_hash TEXT NOT NULL,
     status INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (key, user));
   CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, document_id TEXT,
     version INTEGER, client_hash TEXT NOT NULL, origin TEXT, result TEXT NOT NULL, workspace_id TEXT);
   CREATE INDEX audit_at ON audit(at);`,
];

interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string;
  secret: string;
  enabled: number;
  disabled_reason: string | null;
  created_at: number;
}
interface DeliveryRow {
  subscription_id: string;
  seq: number;
  event_id: string;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  state: DeliveryState;
}
interface AuditDbRow {
  at: number;
  document_id: string | null;
  version: number | null;
  client_hash: string;
  origin: string | null;
  result: string;
  workspace_id: string | null;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  url: r.url,
  eventTypes: JSON.parse(r.event_types) as string[],
  secret: r.secret,
  enabled: r.enabled === 1,
  disabledReason: r.disabled_reason,
  createdAt: r.created_at,
});
const toDelivery = (r: DeliveryRow): Delivery => ({
  subscriptionId: r.subscription_id,
  seq: r.seq,
  eventId: r.event_id,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatus: r.last_status,
  state: r.state,
});
const toEvent = (r: { seq: number; body: string }): StoredEvent => ({
  seq: r.seq,
  event: JSON.parse(r.body) as DomainEvent,
});

export interface SqliteStoreOptions {
  /** File path, or `:memory:` for tests. */
  path: string;
  now?: () => number;
}

/** better-sqlite3 store in WAL mode; every call is synchronous, so each method is one transaction at most. */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #now: () => number;

  constructor(options: SqliteStoreOptions) {
    this.#now = options.now ?? Date.now;
    try {
      this.#db = new Database(options.path);
      this.#db.pragma('journal_mode = WAL');
      // FULL: a callout answered 2xx must survive a power loss or OS crash too, not only a killed process
      // (NORMAL may roll back the last commits then). Costs one fsync per commit.
      this.#db.pragma('synchronous = FULL');
      this.#db.pragma('busy_timeout = 2000');
      this.#migrate();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }

  #migrate(): void {
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.#db.transaction(() => {
        this.#db.exec(MIGRATIONS[v] ?? '');
        this.#db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Every DB failure becomes StoreUnavailableError; callers map it to 503. */
  #run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(error);
    }
  }

  commitDetection(
    cursorKey: string | null,
    cursorValue: string | null,
    events: DomainEvent[],
  ): StoredEvent[] {
    return this.#run(() =>
      this.#db.transaction(() => {
        const now = this.#now();
        const stored: StoredEvent[] = [];
        const subs = this.listSubscriptions().filter((s) => s.enabled);
        const seen = this.#db.prepare('INSERT OR IGNORE INTO inbox (event_id, seen_at) VALUES (?, ?)');
        const out = this.#db.prepare(
          'INSERT INTO outbox (event_id, type, body, created_at) VALUES (?, ?, ?, ?)',
        );
        const del = this.#db.prepare(
          `INSERT INTO deliveries (subscription_id, seq, event_id, attempts, next_attempt_at, state)
           VALUES (?, ?, ?, 0, ?, 'pending')`,
        );
        for (const event of events) {
          if (seen.run(event.id, now).changes === 0) continue;
          const seq = Number(out.run(event.id, event.type, JSON.stringify(event), now).lastInsertRowid);
          for (const sub of subs) {
            if (sub.eventTypes.length === 0 || sub.eventTypes.includes(event.type))
              del.run(sub.id, seq, event.id, now);
          }
          stored.push({ seq, event });
        }
        if (cursorKey !== null) {
          this.#db
            .prepare(
              'INSERT INTO cursors (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
            )
            .run(cursorKey, cursorValue);
        }
        return stored;
      })(),
    );
  }

  getCursor(key: string): string | null {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT value FROM cursors WHERE key = ?').get(key) as
        { value: string | null } | undefined;
      return row?.value ?? null;
    });
  }

  eventsAfter(afterSeq: number, limit = 500): StoredEvent[] {
    return this.#run(() =>
      (
        this.#db
          .prepare('SELECT seq, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?')
          .all(afterSeq, limit) as {
          seq: number;
          body: string;
        }[]
      ).map(toEvent),
    );
  }

  getEvent(seq: number): StoredEvent | null {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT seq, body FROM outbox WHERE seq = ?').get(seq) as
        { seq: number; body: string } | undefined;
      return row ? toEvent(row) : null;
    });
  }

  outboxRange(): { min: number; max: number } {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT MIN(seq) AS min, MAX(seq) AS max FROM outbox').get() as {
        min: number | null;
        max: number | null;
      };
      // After a purge empties the outbox, AUTOINCREMENT still remembers the last seq handed out.
      const last = this.#db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as
        { seq: number } | undefined;
      const max = row.max ?? last?.seq ?? 0;
      return { min: row.min ?? max + 1, max };
    });
  }

  purge(olderThan: number): void {
    this.#run(() =>
      this.#db.transaction(() => {
        this.#db.prepare('DELETE FROM inbox WHERE seen_at < ?').run(olderThan);
        // Events still owed to a subscriber stay until delivered or dead.
        this.#db
          .prepare(
            `DELETE FROM outbox WHERE created_at < ? AND seq NOT IN
             (SELECT seq FROM deliveries WHERE state = 'pending')`,
          )
          .run(olderThan);
        this.#db.prepare('DELETE FROM deliveries WHERE seq NOT IN (SELECT seq FROM outbox)').run();
        this.#db
          .prepare(
            `DELETE FROM idempotency WHERE created_at < ? AND (substr(user, 1, 1) <> '#' OR created_at < ?)`,
          )
          .run(olderThan, this.#now() - BOOKKEEPING_RETENTION_MS);
      })(),
    );
  }

  createSubscription(sub: Subscription): void {
    this.#run(() =>
      this.#db
        .prepare(
          `INSERT INTO subscriptions (id, url, event_types, secret, enabled, disabled_reason, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          sub.id,
          sub.url,
          JSON.stringify(sub.eventTypes),
          sub.secret,
          sub.enabled ? 1 : 0,
          sub.disabledReason,
          sub.createdAt,
        ),
    );
  }

  listSubscriptions(): Subscription[] {
    return this.#run(() =>
      (
        this.#db.prepare('SELECT * FROM subscriptions ORDER BY created_at, id').all() as SubscriptionRow[]
      ).map(toSubscription),
    );
  }

  getSubscription(id: string): Subscription | null {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as
        SubscriptionRow | undefined;
      return row ? toSubscription(row) : null;
    });
  }

  deleteSubscription(id: string): boolean {
    return this.#run(() =>
      this.#db.transaction(() => {
        this.#db.prepare('DELETE FROM deliveries WHERE subscription_id = ?').run(id);
        return this.#db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
      })(),
    );
  }

  setSubscriptionEnabled(id: string, enabled: boolean, reason: string | null): void {
    this.#run(() =>
      this.#db
        .prepare('UPDATE subscriptions SET enabled = ?, disabled_reason = ? WHERE id = ?')
        .run(enabled ? 1 : 0, enabled ? null : reason, id),
    );
  }

  dueDeliveries(subscriptionId: string, now: number, limit: number): Delivery[] {
    return this.#run(() =>
      (
        this.#db
          .prepare(
            `SELECT * FROM deliveries WHERE subscription_id = ? AND state = 'pending' AND next_attempt_at <= ?
             ORDER BY seq LIMIT ?`,
          )
          .all(subscriptionId, now, limit) as DeliveryRow[]
      ).map(toDelivery),
    );
  }

  getDelivery(subscriptionId: string, eventId: string): Delivery | null {
    return this.#run(() => {
      const row = this.#db
        .prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND event_id = ?')
        .get(subscriptionId, eventId) as DeliveryRow | undefined;
      return row ? toDelivery(row) : null;
    });
  }

  recordAttempt(
    subscriptionId: string,
    seq: number,
    update: Pick<Delivery, 'attempts' | 'nextAttemptAt' | 'lastStatus' | 'state'>,
  ): void {
    this.#run(() =>
      this.#db
        .prepare(
          `UPDATE deliveries SET attempts = ?, next_attempt_at = ?, last_status = ?, state = ?
           WHERE subscription_id = ? AND seq = ?`,
        )
        .run(update.attempts, update.nextAttemptAt, update.lastStatus, update.state, subscriptionId, seq),
    );
  }

  listDeliveries(subscriptionId: string, state?: DeliveryState): Delivery[] {
    return this.#run(() => {
      const rows = state
        ? this.#db
            .prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND state = ? ORDER BY seq')
            .all(subscriptionId, state)
        : this.#db
            .prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY seq')
            .all(subscriptionId);
      return (rows as DeliveryRow[]).map(toDelivery);
    });
  }

  replayDead(subscriptionId: string, now: number): number {
    return this.#run(
      () =>
        this.#db
          .prepare(
            `UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?
             WHERE subscription_id = ? AND state = 'dead'`,
          )
          .run(now, subscriptionId).changes,
    );
  }

  getIdempotency(key: string, user: string): IdempotencyRecord | null {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT * FROM idempotency WHERE key = ? AND user = ?').get(key, user) as
        { request_hash: string; status: number; body: string; created_at: number } | undefined;
      return row
        ? { requestHash: row.request_hash, status: row.status, body: row.body, createdAt: row.created_at }
        : null;
    });
  }

  putIdempotency(key: string, user: string, record: IdempotencyRecord): void {
    this.#run(() =>
      this.#db
        .prepare(
          `INSERT INTO idempotency (key, user, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(key, user) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
           body = excluded.body, created_at = excluded.created_at`,
        )
        .run(key, user, record.requestHash, record.status, record.body, record.createdAt),
    );
  }

  addAudit(row: AuditRow): void {
    this.#run(() =>
      this.#db
        .prepare(
          `INSERT INTO audit (at, document_id, version, client_hash, origin, result, workspace_id)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(row.at, row.documentId, row.version, row.clientHash, row.origin, row.result, row.workspaceId),
    );
  }

  queryAudit(query: AuditQuery): AuditRow[] {
    return this.#run(() => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, value: string | number | undefined): void => {
        if (value === undefined) return;
        where.push(clause);
        args.push(value);
      };
      add('at >= ?', query.from);
      add('at < ?', query.to);
      add('workspace_id = ?', query.workspaceId);
      add('document_id = ?', query.documentId);
      const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id LIMIT ?`;
      args.push(query.limit ?? 10_000);
      return (this.#db.prepare(sql).all(...args) as AuditDbRow[]).map((r) => ({
        at: r.at,
        documentId: r.document_id,
        version: r.version,
        clientHash: r.client_hash,
        origin: r.origin,
        result: r.result,
        workspaceId: r.workspace_id,
      }));
    });
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
