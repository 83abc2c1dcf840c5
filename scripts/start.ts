// `npm start`: the whole demo on fixed ports: xECM emulator, BFF, demo LOB app, ERP webhook receiver.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { buildDemoPages } from '../demo/build-pages.js';
import { DEFAULT_PORTS, startDemoStack } from '../demo/stack.js';

const ROLES = {
  emulator: 'xECM emulator',
  bff: 'BFF',
  demo: 'demo LOB app',
  receiver: 'ERP webhook receiver',
} as const;

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Best effort (Linux): which process listens on the port, from /proc. */
function whoListens(port: number): string | undefined {
  try {
    const hex = port.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!);
      }
    }
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
          if (m && inodes.has(m[1]!)) {
            const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
            return `process ${pid}: ${cmd.slice(0, 120)}`;
          }
        } catch {
          /* not ours to read */
        }
      }
    }
  } catch {
    /* not Linux, or /proc not readable */
  }
  return undefined;
}

const busy: string[] = [];
for (const [key, port] of Object.entries(DEFAULT_PORTS) as [keyof typeof ROLES, number][]) {
  if (!(await portFree(port))) {
    const who = whoListens(port);
    busy.push(`  port ${port} (needed for the ${ROLES[key]}) is already in use${who ? ` by ${who}` : ''}`);
  }
}
if (busy.length > 0) {
  console.error(
    `npm start cannot run:\n${busy.join('\n')}\nStop what uses these ports (an earlier \`npm start\`?) and try again.`,
  );
  process.exit(1);
}

console.log('Building the demo pages…');
const pagesDir = await buildDemoPages({ quiet: true });
const stack = await startDemoStack({ pagesDir, logLevel: 'warn' });

console.log(`
xecm-elements demo is running:

  Demo LOB app (start here)  ${stack.demo.url}/
    CRM                      ${stack.demo.url}/crm
    ERP                      ${stack.demo.url}/erp
    Public portal            ${stack.demo.url}/portal
    Plain HTML host          ${stack.demo.url}/plain
    React host               ${stack.demo.url}/react
  BFF                        ${stack.bff.url}  (API description: ${stack.bff.url}/openapi.json)
  xECM emulator              ${stack.emulator.url}
  ERP webhook receiver       ${stack.receiver.url}/

Sign in as max.sales (regular), lena.legal (reviewer), rex.restricted (restricted) or Admin.
Press Ctrl-C to stop.
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
