// A request whose body never finishes, to see whether a server answers before reading it all.
import { request as httpRequest } from 'node:http';

export interface Streamed {
  status: number;
  body: string;
  /** Request body bytes written before the answer arrived. */
  sent: number;
}

/**
 * Sends a body that is never finished (a declared length it never reaches, or endless chunks) and
 * resolves with the answer the BFF gives while the body is still coming; rejects if none comes.
 */
export function unfinishedBody(
  url: string,
  headers: Record<string, string>,
  options: { declared?: number; prefix?: string; chunk: Buffer; max: number },
): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        ...headers,
        ...(options.declared === undefined
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(options.declared) }),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${url}: no answer after ${sent} bytes of an unfinished body`));
    }, 5000);
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent });
      });
    });
    if (options.prefix) {
      req.write(options.prefix);
      sent += Buffer.byteLength(options.prefix);
    }
    const pump = () => {
      while (!answered && sent < options.max) {
        sent += options.chunk.length;
        if (!req.write(options.chunk)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}
