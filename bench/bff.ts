// BFF benchmark: loopback only, bounded in time (~15 s). Starts the emulator and two BFFs (summary cache
// on / off), drives each scenario with a small concurrent fetch loop, and prints req/s, p50 and p99,
// plus the BFF's overhead against calling the emulator directly for the same data.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { loadConfig } from '../src/bff/config.js';
import { startBff } from '../src/bff/server.js';
import { startEmulator } from '../src/emulator/server.js';
import { WELL_KNOWN } from '../src/emulator/seed/well-known.js';

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
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(name: string, request: (i: number) => Promise<Response>): Promise<Result> {
  // Warm-up: fills caches and JIT paths so the phase measures the steady state.
  for (let i = 0; i < 5; i++) await (await request(i)).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + PHASE_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
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
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const quiet = new Writable({ write: (_c, _e, done) => done() });
const emulator = await startEmulator({ port: 0 });
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
results.push(
  await run('emulator direct: workspace GET', () =>
    fetch(`${emulator.url}/api/v2/businessworkspaces/${acme.workspaceId}?fields=properties`, {
      headers: ticket,
    }),
  ),
);
results.push(
  await run('emulator direct: 50-document list', (i) =>
    fetch(
      `${emulator.url}/api/v2/nodes/${big.documentsFolderId}/nodes?where_type=144&limit=50&page=${(i % pages) + 1}&fields=properties&fields=categories`,
      { headers: ticket },
    ),
  ),
);
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
results.push(
  await run('BFF document page (50)', (i) =>
    fetch(`${cached.url}/v1/workspaces/${big.workspaceId}/documents?pageSize=50&page=${(i % pages) + 1}`, {
      headers: auth,
    }),
  ),
);

await Promise.all([cached.close(), uncached.close()]);
await emulator.close();

const fmt = (n: number, d = 1) => n.toFixed(d).padStart(8);
console.log(
  `\nBFF benchmark (loopback, ${CONCURRENCY} concurrent clients, ${PHASE_MS} ms per scenario, Node ${process.version})\n`,
);
console.log(
  `${'scenario'.padEnd(36)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}  errors`,
);
for (const r of results)
  console.log(`${r.name.padEnd(36)}${fmt(r.rps, 0)}${fmt(r.p50)}${fmt(r.p99)}  ${r.errors}`);
const byName = (n: string) => results.find((r) => r.name === n)!;
const page = byName('BFF document page (50)');
const direct = byName('emulator direct: 50-document list');
const summary = byName('BFF summary, cached');
const ws = byName('emulator direct: workspace GET');
console.log(
  `\nOverhead vs the emulator for the same data:\n` +
    `  document page: BFF p50 / direct p50 = ${(page.p50 / direct.p50).toFixed(2)}x, throughput ${(page.rps / direct.rps).toFixed(2)}x\n` +
    `  cached summary vs one direct workspace GET: p50 ${(summary.p50 / ws.p50).toFixed(2)}x, throughput ${(summary.rps / ws.rps).toFixed(2)}x\n` +
    `  (an uncached summary needs the workspace, its categories and a folder walk: several upstream calls)`,
);
if (results.some((r) => r.errors > 0)) process.exitCode = 1;
