import { TOPIC_PATTERN, type DomainEvent, type Topic } from '../contract/index.js';

/**
 * Live updates from the BFF (`GET /v1/events?topics=…`, server-sent events). The client asks for a
 * topic while at least one subscriber watches the matching cache key (`workspace:<id>` or
 * `document:<id>`); the implementation calls `host.invalidate(key)` for every key an event touches
 * (see {@link invalidationKeys}), which makes the affected elements reload.
 *
 * The client only defines this seam; the implementation lives with the events feature and is passed
 * as `new BffClient({ liveEvents: (host) => … })` or `<xecm-provider>.liveEvents`.
 */
export interface LiveEvents {
  /** Keep receiving events for `topic` until the returned function is called (reference-counted by the caller). */
  watch(topic: Topic): () => void;
  /** Close the connection for good (sign-out, provider removed). */
  close(): void;
}

/** What a {@link LiveEvents} implementation may use of the client. */
export interface LiveEventsHost {
  /** The BFF base URL without a trailing slash, e.g. `/bff` or `https://bff.example.com`. */
  readonly baseUrl: string;
  /**
   * The current BFF token from the host's `tokenProvider` (undefined: cookie session or anonymous);
   * `{ expired: true }` after a 401 asks the provider for a new one.
   */
  token(request?: { expired: boolean }): Promise<string | undefined>;
  /** Mark a cache key stale and make its subscribers reload. */
  invalidate(key: string): void;
}

export type LiveEventsFactory = (host: LiveEventsHost) => LiveEvents;

export function isTopic(key: string): key is Topic {
  return TOPIC_PATTERN.test(key);
}

/** Cache keys a domain event makes stale. */
export function invalidationKeys(event: DomainEvent): string[] {
  const keys: string[] = [];
  if (event.workspaceId) keys.push(`workspace:${event.workspaceId}`);
  if (event.documentId) keys.push(`document:${event.documentId}`);
  return keys;
}
