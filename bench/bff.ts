// BFF benchmark: loopback only, bounded in time (~25 s). Starts the emulator and two BFFs (summary cache
// on / off) in this process, drives each scenario with a small concurrent fetch loop, and prints req/s,
// p50, p99 and CPU milliseconds per request (everything in this process: client, BFF and emulator), plus
// the BFF's overhead against calling the emulator directly for the same data — the very upstream request
// the BFF sends. A single-client pass shows the latency one request gains by going through the BFF.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { loadConfig } from '../src/bff/config.js';
import { startBff } from '../src/bff/server.js';
import { startEmulator } from '../src/emulator/server.js';
import { WELL_KNOWN } from '../src/emulator/seed/well-known.js';

import { documentQuery } from '../src/bff/xecm/node-lists.js';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 2500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const USER = WELL_KNOWN.users.regular.name;
const { acme, big } = WELL_KNOWN;

interface Result {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of this whole process per request (client + BFF + emulator). */
  cpuMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(
  name: string,
  request: (i: number) => Promise<Response>,
  concurrency = CONCURRENCY,
): Promise<Result> {
  // Warm-up: fills caches and JIT paths so the phase measures the steady state.
  for (let i = 0; i < 20; i++) await (await request(i)).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + PHASE_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const res = await request(counter++);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMs: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
  };
}

/**
 * A recording upstream: the first GET of a URL goes to the emulator, repeats get the recorded answer
 * (non-GETs always go through). With the emulator's own work out of the way, what remains of a BFF page
 * is the BFF's cost — the figure this benchmark exists to watch.
 */
