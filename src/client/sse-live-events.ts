import { DomainEvent, TOPICS_EVENT, TopicsEvent, type Topic } from '../contract/index.js';
import {
  invalidationKeys,
  isTopic,
  type LiveEvents,
  type LiveEventsFactory,
  type LiveEventsHost,
} from './live-events.js';

export interface SseLiveEventsOptions {
  /** Wait this long after a topic change before reconnecting, so elements mounting together share one request. Default 50. */
  debounceMs?: number;
  /** First reconnect delay (doubles per failure, with jitter); the server's `retry:` hint replaces it. Default 1000. */
  minRetryMs?: number;
  /** Longest reconnect delay. Default 30000. */
  maxRetryMs?: number;
  /** Cookies for the stream, as for the client's requests. Default `same-origin`. */
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
}

/** Status codes that will not change by retrying the same topic set (bad topic, not visible, no events route). */
const REFUSED = [400, 403, 404];

/**
 * Live updates over one `fetch`-based Server-Sent Events stream per client (`GET /v1/events?topics=…`),
 * multiplexing every watched topic. `fetch` rather than `EventSource` because only it can send the
 * `Authorization` header (a token in the URL would end up in logs).
 */
export function sseLiveEvents(options: SseLiveEventsOptions = {}): LiveEventsFactory {
  return (host) => new SseLiveEvents(host, options);
}

class SseLiveEvents implements LiveEvents {
  readonly #host: LiveEventsHost;
  readonly #options: SseLiveEventsOptions;
  readonly #topics = new Map<Topic, number>();
  readonly #refused = new Set<string>();
  /** Watched topics the BFF said it does not carry (`topics` event); left out of requests until watched anew. */
  readonly #notCarried = new Set<Topic>();
  #abort: AbortController | undefined;
  /** Topic set of the running (connecting or open) stream; '' when none runs. */
  #running = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastEventId: string | undefined;
  #retryMs: number | undefined;
  #failures = 0;
  /** A `Retry-After` to honour on the next reconnect. */
  #floorMs = 0;
  #authRetried = false;
  /**
   * The stream answered 401 and the token provider has no token (anonymous page, signed out): every
   * reconnect would be refused the same way, so none is made until a token appears or a topic is watched anew.
   */
  #authPaused = false;
  #closed = false;

  constructor(host: LiveEventsHost, options: SseLiveEventsOptions) {
    this.#host = host;
    this.#options = options;
  }

