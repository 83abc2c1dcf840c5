// The hand-made documents of the Acme workspace that tests and the demo address by id.
import { createDocument } from '../services/documents.js';
import type { EmulatorState } from '../state/emulator-state.js';
import type { Version } from '../state/types.js';
import type { Prng } from './prng.js';
import { makeVersions } from './versions.js';
import { USERS, WELL_KNOWN } from './well-known.js';

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 10, 3, 10, 0, 0);

const HTML = `<!doctype html>
<html><head><title>Customer newsletter</title></head>
<body><h1>Acme newsletter</h1><p>Spring edition.</p>
<script>document.title = 'pwned'; fetch('/steal?c=' + document.cookie);</script>
</body></html>
`;

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
  <rect width="120" height="40" fill="#0a5"/>
  <text x="10" y="25" fill="#fff">ACME</text>
  <script type="text/javascript">alert(document.domain)</script>
</svg>
`;

function inline(fileName: string, mimeType: string, text: string): Version[] {
  const bytes = new TextEncoder().encode(text);
  return [
    {
      number: 1,
      fileName,
      mimeType,
      size: bytes.length,
      createDate: BASE,
      ownerId: USERS.regular.id,
      description: '',
      bytes,
    },
  ];
}

export function seedSpecialDocuments(state: EmulatorState, rng: Prng): void {
  const a = WELL_KNOWN.acme;
  const doc = (
    id: number,
    parentId: number,
    name: string,
    ext: string,
    versions: number,
    approval: string | null | undefined,
    visibility: string,
  ): void => {
    createDocument(state, {
      id,
      parentId,
      name,
      date: BASE,
      userId: USERS.regular.id,
      versions: makeVersions(rng, name, ext, BASE, versions),
      ...(approval !== undefined ? { approval, visibility } : {}),
    });
  };
  doc(
    a.approvedPublicDocumentId,
    a.contractsFolderId,
    'Master Services Agreement.pdf',
    'pdf',
    3,
    'Approved',
    'Public',
  );
  doc(
    a.approvedInternalDocumentId,
    a.contractsFolderId,
    'Pricing Annex 2026.xlsx',
    'xlsx',
    2,
    'Approved',
    'Internal',
  );
  doc(
    a.inReviewDocumentId,
    a.contractsFolderId,
    'Statement of Work 7.docx',
    'docx',
    1,
    'In Review',
    'Internal',
  );
  doc(a.draftDocumentId, a.contractsFolderId, 'Amendment 3 Draft.docx', 'docx', 2, 'Draft', 'Internal');
  doc(a.rejectedDocumentId, a.contractsFolderId, 'Side Letter.pdf', 'pdf', 1, 'Rejected', 'Internal');
  doc(
    a.unclassifiedDocumentId,
    a.correspondenceFolderId,
    'Kick-off Notes.txt',
    'txt',
    1,
    undefined,
    'Internal',
  );
  doc(
    a.confidentialDocumentId,
    a.confidentialFolderId,
    'Acme Margin Analysis 2026.xlsx',
    'xlsx',
    2,
    'Approved',
    'Internal',
  );
  createDocument(state, {
    id: a.htmlDocumentId,
    parentId: a.correspondenceFolderId,
    name: 'Customer Newsletter.html',
    date: BASE + DAY,
    userId: USERS.regular.id,
    versions: inline('Customer Newsletter.html', 'text/html', HTML),
    approval: 'Approved',
    visibility: 'Public',
  });
  createDocument(state, {
    id: a.svgDocumentId,
    parentId: a.correspondenceFolderId,
    name: 'Acme Logo.svg',
    date: BASE + DAY,
    userId: USERS.regular.id,
    versions: inline('Acme Logo.svg', 'image/svg+xml', SVG),
    approval: 'Approved',
    visibility: 'Public',
  });
}
