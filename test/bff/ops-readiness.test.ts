// /healthz and /readyz as an orchestrator and an operator see them: with xECM down, the probe says 503 and the
// log says where the BFF looked.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/bff/config.js';
import { startBff, type RunningBff } from '../../src/bff/server.js';
import { logLines } from './helpers/capture.js';

/** A loopback port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('BFF readiness with xECM down', () => {
  let bff: RunningBff;
  let xecm: string;
  const lines: string[] = [];

  before(async () => {
    xecm = `http://127.0.0.1:${await closedPort()}`;
    bff = await startBff(loadConfig({ BFF_PORT: '0', XECM_BASE_URL: xecm }), { logStream: logLines(lines) });
  });
  after(() => bff.close());

  it('stays alive, is not ready, and logs which xECM it could not reach', async () => {
    assert.equal((await fetch(`${bff.url}/healthz`)).status, 200);
    const res = await fetch(`${bff.url}/readyz`);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    const body = (await res.json()) as { code: string; requestId: string };
    assert.equal(body.code, 'upstream-unavailable');
    const line = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; reqId?: string; upstream?: string })
      .find((l) => l.reqId === body.requestId && l.level >= 40 && l.upstream !== undefined);
    assert.ok(line, `no warning naming the upstream:\n${lines.join('\n')}`);
    assert.equal(line.upstream, `${xecm}/api/v1/ping`);
    assert.match(line.msg, /XECM_BASE_URL/);
  });
});
