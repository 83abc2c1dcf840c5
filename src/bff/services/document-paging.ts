// Filtering, sorting and paging documents in memory, the same way for the user API and the portal.
import {
  DOCUMENT_PAGE_SIZE_DEFAULT,
  type DocumentItem,
  type DocumentQuery,
  type DocumentSortKey,
} from '../../contract/index.js';

export interface PageRequest {
  page: number;
  pageSize: number;
  key: DocumentSortKey;
  descending: boolean;
}

export function pageRequest(query: DocumentQuery): PageRequest {
  const sort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  return {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? DOCUMENT_PAGE_SIZE_DEFAULT,
    key: (descending ? sort.slice(1) : sort) as DocumentSortKey,
    descending,
  };
}

/** The `q` (name substring) and `type` (MIME prefix) filters of a query. */
export function documentFilter(query: DocumentQuery): (name: string, mimeType: string) => boolean {
  const q = query.q?.toLocaleLowerCase();
  const type = query.type?.toLowerCase();
  return (name, mimeType) =>
    (!q || name.toLocaleLowerCase().includes(q)) && (!type || mimeType.toLowerCase().startsWith(type));
}

type Sortable = Pick<DocumentItem, 'id' | DocumentSortKey>;

function compare(a: Sortable, b: Sortable, key: DocumentSortKey): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'en', { sensitivity: 'base', numeric: true });
}

/** Sorts `rows` (in place) by the requested key, ties by id, and returns the requested page of them. */
export function sortedPage<T>(rows: T[], request: PageRequest, item: (row: T) => Sortable): T[] {
  const sign = request.descending ? -1 : 1;
  rows.sort((a, b) => {
    const x = item(a);
    const y = item(b);
    return compare(x, y, request.key) * sign || Number(x.id) - Number(y.id);
  });
  return rows.slice((request.page - 1) * request.pageSize, request.page * request.pageSize);
}
