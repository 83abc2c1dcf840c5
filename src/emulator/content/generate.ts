// Plausible bytes for seeded document versions, generated on demand from node id and version number so
// the 10,000-document workspace costs nothing at startup. The output length always equals the recorded size.
import { crc32 } from 'node:zlib';

const encoder = new TextEncoder();

function filler(length: number, seed: number): string {
  const words = [
    'lorem',
    'ipsum',
    'contract',
    'delivery',
    'invoice',
    'terms',
    'payment',
    'schedule',
    'review',
  ];
  let out = '';
  let i = seed;
  while (out.length < length) {
    out += words[i % words.length] + (i % 11 === 0 ? '.\n' : ' ');
    i = (i * 31 + 7) % 9973;
  }
  return out.slice(0, length);
}

/** Builds with `build(padding)` and adjusts the padding until the output has exactly `size` bytes. */
function exactSize(size: number, build: (padding: number) => Uint8Array): Uint8Array {
  let padding = Math.max(0, size - build(0).length);
  for (let attempt = 0; attempt < 4; attempt++) {
    const bytes = build(padding);
    if (bytes.length === size) return bytes;
    padding = Math.max(0, padding + size - bytes.length);
  }
  return build(padding);
}

function pdf(title: string, size: number, seed: number): Uint8Array {
  const safe = title.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?');
  return exactSize(size, (padding) => {
    const text = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((obj, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
    });
    if (padding > 2) body += `%${filler(padding - 2, seed).replace(/\n/g, ' ')}\n`;
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return encoder.encode(body);
  });
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(encoder.encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// A valid 1x1 grey PNG whose size is made up by a tEXt chunk.
function png(size: number, seed: number): Uint8Array {
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  // zlib stream of one scanline: filter 0, grey 0x80.
  const idat = new Uint8Array([0x78, 0x9c, 0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81]);
  return exactSize(size, (padding) =>
    concat([
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      ...(padding > 12 ? [pngChunk('tEXt', encoder.encode(`Comment\0${filler(padding - 20, seed)}`))] : []),
      pngChunk('IDAT', idat),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
}

function withHeader(header: Uint8Array, trailer: Uint8Array, size: number, seed: number): Uint8Array {
  const pad = Math.max(0, size - header.length - trailer.length);
  return concat([header, encoder.encode(filler(pad, seed)), trailer]);
}

function text(lines: string, size: number, seed: number): Uint8Array {
  const head = encoder.encode(lines);
  if (head.length >= size) return head.subarray(0, size);
  return concat([head, encoder.encode(filler(size - head.length, seed))]);
}

/** Deterministic content for version `version` of seeded node `nodeId`. */
export function generateContent(
  nodeId: number,
  version: number,
  fileName: string,
  mimeType: string,
  size: number,
): Uint8Array {
  const seed = nodeId * 7 + version;
  const title = `${fileName} (version ${version})`;
  switch (mimeType) {
    case 'application/pdf':
      return pdf(title, size, seed);
    case 'image/png':
      return png(size, seed);
    case 'image/jpeg':
      return withHeader(
        new Uint8Array([
          0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xfe, 0,
          0,
        ]),
        new Uint8Array([0xff, 0xd9]),
        size,
        seed,
      );
    case 'image/vnd.dwg':
      return withHeader(encoder.encode('AC1032\0\0\0\0\0'), new Uint8Array(), size, seed);
    case 'message/rfc822':
      return text(
        `From: sender@example.com\r\nTo: records@example.com\r\nSubject: ${fileName}\r\nDate: Thu, 15 Jan 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n`,
        size,
        seed,
      );
    case 'text/plain':
      return text(`${title}\n\n`, size, seed);
    default:
      if (mimeType.startsWith('application/vnd.openxmlformats')) {
        // Office Open XML files are ZIP archives; a local file header makes them look the part.
        return withHeader(
          concat([
            new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]),
            encoder.encode('[Content_Types].xml'),
          ]),
          new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
          size,
          seed,
        );
      }
      return text(`${title}\n`, size, seed);
  }
}
