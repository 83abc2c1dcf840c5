// msw handler for the BFF's live-update stream (`GET /bff/v1/events?topics=…`, server-sent events), for
// stories (and tests that want one): streams stay open like the real BFF's, and `push()` sends a domain
// event to every open stream, so elements repaint through the same path as in production.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { DomainEvent } from '../../src/contract/index.js';

export const LIVE_BFF_BASE = '/bff';

export interface LiveMock {
  readonly handlers: HttpHandler[];
  /** Sends `event` to every open stream (as the BFF does: `id`, `event: <type>`, JSON `data`). */
  push(event: DomainEvent): void;
  /** Streams open now. */
  readonly open: number;
  /** Topic lists the streams were opened with, in order (e.g. `workspace:2001,document:8100`). */
  readonly requested: readonly string[];
}

export function createLiveMock(): LiveMock {
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const requested: string[] = [];
  const encoder = new TextEncoder();
  let seq = 0;

  const handlers: HttpHandler[] = [
    http.get(`${LIVE_BFF_BASE}/v1/events`, ({ request }) => {
      requested.push(new URL(request.url).searchParams.get('topics') ?? '');
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      const drop = () => {
        if (!controller) return;
        streams.delete(controller);
        try {
          controller.close();
        } catch {
          // already closed or cancelled by the reader
        }
      };
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
          streams.add(c);
          c.enqueue(encoder.encode('event: ready\ndata: {}\n\n'));
        },
        cancel: () => void (controller && streams.delete(controller)),
      });
      request.signal.addEventListener('abort', drop, { once: true });
      return new HttpResponse(body, {
        headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
      });
    }),
  ];

  return {
    handlers,
    push(event) {
      const chunk = encoder.encode(`id: ${++seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      for (const c of streams) {
        try {
          c.enqueue(chunk);
        } catch {
          streams.delete(c);
        }
      }
    },
    get open() {
      return streams.size;
    },
    requested,
  };
}

/** Handlers for a live stream that stays open and never sends an event (nothing changes meanwhile). */
export function idleLiveEvents(): HttpHandler[] {
  return createLiveMock().handlers;
}
