// Shared helpers of the sseLiveEvents tests (not a test file itself): msw streaming responses driven by
// the test, reached by a real fetch through the service worker.
import { waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BffClient, sseLiveEvents, type LiveEventsHost } from '../../src/client/index.js';
import type { DomainEvent } from '../../src/contract/index.js';
import { MOCK_BFF_BASE } from '../mocks/server-setup.js';

export interface Opened {
  url: URL;
  headers: Headers;
  send(text: string): void;
  end(): void;
  /** The client closed this stream (aborted its request). */
  cancelled: boolean;
}

/** Every stream requested since the last reset (`opened.length = 0`), oldest first. */
export const opened: Opened[] = [];

function ignoreClosed(action: () => void): void {
  try {
    action();
  } catch {
    // stream already closed
  }
}

/** One SSE stream per request, driven by the test; `status` answers with a problem instead. */
export function eventsHandler(status?: (request: Request) => number | undefined) {
  return http.get(`${MOCK_BFF_BASE}/v1/events`, ({ request }) => {
    const refuse = status?.(request);
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel: () => void (entry.cancelled = true),
    });
    const encoder = new TextEncoder();
    const entry: Opened = {
      cancelled: false,
      url: new URL(request.url),
      headers: request.headers,
      // The client may have cancelled the stream already (close, topic change): nothing to deliver then.
      send: (text) => ignoreClosed(() => controller.enqueue(encoder.encode(text))),
      end: () => ignoreClosed(() => controller.close()),
    };
    opened.push(entry);
    if (refuse) {
      const headers = refuse === 429 ? { 'retry-after': '1' } : undefined;
      return HttpResponse.json({ status: refuse }, { status: refuse, ...(headers ? { headers } : {}) });
    }
    // Like the BFF: an immediate `ready` flushes the headers.
    controller.enqueue(encoder.encode('event: ready\ndata: {}\n\n'));
    return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream' } });
  });
}

export function domainEvent(over: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: 'xecm-audit-1',
    type: 'document.approved',
    occurredAt: '2026-11-29T06:31:20Z',
    workspaceId: '7001',
    documentId: '8001',
    data: { approvalStatus: 'Approved' },
    ...over,
  };
}

export function sse(id: number, event: DomainEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A client whose subscribers record which keys were invalidated. */
export function watchedClient(keys: string[], options: Parameters<typeof sseLiveEvents>[0] = {}) {
  const told: string[] = [];
  const client = new BffClient({
    baseUrl: MOCK_BFF_BASE,
    tokenProvider: () => 'token-abc',
    liveEvents: sseLiveEvents(options),
  });
  const releases = keys.map((key) => client.subscribe(key, () => told.push(key)));
  return { client, told, release: () => releases.forEach((r) => r()) };
}

export function fakeHost(tokens: string[] = ['token-abc']) {
  const invalidated: string[] = [];
  const host: LiveEventsHost = {
    baseUrl: MOCK_BFF_BASE,
    token: async () => (tokens.length > 1 ? tokens.shift() : tokens[0]),
    invalidate: (key) => invalidated.push(key),
  };
  return { host, invalidated };
}

export const topicsOf = (o: Opened) => o.url.searchParams.get('topics')!.split(',').sort();
export const opens = (n: number) => waitUntil(() => opened.length >= n, `expected ${n} stream(s)`);
