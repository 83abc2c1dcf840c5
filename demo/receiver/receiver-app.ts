import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { verify } from '../server/webhook-signature.js';

export interface Delivery {
  /** `webhook-id` header (stable across retries, so duplicates are visible). */
  webhookId: string | null;
  receivedAt: string;
  /** Event type from the payload, when it parsed. */
  type: string | null;
  verified: boolean;
  /** Why verification failed. */
  reason?: string;
  payload: unknown;
}

export interface ReceiverOptions {
  /** `whsec_…` secret(s) of the subscription; several = rotation. */
  secrets: string[];
  /** Keep at most this many deliveries (newest first). */
  max?: number;
}

/**
 * A downstream "ERP" that receives the BFF's signed webhooks. It stores every delivery, verified or not,
 * so a newcomer sees what arrived and whether the signature held.
 */
export function createReceiverApp(options: ReceiverOptions): { app: Hono; deliveries: Delivery[] } {
  const deliveries: Delivery[] = [];
  const max = options.max ?? 500;
  const app = new Hono();

  app.post('/webhooks', async (c) => {
    const raw = await c.req.text();
    const headers = {
      id: c.req.header('webhook-id') ?? null,
      timestamp: c.req.header('webhook-timestamp') ?? null,
      signature: c.req.header('webhook-signature') ?? null,
    };
    let result: { ok: boolean; reason?: string } = { ok: false, reason: 'no secret configured' };
    for (const secret of options.secrets) {
      result = verify(secret, headers, raw);
      if (result.ok) break;
    }
    let payload: unknown = raw;
    try {
      payload = JSON.parse(raw);
    } catch {
      /* kept as text */
    }
    const type =
      payload && typeof payload === 'object' && 'type' in payload && typeof payload.type === 'string'
        ? payload.type
        : null;
    deliveries.unshift({
      webhookId: headers.id,
      receivedAt: new Date().toISOString(),
      type,
      verified: result.ok,
      ...(result.ok ? {} : { reason: result.reason }),
      payload,
    });
    deliveries.length = Math.min(deliveries.length, max);
    // A receiver answers 401 to what it cannot verify, so the sender sees it; it is still listed.
    return result.ok ? c.body(null, 204) : c.json({ error: 'signature verification failed' }, 401);
  });

  app.get('/deliveries', (c) => c.json({ items: deliveries }));
  app.delete('/deliveries', (c) => {
    deliveries.length = 0;
    return c.body(null, 204);
  });
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.get('/', (c) => {
    const rows = deliveries.map(
      (d) =>
        html`<tr>
          <td>${d.receivedAt}</td>
          <td><code>${d.type ?? '—'}</code></td>
          <td class="${d.verified ? 'ok' : 'bad'}">
            ${d.verified ? 'verified' : `rejected: ${d.reason ?? ''}`}
          </td>
          <td><code>${d.webhookId ?? '—'}</code></td>
          <td><pre>${JSON.stringify(d.payload, null, 2)}</pre></td>
        </tr>`,
    );
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta http-equiv="refresh" content="5" />
            <title>ERP webhook receiver</title>
            <style>
              body {
                font:
                  14px system-ui,
                  sans-serif;
                margin: 2rem;
                color: #1b1f24;
              }
              table {
                border-collapse: collapse;
                width: 100%;
              }
              th,
              td {
                border-bottom: 1px solid #d0d7de;
                padding: 0.4rem;
                text-align: left;
                vertical-align: top;
              }
              pre {
                margin: 0;
                max-height: 10rem;
                overflow: auto;
                font-size: 12px;
              }
              .ok {
                color: #1a7f37;
                font-weight: 600;
              }
              .bad {
                color: #cf222e;
                font-weight: 600;
              }
            </style>
          </head>
          <body>
            <h1>ERP webhook receiver</h1>
            <p>
              ${deliveries.length} deliveries received at <code>POST /webhooks</code>. JSON:
              <a href="/deliveries">/deliveries</a>. This page refreshes every 5 seconds.
            </p>
            <table>
              <thead>
                <tr>
                  <th>Received</th>
                  <th>Type</th>
                  <th>Signature</th>
                  <th>webhook-id</th>
                  <th>Payload</th>
                </tr>
              </thead>
              <tbody>
                ${rows.length ? rows : raw('<tr><td colspan="5">Nothing yet.</td></tr>')}
              </tbody>
            </table>
          </body>
        </html>`,
    );
  });
  return { app, deliveries };
}
