import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One webhook request as the receiver saw it (complete bodies only). */
export interface ReceivedDelivery {
  webhookId: string;
  webhookTimestamp: string;
  body: string;
  /** Signature checked with the subscription's secret by the reference `standardwebhooks` library. */
  verified: boolean;
  /** What the receiver answered: 2xx = accepted. */
  status: number;
  /** The answer has been written (it may still be delayed by `latencyMs`). */
  answered: boolean;
  /** The event inside the body (`data` of the Standard Webhooks envelope), when it parsed. */
  event: { id?: string; type?: string; documentId?: string; workspaceId?: string } | null;
}

export interface ReceiverOptions {
  /** Answer 500 to the first attempt of an event when this says so (retries then cross crashes). */
  failFirstAttempt?: (event: ReceivedDelivery['event']) => boolean;
  /** Random delay before answering, so a kill can land while a delivery is in flight. */
  latencyMs?: () => number;
}

export interface Receiver {
  readonly url: string;
  readonly deliveries: ReceivedDelivery[];
  /** The subscription's secret, known once the subscription is created. */
  secret: string | undefined;
  close(): Promise<void>;
}

/** A webhook endpoint on the loopback (port 0) that records every complete request. */
export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const deliveries: ReceivedDelivery[] = [];
  const seenIds = new Set<string>();
  const receiver: Receiver = { url: '', deliveries, secret: undefined, close: async () => {} };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const header = (name: string) => String(req.headers[name] ?? '');
    const webhookId = header('webhook-id');
    let verified = false;
    try {
      if (receiver.secret) {
        new Webhook(receiver.secret).verify(body, {
          'webhook-id': webhookId,
          'webhook-timestamp': header('webhook-timestamp'),
          'webhook-signature': header('webhook-signature'),
        });
        verified = true;
      }
    } catch {
      verified = false;
    }
    let event: ReceivedDelivery['event'];
    try {
      event = (JSON.parse(body) as { data?: ReceivedDelivery['event'] }).data ?? null;
    } catch {
      event = null;
    }
    // "First attempt" of the event, not of the webhook id: a sender that changed ids must not escape the
    // test's webhook-id assertions by being refused forever.
    const key = event?.id ?? webhookId;
    const firstTime = !seenIds.has(key);
    seenIds.add(key);
    const status = !verified ? 401 : firstTime && options.failFirstAttempt?.(event) ? 500 : 204;
    const delivery: ReceivedDelivery = {
      webhookId,
      webhookTimestamp: header('webhook-timestamp'),
      body,
      verified,
      status,
      answered: false,
      event,
    };
    deliveries.push(delivery);
    const answer = () => {
      if (!res.destroyed) res.writeHead(status).end();
      delivery.answered = true;
    };
    const latency = options.latencyMs?.() ?? 0;
    if (latency > 0) setTimeout(answer, latency);
    else answer();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let complete = false;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      complete = true;
      const body = Buffer.concat(chunks);
      // A sender killed mid-request leaves a short body: not a delivery.
      if (body.length !== Number(req.headers['content-length'] ?? -1)) {
        res.writeHead(400).end();
        return;
      }
      handle(req, res, body.toString('utf8'));
    });
    req.on('error', () => {
      if (!complete) res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
