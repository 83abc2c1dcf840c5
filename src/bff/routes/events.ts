import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { TOPIC_PATTERN, type Topic } from '../../contract/index.js';
import { TOPICS_EVENT, type TopicsEvent } from '../../contract/topics-event.js';
import type { HubMessage, Broadcaster } from '../events/hub.js';
import type { BffEnv } from '../http/env.js';
import { problemResponse } from '../http/problem.js';

export const MAX_TOPICS_PER_STREAM = 50;

export interface EventsRouteOptions {
  hub: Broadcaster;
  /**
   * May this user see this workspace or document? Provided by the BFF core (xECM permissions). false for
   * "missing" and "forbidden" alike; throws when xECM cannot answer now (the stream is then refused with 503).
   */
  canSee: (user: string, topic: Topic) => Promise<boolean>;
  heartbeatMs?: number;
}

function parseTopics(raw: string | undefined): Topic[] | null {
  if (!raw) return null;
  const topics = [...new Set(raw.split(','))];
  if (topics.length > MAX_TOPICS_PER_STREAM || !topics.every((t) => TOPIC_PATTERN.test(t))) return null;
  return topics as Topic[];
}

/** A garbage or oversized Last-Event-ID counts as absent (the stream still opens). */
function parseLastEventId(raw: string | undefined): number | null {
  return raw && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : null;
}

/** `GET /v1/events?topics=workspace:1,document:2`: Server-Sent Events; mount behind `authenticate`. */
export function eventsRoutes(options: EventsRouteOptions): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  app.get('/', async (c) => {
    const topics = parseTopics(c.req.query('topics'));
    if (!topics) {
      return problemResponse(c, 400, 'bad-request', {
        detail: `topics: 1 to ${MAX_TOPICS_PER_STREAM} comma-separated workspace:<id> or document:<id>`,
      });
    }
    const user = c.get('user');
    const acceptedUntil = c.get('tokenAcceptedUntil');
    let allowed: boolean[];
    try {
      allowed = await Promise.all(topics.map((t) => options.canSee(user, t)));
    } catch {
      return problemResponse(
        c,
        503,
        'upstream-unavailable',
        { detail: 'Topics cannot be checked right now.' },
        { 'Retry-After': '5' },
      );
    }
    const visible = topics.filter((_, i) => allowed[i]);
    // Same treatment for "missing" and "not yours": a stream never reveals what exists.
    const refused = topics.filter((_, i) => !allowed[i]);
    if (visible.length === 0)
      return problemResponse(c, 403, 'forbidden', { detail: 'No topic is available.' });
    const streamTopics = new Set<string>(visible);
    // An event reaching a workspace topic may name a document this user may not see (a confidential
    // folder): such documents are checked once per stream, and their events are left out.
    const documentVisible = new Map<string, Promise<boolean>>();
    const mayReceive = (m: HubMessage): Promise<boolean> => {
      const documentId = m.kind === 'event' ? m.event.documentId : undefined;
      if (!documentId || streamTopics.has(`document:${documentId}`)) return Promise.resolve(true);
      let known = documentVisible.get(documentId);
      if (!known) {
        known = options.canSee(user, `document:${documentId}`).catch(() => false);
        documentVisible.set(documentId, known);
      }
      return known;
    };

    const queue: HubMessage[] = [];
    let wake: (() => void) | undefined;
    const subscription = options.hub.subscribe(user, visible, (m) => {
      queue.push(m);
      wake?.();
    });
    if (!subscription) {
      return problemResponse(
        c,
        429,
        'rate-limited',
        { detail: 'Too many open event streams.' },
        { 'Retry-After': '30' },
      );
    }
    const lastEventId = parseLastEventId(c.req.header('last-event-id'));
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        subscription.close();
        wake?.();
      });
      // An immediate write flushes the headers so EventSource opens at once.
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 + Math.floor(Math.random() * 4000) });
      if (refused.length > 0) {
        const data: TopicsEvent = { refused };
        await stream.writeSSE({ event: TOPICS_EVENT, data: JSON.stringify(data) });
      }
      let sent = lastEventId ?? 0;
      const write = async (m: HubMessage) => {
        if (m.kind === 'event' && m.seq <= sent) return; // already replayed
        if (!(await mayReceive(m))) return;
        sent = Math.max(sent, m.seq);
        await stream.writeSSE(
          m.kind === 'resync'
            ? { id: String(m.seq), event: 'resync', data: '{}' }
            : { id: String(m.seq), event: m.event.type, data: JSON.stringify(m.event) },
        );
      };
      if (lastEventId !== null) {
        try {
          for (const m of options.hub.replay(lastEventId, visible)) await write(m);
        } catch {
          await stream.writeSSE({ event: 'resync', data: '{}' });
        }
      }
      const heartbeatMs = options.heartbeatMs ?? 15_000;
      // The stream ends when its token would be refused: the client reconnects with a fresh token and
      // Last-Event-ID (nothing is lost), and the topics are checked against the user's permissions again.
      const expired = () => acceptedUntil !== undefined && Date.now() >= acceptedUntil;
      while (!closed && !expired()) {
        const next = queue.shift();
        if (next) {
          await write(next);
          continue;
        }
        const waitMs =
          acceptedUntil === undefined ? heartbeatMs : Math.min(heartbeatMs, acceptedUntil - Date.now());
        const beat = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), Math.max(0, waitMs));
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (beat && !closed && !expired()) await stream.write(': ping\n\n');
      }
      subscription.close();
    });
  });
  return app;
}
