import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./bff-child.ts', import.meta.url));
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

/** Starts the BFF with `env` (on top of this process's PATH etc.) and resolves once it listens. */
export async function spawnBff(env: Record<string, string>, startTimeoutMs = 30_000): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
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
