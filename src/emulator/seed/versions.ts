import type { Version } from '../state/types.js';
import { MIME_TYPES } from './names.js';
import type { Prng } from './prng.js';
import { USERS } from './well-known.js';

const DAY = 86_400_000;
const AUTHORS = [USERS.regular.id, USERS.reviewer.id, USERS.admin.id];

function sizeFor(rng: Prng, ext: string): number {
  switch (ext) {
    case 'png':
    case 'jpg':
      return rng.int(20_000, 400_000);
    case 'dwg':
      return rng.int(50_000, 600_000);
    case 'txt':
    case 'eml':
      return rng.int(1_000, 12_000);
    default:
      return rng.int(4_000, 250_000);
  }
}

export function makeVersions(
  rng: Prng,
  fileName: string,
  ext: string,
  created: number,
  count: number,
): Version[] {
  const mimeType = MIME_TYPES[ext] ?? 'application/octet-stream';
  const versions: Version[] = [];
  let date = created;
  for (let n = 1; n <= count; n++) {
    versions.push({
      number: n,
      fileName,
      mimeType,
      size: sizeFor(rng, ext),
      createDate: date,
      ownerId: rng.pick(AUTHORS),
      description: n === 1 ? '' : `Revision ${n}`,
    });
    date += rng.int(1, 20) * DAY;
  }
  return versions;
}
