// What every BFF answer must look like, whatever it was sent: a documented success or an RFC 9457 problem,
// and nothing inside that a caller must never see (stack traces, tickets, secrets, upstream addresses).
import assert from 'node:assert/strict';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE, problemType } from '../../../src/contract/index.js';

export interface Answer {
  label: string;
  status: number;
  headers: Headers;
  body: string;
}

export interface Expectation {
  /** Statuses the route documents in /openapi.json. */
  documented: ReadonlySet<number>;
  /** The upstream (a LOB system) really is down: 502/503/504 are right then. */
  upstreamDown?: boolean;
  /** The input is not valid for the route: a success would mean it was accepted. */
  mustFail?: boolean;
}

const STACK_TRACE = [
  /\n\s+at \S/,
  /\bat [\w$.<>]+ \((?:file:|\/|node:)/,
  /\/src\//,
  /node_modules/,
  /\.[cm]?[jt]s:\d+:\d+/,
];
/** A bearer credential with a real-looking value (not the `<token>` placeholder of our problem details). */
const BEARER_VALUE = /Bearer\s+[A-Za-z0-9._~+/-]{16,}/;

/** Reads an answer fully; an event stream only up to its first chunk (it never ends by itself). */
export async function readAnswer(label: string, res: Response): Promise<Answer> {
  let body: string;
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream') && res.body) {
    const reader = res.body.getReader();
    const first = await reader.read();
    body = first.value ? new TextDecoder().decode(first.value) : '';
    await reader.cancel();
  } else {
    body = Buffer.from(await res.arrayBuffer()).toString('latin1');
  }
  return { label, status: res.status, headers: res.headers, body };
}

/** Secrets, tickets and upstream addresses never appear in a header or a body. */
export function assertNoLeak(
  answer: Answer,
  needles: readonly string[],
  upstream: { origins: readonly string[]; deepLinkBase: string },
): void {
  const { label, headers, body } = answer;
  for (const name of headers.keys()) {
    assert.notEqual(name, 'otcsticket', `${label}: OTCSTicket header`);
    assert.notEqual(name, 'authorization', `${label}: Authorization header in a response`);
    assert.notEqual(name, 'set-cookie', `${label}: the BFF sets no cookies`);
  }
  const headerText = [...headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  for (const n of needles) {
    if (n.length < 8) continue;
    assert.ok(!headerText.includes(n), `${label}: a secret in the response headers`);
    assert.ok(!body.includes(n), `${label}: a secret in the response body`);
  }
  assert.ok(!/otcsticket/i.test(body), `${label}: OTCSTicket in the body`);
  assert.ok(!BEARER_VALUE.test(body), `${label}: a bearer credential in the body`);
  for (const re of STACK_TRACE) assert.ok(!re.test(body), `${label}: stack trace or file path (${re})`);
  // The one upstream address the contract promises: a workspace's deep link into xECM's web UI.
  const withoutDeepLinks = body.replaceAll(
    new RegExp(`"url":"${upstream.deepLinkBase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+"`, 'g'),
    '"url":""',
  );
  for (const origin of upstream.origins) {
    const hostPort = origin.replace(/^https?:\/\//, '');
    assert.ok(!withoutDeepLinks.includes(hostPort), `${label}: upstream address ${hostPort} in the body`);
  }
}

/** A documented success, or problem+json with a known code, a 4xx status (5xx only when upstream is down). */
export function assertWellFormed(answer: Answer, expect: Expectation): void {
  const { label, status, headers, body } = answer;
  assert.ok(
    expect.documented.has(status),
    `${label}: status ${status} is not documented (documented: ${[...expect.documented].join(', ')})`,
  );
  if (status < 400) {
    assert.ok(!expect.mustFail, `${label}: invalid input accepted with ${status}`);
    return;
  }
  if (status >= 500)
    assert.ok(
      expect.upstreamDown,
      `${label}: ${status} although every upstream is up: ${body.slice(0, 300)}`,
    );
  assert.equal(headers.get('content-type'), PROBLEM_CONTENT_TYPE, `${label}: problem content type`);
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(body) as Record<string, unknown>;
  } catch {
    assert.fail(`${label}: problem body is not JSON: ${body.slice(0, 200)}`);
  }
  assert.equal(problem.status, status, `${label}: problem.status`);
  assert.ok(
    (PROBLEM_CODES as readonly string[]).includes(problem.code as string),
    `${label}: unknown code ${String(problem.code)}`,
  );
  assert.equal(problem.type, problemType(problem.code as string), `${label}: problem.type`);
  assert.equal(typeof problem.title, 'string', `${label}: problem.title`);
  assert.equal(problem.requestId, headers.get('x-request-id'), `${label}: requestId matches X-Request-Id`);
}

/** Log lines holding a secret, a password, a bearer credential, an unredacted ticket, or an error-level entry. */
export function logLeaks(logs: readonly string[], needles: readonly string[]): string[] {
  const long = needles.filter((n) => n.length >= 8);
  const bad: string[] = [];
  for (const line of logs) {
    if (long.some((n) => line.includes(n))) bad.push(`secret: ${line.slice(0, 160)}`);
    if (/livelink/.test(line)) bad.push(`password: ${line.slice(0, 160)}`);
    if (BEARER_VALUE.test(line)) bad.push(`bearer: ${line.slice(0, 160)}`);
    if (/eyJ[\w-]{8,}\.eyJ[\w-]{8,}/.test(line)) bad.push(`JWT: ${line.slice(0, 160)}`);
    if (/"otcsticket"\s*:\s*"(?!\[redacted\])/i.test(line)) bad.push(`ticket: ${line.slice(0, 160)}`);
    // Hostile input is the caller's problem: nothing it does may reach the "unhandled error" path.
    if (/"level":(50|60)/.test(line)) bad.push(`error logged: ${line.slice(0, 300)}`);
  }
  return bad;
}
