/** Why a file is refused before any request is sent. */
export type UploadRejection =
  | { code: 'payload-too-large' }
  | { code: 'unsupported-media-type' }
  | { code: 'name-empty' }
  | { code: 'name-too-long' }
  | { code: 'name-direction' };

/** Longest file name the BFF (and xECM) accepts, in UTF-16 code units like the BFF counts them. */
export const MAX_FILE_NAME_LENGTH = 248;

// Embedding/override/isolate controls and the LRM/RLM marks: they let "\u202Efdp.exe" show as "exe.pdf".
// The BFF refuses the same set.
const DIRECTION_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

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

/** The BFF's name rule, checked here so a file it would refuse is never sent. */
function nameRejection(name: string): UploadRejection | undefined {
  // The BFF drops control characters and trims before it measures.
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return { code: 'name-empty' };
  if (cleaned.length > MAX_FILE_NAME_LENGTH) return { code: 'name-too-long' };
  if (DIRECTION_CONTROLS.test(cleaned)) return { code: 'name-direction' };
  return undefined;
}

export function validateUpload(
  file: Pick<File, 'name' | 'type' | 'size'>,
  rules: { maxBytes: number | undefined; accept: string | undefined },
): UploadRejection | undefined {
  const badName = nameRejection(file.name);
  if (badName) return badName;
  if (rules.maxBytes !== undefined && file.size > rules.maxBytes) return { code: 'payload-too-large' };
  if (!matchesAccept(file, rules.accept)) return { code: 'unsupported-media-type' };
  return undefined;
}
