import * as z from 'zod/mini';
import { TOPIC_PATTERN } from './domain-event.js';

/**
 * Data of the `topics` event of `GET /v1/events`, sent right after `ready` when some requested topics are
 * not carried by the stream (missing and forbidden alike). It has no SSE id: it is not an outbox event.
 */
export const TopicsEvent = z.object({
  refused: z.array(z.string().check(z.regex(TOPIC_PATTERN))),
});
export type TopicsEvent = z.infer<typeof TopicsEvent>;

/** SSE event name of TopicsEvent. */
export const TOPICS_EVENT = 'topics';
