import { spawn, type ChildProcess } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./bff-child.ts', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));
const KEEP_OUTPUT_CHARS = 20_000;

/** A BFF running in its own process (see bff-child.ts). */
export interface BffProcess {
  readonly url: string;
  readonly pid: number;
  readonly exited: boolean;
  /** SIGKILL (no cleanup of any kind runs in the child) and wait until the process is gone. */
  kill(): Promise<void>;
  /** The tail of its stdout and stderr, for failure messages. */
  output(): string;
}

/** This process's environment without BFF settings, so only `env` configures the child. */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BFF_|XECM_|OTDS_)/.test(key)));
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Bundles bff-child.ts (and the BFF source) into `dir` once, so each restart is a plain `node` start: loading
 * the sources through tsx on every restart costs about twice the CPU, which the 2-core CI machine notices.
 * Packages stay external and resolve through a `node_modules` link in `dir`. Returns the entry path.
 */
export async function bundleBffChild(dir: string): Promise<string> {
  const outfile = join(dir, 'bff-child.mjs');
  symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
  await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** Starts `entry` (bundled, or a .ts file through tsx) with `env` and resolves once the BFF listens. */
export async function spawnBff(
  entry: string,
  env: Record<string, string>,
  startTimeoutMs = 30_000,
): Promise<BffProcess> {
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : ['--enable-source-maps', entry];
  const child = spawn(process.execPath, args, {
    env: { ...inheritedEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await waitForExit(child);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`BFF child did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    child.on('message', (message: unknown) => {
      const m = message as { type?: string; url?: string };
      if (m.type === 'ready' && typeof m.url === 'string') {
        clearTimeout(timer);
        resolve(m.url);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`BFF child exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    kill,
    output: () => output,
  };
}
