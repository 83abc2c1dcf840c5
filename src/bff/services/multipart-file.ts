import { ProblemError } from '../http/problem.js';
import { DIRECTION_CONTROLS_RULE, hasDirectionControls } from './direction-controls.js';

export interface FilePart {
  fileName: string;
  mimeType: string;
  /** The file's bytes, read from the request as the consumer pulls (backpressure end to end). */
  data: ReadableStream<Uint8Array>;
  /** Set when the stream failed because of the client's input (size limit, truncation). */
  failure(): ProblemError | undefined;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_SKIPPED_PART_BYTES = 64 * 1024;

function badRequest(message: string): ProblemError {
  return new ProblemError(400, 'bad-request', { detail: message, errors: [{ path: 'file', message }] });
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function param(header: string, name: string): string | undefined {
  const star = new RegExp(`;\\s*${name}\\*=([^;]+)`, 'i').exec(header);
  if (star) {
    const m = /^utf-8''(.*)$/i.exec(star[1]!.trim());
    if (m) {
      try {
        return decodeURIComponent(m[1]!);
      } catch {
        return undefined;
      }
    }
  }
  const quoted = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  const bare = new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return bare?.[1];
}

/** A name xECM will store: no path, no control characters, not empty, at most 248 characters. */
export function cleanFileName(raw: string): string | undefined {
  // Browsers send `"` as %22 and CR/LF as %0D/%0A in multipart file names (WHATWG HTML form encoding).
  const name = raw
    .replace(/%22/g, '"')
    .replace(/%0[ad]/gi, '')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (name === '' || name === '.' || name === '..' || name.length > 248) return undefined;
  return name;
}

/**
 * Streams the `file` part out of a multipart/form-data request without buffering it: other parts
 * before it are skipped (small), parts after it are ignored, and more than `maxBytes` of file data
 * fails the stream with a 413.
 */
export async function openFilePart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  maxBytes: number,
): Promise<FilePart> {
  const reader = body.getReader();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter has no CRLF in front of it; pretend it had.
  let buf = Buffer.from('\r\n');
  let ended = false;
  let failure: ProblemError | undefined;

  const fill = async (): Promise<boolean> => {
    if (ended) return false;
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return false;
    }
    buf = buf.length === 0 ? Buffer.from(value) : Buffer.concat([buf, value]);
    return true;
  };
  const find = async (needle: Buffer, limit: number): Promise<number> => {
    for (;;) {
      const at = buf.indexOf(needle);
      if (at >= 0) return at;
      if (buf.length > limit + needle.length) throw badRequest('The multipart body is malformed.');
      if (!(await fill())) throw badRequest('The multipart body ended too early.');
    }
  };

  let at = await find(delimiter, MAX_SKIPPED_PART_BYTES);
  for (;;) {
    buf = buf.subarray(at + delimiter.length);
    while (buf.length < 2 && (await fill()));
    if (buf.subarray(0, 2).toString() === '--') throw badRequest('The request has no "file" part.');
    const headerEnd = await find(Buffer.from('\r\n\r\n'), MAX_HEADER_BYTES);
    const headers = buf.subarray(0, headerEnd).toString('utf8');
    buf = buf.subarray(headerEnd + 4);
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    if (param(disposition, 'name') !== 'file') {
      at = await find(delimiter, MAX_SKIPPED_PART_BYTES);
      continue;
    }
    const fileName = cleanFileName(param(disposition, 'filename') ?? '');
    if (!fileName) throw badRequest('The file needs a name (1 to 248 characters, no path).');
    if (hasDirectionControls(fileName)) throw badRequest(`The file name ${DIRECTION_CONTROLS_RULE}`);
    const declared = /^content-type:\s*([^\r\n;]+)/im.exec(headers)?.[1]?.trim().toLowerCase();
    const mimeType =
      declared && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(declared)
        ? declared
        : 'application/octet-stream';
    let sent = 0;
    let finished = false;
    const data = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          for (;;) {
            const end = buf.indexOf(delimiter);
            const safe = end >= 0 ? end : Math.max(0, buf.length - delimiter.length + 1);
            if (safe > 0 || end >= 0) {
              const chunk = buf.subarray(0, safe);
              buf = buf.subarray(safe);
              sent += chunk.length;
              if (sent > maxBytes) {
                failure = new ProblemError(413, 'payload-too-large', {
                  detail: `Files may be at most ${maxBytes} bytes.`,
                });
                throw failure;
              }
              if (chunk.length > 0) controller.enqueue(new Uint8Array(chunk));
              if (end >= 0) {
                finished = true;
                controller.close();
                await reader.cancel().catch(() => undefined);
                return;
              }
              if (chunk.length > 0) return;
            }
            if (!(await fill())) {
              failure = badRequest('The multipart body ended too early.');
              throw failure;
            }
          }
        } catch (error) {
          await reader.cancel().catch(() => undefined);
          throw error;
        }
      },
      async cancel() {
        if (!finished) await reader.cancel().catch(() => undefined);
      },
    });
    return { fileName, mimeType, data, failure: () => failure };
  }
}

/** Builds the multipart body xECM's `POST /v2/nodes` expects: a `body` JSON field, then the file. */
export function nodeUploadBody(
  fields: Record<string, unknown>,
  file: FilePart,
): { contentType: string; body: ReadableStream<Uint8Array> } {
  const boundary = `----xecm-bff-${crypto.randomUUID()}`;
  const safeName = file.fileName.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const head = Buffer.from(
    // A plain form field, as Content Server's clients send it (the notes show no typed part). Without a
    // charset on the part, non-ASCII names go as \u escapes, which read the same under any charset.
    `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n` +
      `${asciiJson(fields)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const source = file.data.getReader();
  let stage: 'head' | 'data' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        stage = 'data';
        controller.enqueue(new Uint8Array(head));
        return;
      }
      if (stage === 'data') {
        const { value, done } = await source.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        stage = 'done';
        controller.enqueue(new Uint8Array(tail));
        controller.close();
      }
    },
    async cancel(reason) {
      await source.cancel(reason);
    },
  });
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
