// What the test stacks (stack.ts, boundary-stack.ts) record of a BFF: the credentials xECM hands it and
// its log lines, so a test can check none of them comes out again.
import { Writable } from 'node:stream';

/** A fetch towards xECM that adds every OTCSTicket and OTDS access token xECM hands out to `seen`. */
export function secretWatchingFetch(seen: Set<string>, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const ticket = res.headers.get('otcsticket');
    if (ticket) seen.add(ticket);
    if (new URL(String(input)).pathname.endsWith('/oauth2/token') && res.ok) {
      const token = /"access_token"\s*:\s*"([^"]+)"/.exec(await res.clone().text())?.[1];
      if (token) seen.add(token);
    }
    return res;
  };
}

/** A log destination (`BffDeps.logStream`) that appends each line to `lines`. */
export function logLines(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
}
