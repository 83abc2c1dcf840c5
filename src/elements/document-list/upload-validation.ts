/** Why a file is refused before any request is sent. */
export type UploadRejection = { code: 'payload-too-large' } | { code: 'unsupported-media-type' };

/**
 * Matches a file against an `accept` list as `<input type=file>` understands it:
 * extensions (`.pdf`), exact MIME types (`application/pdf`) and wildcards (`image/*`).
 */
export function matchesAccept(file: Pick<File, 'name' | 'type'>, accept: string | undefined): boolean {
  const tokens = (accept ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tokens.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return tokens.some((token) => {
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

export function validateUpload(
  file: Pick<File, 'name' | 'type' | 'size'>,
  rules: { maxBytes: number | undefined; accept: string | undefined },
): UploadRejection | undefined {
  if (rules.maxBytes !== undefined && file.size > rules.maxBytes) return { code: 'payload-too-large' };
  if (!matchesAccept(file, rules.accept)) return { code: 'unsupported-media-type' };
  return undefined;
}
