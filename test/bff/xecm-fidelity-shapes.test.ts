// Where the notes' sources disagree on a shape, the BFF tolerates both (notes, preamble). GET
// /v2/businessworkspaces/{id}: PYX reads `results` as an object, its docstring shows a list (W2, §3). A
// loopback proxy in front of the emulator answers the list form.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { DocumentPage, WorkspaceSummary } from '../../src/contract/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { startStack, type Stack } from './helpers/stack.js';

const { acme } = WELL_KNOWN;

interface Rewrite {
  path: RegExp;
  /** Changes the request URL (e.g. its query) before it is forwarded. */
  request?: (url: URL) => void;
  /** Changes the JSON answer. */
  body?: (json: Record<string, unknown>) => unknown;
}

/** Forwards everything to `target`; requests and JSON answers of paths matching `rewrite.path` are rewritten. */
async function startRewritingProxy(
  target: string,
  rewrite: Rewrite,
): Promise<{ url: string; server: Server; rewritten: () => number }> {
  let rewritten = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', target);
      const matches = rewrite.path.test(parsed.pathname);
      if (matches) rewrite.request?.(parsed);
      const url = `${parsed.pathname}${parsed.search}`;
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
          if (matches) rewritten += 1;
          if (upstream.ok && matches && rewrite.body) {
            body = Buffer.from(
              JSON.stringify(rewrite.body(JSON.parse(body.toString()) as Record<string, unknown>)),
            );
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

// Content Server may cap `limit` below what the BFF asks for (notes §2.7: member search caps it at 20; the
// cap of /nodes is unknown). `page_total` is the server's own count of pages (a documented paging field).
describe('xECM fidelity: a server that caps the page size', () => {
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startRewritingProxy>>;
  let stack: Stack;
  const CAP = 3;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    proxy = await startRewritingProxy(emulator.url, {
      path: /^\/api\/v2\/nodes\/\d+\/nodes$/,
      request: (url) => {
        if (Number(url.searchParams.get('limit') ?? CAP) > CAP) url.searchParams.set('limit', String(CAP));
      },
    });
    stack = await startStack({ env: { XECM_BASE_URL: proxy.url } });
  });
  after(async () => {
    await stack.close();
    await new Promise((resolve) => proxy.server.close(resolve));
    await emulator.close();
  });

  it('lists every document of a workspace across all the pages the server has', async () => {
    const summary = await stack.get<WorkspaceSummary>('max.sales', `/v1/workspaces/${acme.workspaceId}`);
    assert.equal(summary.status, 200);
    assert.ok(summary.body.documentCount > CAP * 2);
    // Sorted by MIME type: the BFF reads every folder whole and sorts itself.
    const page = await stack.get<DocumentPage>(
      'max.sales',
      `/v1/workspaces/${acme.workspaceId}/documents?sort=mimeType&pageSize=200`,
    );
    assert.equal(page.status, 200);
    assert.equal(page.body.total, summary.body.documentCount);
    assert.equal(new Set(page.body.items.map((d) => d.id)).size, summary.body.documentCount);
  });
});

// The notes document only name sorts for /nodes (N2), and no page-size cap for it. A loopback proxy plays a
// server that ignores other sort keys (answers in name order) and caps `limit` at 2: documents of a
// one-folder workspace must still come sorted by date, and pages of 4 must hold the right 4.
describe('xECM fidelity: a server that sorts by name only and caps the page size', () => {
  let direct: Stack; // the documents are uploaded straight to the emulator, through a plain BFF
  let proxy: Awaited<ReturnType<typeof startRewritingProxy>>;
  let stack: Stack;
  const { empty } = WELL_KNOWN;
  // Uploaded in this order, a minute apart: name order is the reverse of date order.
  const NAMES = ['e.txt', 'd.txt', 'c.txt', 'b.txt', 'a.txt'];

  before(async () => {
    direct = await startStack();
    const token = await direct.tokenFor('max.sales');
    for (const name of NAMES) {
      const form = new FormData();
      form.append('file', new Blob([name], { type: 'text/plain' }), name);
      const res = await direct.fetch(`/v1/workspaces/${empty.workspaceId}/documents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Requested-With': 'xecm-elements' },
        body: form,
      });
      assert.equal(res.status, 201, await res.text());
      assert.ok((await direct.control('/emulator/clock/advance', { seconds: 60 })).ok);
    }
    proxy = await startRewritingProxy(direct.emulator.url, {
      path: /^\/api\/v2\/nodes\/\d+\/nodes$/,
      request: (url) => {
        const sort = url.searchParams.get('sort');
        if (sort && !/^(asc_|desc_)?name$/.test(sort)) url.searchParams.set('sort', 'asc_name');
        if (Number(url.searchParams.get('limit') ?? 2) > 2) url.searchParams.set('limit', '2');
      },
    });
    stack = await startStack({ env: { XECM_BASE_URL: proxy.url } });
  });
  after(async () => {
    await stack.close();
    await new Promise((resolve) => proxy.server.close(resolve));
    await direct.close();
  });

  const names = async (query: string) => {
    const { status, body } = await stack.get<DocumentPage>(
      'max.sales',
      `/v1/workspaces/${empty.workspaceId}/documents?${query}`,
    );
    assert.equal(status, 200);
    return { names: body.items.map((d) => d.name), total: body.total };
  };

  it('sorts by date itself instead of trusting an undocumented upstream sort', async () => {
    assert.deepEqual((await names('sort=modifiedAt&pageSize=50')).names, NAMES);
    assert.deepEqual((await names('sort=-modifiedAt&pageSize=50')).names, [...NAMES].reverse());
    assert.deepEqual((await names('sort=-size&pageSize=50')).total, NAMES.length);
  });

  it('gives pages of the asked size when the server pages in smaller steps', async () => {
    assert.deepEqual(await names('sort=name&pageSize=4&page=1'), {
      names: ['a.txt', 'b.txt', 'c.txt', 'd.txt'],
      total: 5,
    });
    assert.deepEqual(await names('sort=name&pageSize=4&page=2'), { names: ['e.txt'], total: 5 });
    assert.deepEqual(await names('sort=-name&pageSize=4&page=1'), {
      names: ['e.txt', 'd.txt', 'c.txt', 'b.txt'],
      total: 5,
    });
  });
});