async function startReplay(target: string): Promise<{ url: string; server: Server }> {
  const recorded = new Map<string, { status: number; headers: [string, string][]; body: Buffer }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = req.url ?? '/';
      const hit = req.method === 'GET' ? recorded.get(key) : undefined;
      const answer = hit
        ? Promise.resolve(hit)
        : fetch(`${target}${key}`, {
            method: req.method ?? 'GET',
            headers: Object.entries(req.headers).flatMap(([k, v]) =>
              typeof v === 'string' && k !== 'host' && k !== 'connection' ? [[k, v] as [string, string]] : [],
            ),
            ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
          }).then(async (r) => {
            const got = {
              status: r.status,
              headers: [...r.headers].filter(([k]) => k === 'content-type' || k === 'otcsticket'),
              body: Buffer.from(await r.arrayBuffer()),
            };
            if (req.method === 'GET' && r.ok) recorded.set(key, got);
            return got;
          });
      void answer.then(
        (a) => {
          res.writeHead(a.status, [...a.headers, ['content-length', String(a.body.length)]].flat());
          res.end(a.body);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const quiet = new Writable({ write: (_c, _e, done) => done() });
const emulator = await startEmulator({ port: 0 });
const replay = await startReplay(emulator.url);
const secret = randomBytes(24).toString('base64url');
const env = {
  BFF_PORT: '0',
  XECM_BASE_URL: emulator.url,
  BFF_IDENTITY_SECRET: secret,
  BFF_LOG_LEVEL: 'warn',
  // The benchmark is one user hammering the BFF: lift the per-user limit.
  BFF_RATE_LIMIT: '100000000',
};
const cached = await startBff(loadConfig({ ...env, BFF_SUMMARY_TTL_SECONDS: '60' }), { logStream: quiet });
const uncached = await startBff(loadConfig({ ...env, BFF_SUMMARY_TTL_SECONDS: '0' }), { logStream: quiet });
const replayed = await startBff(loadConfig({ ...env, XECM_BASE_URL: replay.url }), { logStream: quiet });

const now = Math.floor(Date.now() / 1000);
const token = await new SignJWT({})
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(USER)
  .setAudience('xecm-bff')
  .setIssuedAt(now)
  .setExpirationTime(now + 600)
  .sign(new TextEncoder().encode(secret));
const auth = { Authorization: `Bearer ${token}` };

// A ticket for calling the emulator directly, obtained the way the BFF does.
async function directTicket(): Promise<string> {
  const form = (f: Record<string, string>) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(f).toString(),
  });
  const creds = { client_id: 'xecm-bff', client_secret: 'bff-secret' };
  const service = (await (
    await fetch(`${emulator.url}/otdsws/oauth2/token`, form({ grant_type: 'client_credentials', ...creds }))
  ).json()) as { access_token: string };
  const user = (await (
    await fetch(
      `${emulator.url}/otdsws/oauth2/token`,
      form({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        ...creds,
        subject_token: service.access_token,
        subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        requested_subject: USER,
      }),
    )
  ).json()) as { access_token: string };
  const res = await fetch(`${emulator.url}/api/v1/auth`, {
    headers: { Authorization: `Bearer ${user.access_token}` },
  });
  return res.headers.get('otcsticket') ?? '';
}
const ticket = { OTCSTicket: await directTicket() };
const pages = big.documentCount / 50;

const results: Result[] = [];
/** Exactly the upstream request the BFF sends for a page of the big workspace (see document-service.ts). */
const REPLAY_PAGES = 20;
const directPage = (i: number, origin = emulator.url, pageCount = pages) =>
  fetch(
    `${origin}/api/v2/nodes/${big.documentsFolderId}/nodes?${new URLSearchParams([
      ['where_type', '144'],
      ['sort', 'asc_name'],
      ['page', String((i % pageCount) + 1)],
      ['limit', '50'],
      // The BFF's own fields and expand (document-service.ts reads pages with documentQuery()).
      ...Object.entries(documentQuery()).flatMap(([key, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => [key, String(v)]),
      ),
    ]).toString()}`,
    { headers: { ...ticket, Accept: 'application/json' } },
  );
const bffPage = (i: number, origin = cached.url, pageCount = pages) =>
  fetch(`${origin}/v1/workspaces/${big.workspaceId}/documents?pageSize=50&page=${(i % pageCount) + 1}`, {
    headers: auth,
  });
// Records the replayed pages (and the BFF's sign-in and folder walk) before anything is measured.
for (let i = 0; i < REPLAY_PAGES; i++) {
  await (await directPage(i, replay.url, REPLAY_PAGES)).arrayBuffer();
  await (await bffPage(i, replayed.url, REPLAY_PAGES)).arrayBuffer();
}
results.push(
  await run('emulator direct: workspace GET', () =>
    fetch(`${emulator.url}/api/v2/businessworkspaces/${acme.workspaceId}?fields=properties`, {
      headers: ticket,
    }),
  ),
);
results.push(await run('emulator direct: 50-document list', directPage));
results.push(
  await run('BFF summary, cached', () =>
    fetch(`${cached.url}/v1/workspaces/${acme.workspaceId}`, { headers: auth }),
  ),
);
results.push(
  await run('BFF summary, uncached', () =>
    fetch(`${uncached.url}/v1/workspaces/${acme.workspaceId}`, { headers: auth }),
  ),
);
results.push(await run('BFF document page (50)', bffPage));
results.push(await run('1 client: direct 50-document list', directPage, 1));
results.push(await run('1 client: BFF document page (50)', bffPage, 1));
results.push(await run('replayed upstream: direct list', (i) => directPage(i, replay.url, REPLAY_PAGES), 1));
results.push(await run('replayed upstream: BFF page', (i) => bffPage(i, replayed.url, REPLAY_PAGES), 1));

await Promise.all([cached.close(), uncached.close(), replayed.close()]);
await new Promise((resolve) => replay.server.close(resolve));
await emulator.close();

const fmt = (n: number, d = 1) => n.toFixed(d).padStart(8);
console.log(
  `\nBFF benchmark (loopback, ${CONCURRENCY} concurrent clients, ${PHASE_MS} ms per scenario, Node ${process.version})\n`,
);
console.log(
  `${'scenario'.padEnd(36)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'cpu ms'.padStart(8)}  errors`,
);
for (const r of results)
  console.log(
    `${r.name.padEnd(36)}${fmt(r.rps, 0)}${fmt(r.p50)}${fmt(r.p99)}${fmt(r.cpuMs, 2)}  ${r.errors}`,
  );
const byName = (n: string) => results.find((r) => r.name === n)!;
const page = byName('BFF document page (50)');
const direct = byName('emulator direct: 50-document list');
const summary = byName('BFF summary, cached');
const ws = byName('emulator direct: workspace GET');
const onePage = byName('1 client: BFF document page (50)');
const oneDirect = byName('1 client: direct 50-document list');
const rDirect = byName('replayed upstream: direct list');
const rPage = byName('replayed upstream: BFF page');
console.log(
  `\nOverhead vs the emulator for the same data:\n` +
    `  document page: BFF p50 / direct p50 = ${(page.p50 / direct.p50).toFixed(2)}x, throughput ${(page.rps / direct.rps).toFixed(2)}x, ` +
    `CPU per request +${(page.cpuMs - direct.cpuMs).toFixed(2)} ms\n` +
    `  one client: a page through the BFF takes +${(onePage.p50 - oneDirect.p50).toFixed(1)} ms (p50 ${onePage.p50.toFixed(1)} vs ${oneDirect.p50.toFixed(1)} ms)\n` +
    `  the BFF's own cost (emulator answers replayed, one client): +${(rPage.p50 - rDirect.p50).toFixed(2)} ms p50, ` +
    `+${(rPage.cpuMs - rDirect.cpuMs).toFixed(2)} ms CPU per page (p50 ${rPage.p50.toFixed(2)} vs ${rDirect.p50.toFixed(2)} ms)\n` +
    `  cached summary vs one direct workspace GET: p50 ${(summary.p50 / ws.p50).toFixed(2)}x, throughput ${(summary.rps / ws.rps).toFixed(2)}x\n` +
    `  (an uncached summary needs the workspace, its categories and a folder walk; concurrent identical reads share one)\n` +
    `  cpu ms = CPU time of this process per request: client, BFF and emulator share it, so it adds up across them`,
);
if (results.some((r) => r.errors > 0)) process.exitCode = 1;