  watch(topic: Topic): () => void {
    if (!isTopic(topic)) return () => undefined;
    // A new subscriber may come after a sign-in: worth one more try.
    this.#authPaused = false;
    this.#authRetried = false;
    // A new subscriber asks again: the workspace may exist or be visible by now.
    this.#notCarried.delete(topic);
    this.#topics.set(topic, (this.#topics.get(topic) ?? 0) + 1);
    this.#changed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (this.#topics.get(topic) ?? 1) - 1;
      if (count > 0) this.#topics.set(topic, count);
      else {
        this.#topics.delete(topic);
        this.#notCarried.delete(topic);
      }
      this.#changed();
    };
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#topics.clear();
    this.#notCarried.clear();
  }

  #key(): string {
    return [...this.#topics.keys()]
      .filter((topic) => !this.#notCarried.has(topic))
      .sort()
      .join(',');
  }

  #changed(): void {
    if (this.#closed) return;
    this.#failures = 0;
    this.#schedule(this.#options.debounceMs ?? 50);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#connect(), delayMs);
  }

  #backoff(): void {
    this.#running = '';
    const base = this.#retryMs ?? this.#options.minRetryMs ?? 1000;
    const max = this.#options.maxRetryMs ?? 30_000;
    const delay = Math.min(max, base * 2 ** this.#failures++);
    const floor = this.#floorMs;
    this.#floorMs = 0;
    // Full jitter on half the delay, so a BFF restart is not met by every page at the same instant.
    this.#schedule(Math.max(floor, delay / 2 + (Math.random() * delay) / 2));
  }

  #connect(): void {
    const key = this.#key();
    if (this.#closed || key === this.#running) return;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#running = '';
    // Paused while nothing is watched; a refused set waits for the topics to change, a 401 for a token.
    if (!key || this.#refused.has(key)) return;
    if (this.#authPaused) return this.#awaitToken();
    const abort = new AbortController();
    this.#abort = abort;
    this.#running = key;
    this.#run(key, abort.signal).then(
      (again) => {
        if (abort.signal.aborted) return;
        if (again) {
          this.#running = '';
          this.#connect();
        } else if (again === false) this.#backoff();
      },
      () => {
        if (!abort.signal.aborted) this.#backoff();
      },
    );
  }

  /** Resolves true to reconnect at once, false to back off, undefined to stop. */
  async #run(key: string, signal: AbortSignal): Promise<boolean | undefined> {
    // After a 401 the provider is asked for a new token; none means nobody is signed in.
    const expired = this.#authRetried;
    const token = await this.#host.token(expired ? { expired } : undefined);
    if (expired && !token) return this.#pauseForAuth();
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (this.#lastEventId) headers['Last-Event-ID'] = this.#lastEventId;
    const response = await (this.#options.fetch ?? fetch)(
      // Topics are `kind:digits`, safe in a query as they are (and readable in access logs).
      `${this.#host.baseUrl}/v1/events?topics=${key}`,
      { headers, signal, cache: 'no-store', credentials: this.#options.credentials ?? 'same-origin' },
    );
    if (response.status === 401 && !this.#authRetried) {
      // The token may have expired between the provider's refreshes: ask once more before backing off.
      this.#authRetried = true;
      return true;
    }
    if (response.status === 401 && !token) return this.#pauseForAuth();
    if (REFUSED.includes(response.status)) {
      this.#refused.add(key);
      if ('litIssuedWarnings' in globalThis) {
        console.warn(`[xecm-elements] live updates refused (${response.status}) for topics ${key}`);
      }
      return undefined;
    }
    // Too many streams for this user (other tabs): wait at least as long as the BFF asks.
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.status === 429 && retryAfter > 0) this.#floorMs = Math.min(retryAfter, 300) * 1000;
    if (!response.ok || !response.body) return false;
    this.#authRetried = false;
    this.#failures = 0;
    await this.#read(response.body, signal);
    return false;
  }

  #pauseForAuth(): undefined {
    this.#authPaused = true;
    this.#running = '';
    this.#awaitToken();
    return undefined;
  }

  /** While paused for want of a token, looks (locally, no request) for one now and then. */
  #awaitToken(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#host.token().then(
        (token) => {
          if (this.#closed || !this.#authPaused) return;
          if (!token) return this.#awaitToken();
          this.#authPaused = false;
          this.#authRetried = false;
          this.#failures = 0;
          this.#connect();
        },
        () => {
          if (!this.#closed && this.#authPaused) this.#awaitToken();
        },
      );
    }, this.#options.maxRetryMs ?? 30_000);
  }

  async #read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let id: string | undefined;
    let type = '';
    let data = '';
    const line = (text: string) => {
      if (text === '') {
        if (id !== undefined) this.#lastEventId = id;
        if (data) this.#dispatch(type, data.slice(0, -1));
        type = data = '';
        return;
      }
      if (text.startsWith(':')) return;
      const colon = text.indexOf(':');
      const field = colon < 0 ? text : text.slice(0, colon);
      let value = colon < 0 ? '' : text.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'id' && !value.includes('\0')) id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data += value + '\n';
      else if (field === 'retry' && /^[0-9]+$/.test(value)) this.#retryMs = Number(value);
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || signal.aborted) return;
        buffer += decoder.decode(value, { stream: true });
        // A trailing CR may be the first half of a CRLF split across chunks.
        const end = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
        const lines = buffer.slice(0, end).split(/\r\n|\r|\n/);
        buffer = lines.pop()! + buffer.slice(end);
        for (const text of lines) line(text);
      }
    } finally {
      reader.releaseLock();
    }
  }

  #dispatch(type: string, data: string): void {
    if (type === 'resync') {
      for (const topic of this.#topics.keys()) this.#host.invalidate(topic);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    if (type === TOPICS_EVENT) {
      const topics = TopicsEvent.safeParse(json);
      if (topics.success) this.#notCarriedTopics(topics.data.refused);
      return;
    }
    const event = DomainEvent.safeParse(json);
    if (event.success) for (const key of invalidationKeys(event.data)) this.#host.invalidate(key);
  }

  /**
   * The open stream carries everything asked except `refused` (missing or not visible: the BFF does not say
   * which). Reconnects leave them out, so a page keeps no dead topics in its requests; the open stream stays.
   */
  #notCarriedTopics(refused: readonly string[]): void {
    const dropped = refused.filter(
      (topic): topic is Topic => isTopic(topic) && this.#topics.has(topic) && !this.#notCarried.has(topic),
    );
    if (dropped.length === 0) return;
    for (const topic of dropped) this.#notCarried.add(topic);
    if ('litIssuedWarnings' in globalThis) {
      console.warn(
        `[xecm-elements] live updates not available for topics ${dropped.join(', ')} (missing or not ` +
          'visible to this user); not asked for again until an element subscribes to them anew',
      );
    }
    const key = this.#key();
    // Nothing left worth a stream: close it (#connect pauses on an empty set). Otherwise the open stream
    // already is the stream for the smaller set.
    if (key) this.#running = key;
    else this.#connect();
  }
}
