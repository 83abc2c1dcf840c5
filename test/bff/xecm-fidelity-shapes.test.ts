// Where the notes' sources disagree on a shape, the BFF tolerates both (notes, preamble). GET
// /v2/businessworkspaces/{id}: PYX reads `results` as an object, its docstring shows a list (W2, §3). A
// loopback proxy in front of the emulator answers the list form.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceSummary } from '../../src/contract/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;

/** Forwards everything to `target`; JSON answers of paths matching `rewrite.path` go through `rewrite.body`. */
async function startRewritingProxy(
  target: string,
  rewrite: { path: RegExp; body: (json: Record<string, unknown>) => unknown },
): Promise<{ url: string; server: Server; rewritten: () => number }> {
  let rewritten = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const headers = Object.entries(req.headers).flatMap(([k, v]) =>
        typeof v === 'string' && k !== 'host' && k !== 'connection' && k !== 'content-length'
          ? [[k, v] as [string, string]]
          : [],
      );
      void fetch(`${target}${url}`, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      })
        .then(async (upstream) => {
          let body = Buffer.from(await upstream.arrayBuffer());
          if (upstream.ok && rewrite.path.test(new URL(url, target).pathname)) {
            body = Buffer.from(
              JSON.stringify(rewrite.body(JSON.parse(body.toString()) as Record<string, unknown>)),
            );
            rewritten += 1;
          }
          const out: [string, string][] = [];
          for (const [k, v] of upstream.headers)
            if (k === 'content-type' || k === 'otcsticket') out.push([k, v]);
          res.writeHead(upstream.status, [...out, ['content-length', String(body.length)]].flat());
          res.end(body);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    rewritten: () => rewritten,
  };
}

describe('xECM fidelity: shapes the sources disagree on', () => {
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startRewritingProxy>>;
  let stack: Stack;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    proxy = await startRewritingProxy(emulator.url, {
      path: /^\/api\/v2\/businessworkspaces\/\d+$/,
      body: (json) => ({ ...json, results: [json['results']] }),
    });
    stack = await startStack({ env: { XECM_BASE_URL: proxy.url } });
  });
  after(async () => {
    await stack.close();
    await new Promise((resolve) => proxy.server.close(resolve));
    await emulator.close();
  });

  it('reads a workspace whose results come as a one-item list', async () => {
    const { status, body } = await stack.get<WorkspaceSummary>(
      'max.sales',
      `/v1/workspaces/${acme.workspaceId}`,
    );
    assert.equal(status, 200);
    assert.ok(proxy.rewritten() > 0, 'the list form was served');
    assert.equal(body.id, String(acme.workspaceId));
    assert.equal(body.name, acme.name);
    assert.equal(body.type, 'Customer');
    assert.deepEqual(body.businessObject, acme.businessObject);
  });
});
