import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '../../contract/index.js';
import { API_CSP } from './security-headers.js';
import { problemBody } from './problem.js';

/**
 * Requests Node's HTTP parser refuses before the app sees them (a header block over the size limit, broken
 * HTTP, a header timeout) get a problem+json answer like everything else, instead of Node's bare status
 * line. The socket is closed afterwards, as Node does.
 */
export function answerClientErrors(server: Pick<Server, 'on'>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const requestId = randomUUID();
    const detail =
      status === 431
        ? 'The request line and headers are too large.'
        : status === 408
          ? 'The request headers did not arrive in time.'
          : 'The request is not valid HTTP.';
    const body = JSON.stringify(problemBody(status, 'bad-request', requestId, { detail }));
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        `Content-Security-Policy: ${API_CSP}`,
        `X-Request-Id: ${requestId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
