import type { DocumentSortKey } from '../../contract/index.js';
import type { documentList } from '../i18n/en/document-list.js';

type LabelKey =
  'colName' | 'colType' | 'colSize' | 'colVersion' | 'colModified' | 'colApproval' | 'colActions';

export interface Column {
  readonly key: string;
  /** The contract's sort key, or undefined when the server cannot sort by this column. */
  readonly sort: DocumentSortKey | undefined;
  readonly label: LabelKey & keyof typeof documentList;
}

/** Column order of the grid; `aria-colindex` is the position here plus one. */
export const COLUMNS: readonly Column[] = [
  { key: 'name', sort: 'name', label: 'colName' },
  { key: 'type', sort: 'mimeType', label: 'colType' },
  { key: 'size', sort: 'size', label: 'colSize' },
  { key: 'version', sort: 'version', label: 'colVersion' },
  { key: 'modified', sort: 'modifiedAt', label: 'colModified' },
  { key: 'approval', sort: undefined, label: 'colApproval' },
  { key: 'actions', sort: undefined, label: 'colActions' },
];

const KNOWN_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
  'text/html': 'HTML',
  'image/svg+xml': 'SVG',
  'application/zip': 'ZIP',
  'application/json': 'JSON',
  'application/xml': 'XML',
  'application/octet-stream': 'BIN',
};

/** Short, language-neutral type label ("PDF", "DOCX", "PNG"); the full MIME type goes in a tooltip. */
export function typeLabel(mimeType: string): string {
  const known = KNOWN_TYPES[mimeType.toLowerCase()];
  if (known) return known;
  const sub = mimeType.split('/')[1] ?? mimeType;
  const short = sub.replace(/^(x-|vnd\.)/, '').split(/[.+;]/)[0] ?? sub;
  return short.slice(0, 8).toUpperCase() || '?';
}
