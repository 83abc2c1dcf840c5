import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { DomainEvent } from '../../contract/index.js';
import type { Delivery, Store, Subscription } from '../store/store.js';
import { nextRetryDelay, parseRetryAfter } from './retry-schedule.js';
import { checkUrlSyntax, resolvePublicAddresses, type UrlGuardOptions } from './url-guard.js';
import { webhookHeaders } from './webhook-signature.js';

/** Body of every outbound webhook: Standard Webhooks' `type`/`timestamp`/`data` envelope around the event. */
export function webhookBody(event: DomainEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event });
}

export interface RelayOptions {
  store: Store;
  urlGuard?: UrlGuardOptions;
  /** Per attempt, connect to end of response headers; default 15 s. */
  attemptTimeoutMs?: number;
  /** How often the worker looks for due deliveries; default 1 s. */
  pollIntervalMs?: number;
  now?: () => number;
  random?: () => number;
  /** Told when a worker stops on an error (the store is unavailable); its deliveries stay pending. */
  onError?: (error: unknown) => void;
  /** Told when a delivery is dead-lettered or an endpoint disabled (operator alert). */
  onAlert?: (alert: {
    kind: 'dead-letter' | 'endpoint-disabled';
    subscriptionId: string;
    eventId?: string;
  }) => void;
}

interface AttemptResult {
  status: number | null;
  retryAfter: string | undefined;
}

const THROTTLE = new Set([429, 502, 504]);

/**
 * Delivers outbox events to subscribers. Each subscription has its own sequential worker, so one slow or
 * failing endpoint never delays another. At-least-once: a crash after sending and before recording
 * re-sends with the same `webhook-id`.
 */
export class WebhookRelay {
  readonly #store: Store;
  readonly #options: RelayOptions;
  readonly #now: () => number;
  readonly #workers = new Map<string, Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: RelayOptions) {
    this.#store = options.store;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.tick(), this.#options.pollIntervalMs ?? 1000);
    this.#timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.drain();
  }

  /** Starts a worker for every enabled subscription that has none running. Never waits for them. */
  tick(): void {
    let subs: Subscription[];
    try {
      subs = this.#store.listSubscriptions();
    } catch {
      return; // store down: try again next tick
    }
    for (const sub of subs) {
      if (!sub.enabled || this.#workers.has(sub.id)) continue;
      const worker = this.#work(sub.id)
        // Store unavailable mid-delivery: the row stays pending and the next tick resumes it. Unhandled, the
        // rejection would end the process.
        .catch((error: unknown) => this.#options.onError?.(error))
        .finally(() => this.#workers.delete(sub.id));
      this.#workers.set(sub.id, worker);
    }
  }

  /** Resolves when every running worker has finished its current pass. */
  async drain(): Promise<void> {
    while (this.#workers.size > 0) await Promise.all([...this.#workers.values()]);
  }

  /** Puts a subscription's dead letters back in its queue; returns how many. */
  replayDeadLetters(subscriptionId: string): number {
    const n = this.#store.replayDead(subscriptionId, this.#now());
    if (n > 0) this.tick();
    return n;
  }

  async #work(subscriptionId: string): Promise<void> {
    while (!this.#stopped) {
      const sub = this.#store.getSubscription(subscriptionId);
      if (!sub?.enabled) return;
      const [due] = this.#store.dueDeliveries(subscriptionId, this.#now(), 1);
      if (!due) return;
      await this.#deliver(sub, due);
    }
  }

  async #deliver(sub: Subscription, delivery: Delivery): Promise<void> {
    const stored = this.#store.getEvent(delivery.seq);
    const attempts = delivery.attempts + 1;
    if (!stored) {
      this.#store.recordAttempt(sub.id, delivery.seq, {
        attempts,
        nextAttemptAt: 0,
        lastStatus: null,
        state: 'dead',
      });
      return;
    }
    const body = webhookBody(stored.event);
    const result = await this.#attempt(sub, stored.event.id, body);
    const { status } = result;
    if (status !== null && status >= 200 && status < 300) {
      this.#store.recordAttempt(sub.id, delivery.seq, {
        attempts,
        nextAttemptAt: 0,
        lastStatus: status,
        state: 'delivered',
      });
      return;
    }
    if (status === 410) {
      this.#store.recordAttempt(sub.id, delivery.seq, {
        attempts,
        nextAttemptAt: 0,
        lastStatus: status,
        state: 'dead',
      });
      this.#store.setSubscriptionEnabled(sub.id, false, 'endpoint answered 410 Gone');
      this.#options.onAlert?.({ kind: 'endpoint-disabled', subscriptionId: sub.id });
      return;
    }
    const now = this.#now();
    const retryAfter =
      status !== null && THROTTLE.has(status) ? parseRetryAfter(result.retryAfter, now) : null;
    const delay = nextRetryDelay(attempts, retryAfter, this.#options.random);
    if (delay === null) {
      this.#store.recordAttempt(sub.id, delivery.seq, {
        attempts,
        nextAttemptAt: 0,
        lastStatus: status,
        state: 'dead',
      });
      this.#options.onAlert?.({ kind: 'dead-letter', subscriptionId: sub.id, eventId: stored.event.id });
      return;
    }
    this.#store.recordAttempt(sub.id, delivery.seq, {
      attempts,
      nextAttemptAt: now + delay,
      lastStatus: status,
      state: 'pending',
    });
  }

  /** One POST. Any error (refused address, timeout, reset) is a failed attempt with no status. */
  async #attempt(sub: Subscription, eventId: string, body: string): Promise<AttemptResult> {
    const guard = this.#options.urlGuard ?? {};
    let url: URL;
    try {
      url = checkUrlSyntax(sub.url, guard);
      await resolvePublicAddresses(url.hostname, guard);
    } catch {
      return { status: null, retryAfter: undefined };
    }
    const headers = {
      ...webhookHeaders(sub.secret, eventId, Math.floor(this.#now() / 1000), body),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'xecm-elements-webhooks/1',
    };
    // Resolve again inside the connection so the address connected to is the one that was checked.
    const lookup: LookupFunction = (hostname, options, callback) => {
      resolvePublicAddresses(hostname, guard).then(
        (addresses) => {
          const list = addresses.map((address) => ({ address, family: isIP(address) }));
          if (options.all) callback(null, list);
          else callback(null, list[0]?.address ?? '', list[0]?.family ?? 4);
        },
        (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
      );
    };
    const signal = AbortSignal.timeout(this.#options.attemptTimeoutMs ?? 15_000);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<AttemptResult>((resolve) => {
      const req = send(url, { method: 'POST', headers, lookup, signal }, (res: IncomingMessage) => {
        res.resume(); // the body is not used; redirects are never followed (3xx is a failure)
        resolve({ status: res.statusCode ?? null, retryAfter: res.headers['retry-after'] });
      });
      req.on('error', () => resolve({ status: null, retryAfter: undefined }));
      req.end(body);
    });
  }
}
