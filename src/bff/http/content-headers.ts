/** Types the browser renders passively: safe to show inline (never HTML, SVG, XML or script). */
const INLINE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'video/mp4',
]);

/** Types served under their own name (as attachments); anything else becomes application/octet-stream. */
const ATTACHMENT_TYPES = new Set([
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
  'application/vnd.ms-outlook',
  'message/rfc822',
  'image/tiff',
  'application/dwg',
  'image/vnd.dwg',
]);

export type ContentHeaders = Record<
  'Content-Type' | 'Content-Disposition' | 'Content-Security-Policy',
  string
>;

/** ASCII fallback: printable ASCII only, no quotes, backslashes, separators or control characters. */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\/;:*?<>|%]/g, '_')
    .trim();
  return ascii === '' || /^[_.\s]+$/.test(ascii) ? 'download' : ascii.slice(0, 200);
}

/** RFC 8187 `ext-value`: UTF-8, percent-encoding everything outside attr-char. */
export function rfc8187(name: string): string {
  return `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  return `${kind}; filename="${asciiFileName(name)}"; filename*=${rfc8187(name)}`;
}

/**
 * Headers for streaming a document: inline only for passive types and only when not asked to
 * download; active or unknown content is always an attachment, unknown types are octet-stream,
 * and a sandboxing CSP applies whatever the browser decides to do.
 */
export function contentHeaders(
  name: string,
  declaredType: string,
  download: boolean,
  frameAncestors: readonly string[],
): ContentHeaders {
  const type = declaredType.split(';')[0]!.trim().toLowerCase();
  const inline = !download && INLINE_TYPES.has(type);
  const servedType = INLINE_TYPES.has(type) || ATTACHMENT_TYPES.has(type) ? type : 'application/octet-stream';
  const ancestors = ["'self'", ...frameAncestors].join(' ');
  // The browser's PDF viewer does not run in a sandboxed document; PDFs get no sandbox but no script either.
  const csp =
    inline && type === 'application/pdf'
      ? `default-src 'none'; object-src 'self'; frame-ancestors ${ancestors}`
      : inline
        ? `sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors ${ancestors}`
        : `sandbox; default-src 'none'; frame-ancestors 'none'`;
  return {
    'Content-Type':
      servedType === 'text/plain' || servedType === 'text/csv' ? `${servedType}; charset=utf-8` : servedType,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
    'Content-Security-Policy': csp,
  };
}
