// Development-only (loaded through devCheck): warnings about attribute values the list cannot use.
import { DOCUMENT_PAGE_SIZE_MAX, DocumentSort, NODE_ID_PATTERN } from '../../contract/index.js';
import { devWarn } from '../base/dev-warn.js';

export const DOCUMENT_LIST_SOURCES = ['bff', 'portal'] as const;

export interface DocumentListAttributes {
  el: Element;
  changed: ReadonlySet<PropertyKey>;
  workspaceId: string | undefined;
  sort: string;
  pageSize: number;
  effectivePageSize: number;
  source: string;
  maxUploadBytes: number | undefined;
  validMaxBytes: number | undefined;
}

export function warnAboutAttributes(a: DocumentListAttributes): void {
  const { el, changed } = a;
  if (changed.has('workspaceId') && a.workspaceId !== undefined && !NODE_ID_PATTERN.test(a.workspaceId))
    devWarn(el, `workspace-id="${a.workspaceId}" is not a node id (1–12 digits); nothing is loaded.`);
  if (changed.has('sort') && !DocumentSort.safeParse(a.sort).success)
    devWarn(el, `sort="${a.sort}" is not one of ${DocumentSort.options.join(', ')}; using "name".`);
  if (changed.has('pageSize') && a.effectivePageSize !== a.pageSize)
    devWarn(
      el,
      `page-size="${a.pageSize}" must be a whole number from 1 to ${DOCUMENT_PAGE_SIZE_MAX}; using ${a.effectivePageSize}.`,
    );
  if (changed.has('source') && !(DOCUMENT_LIST_SOURCES as readonly string[]).includes(a.source))
    devWarn(el, `source="${a.source}" is not one of ${DOCUMENT_LIST_SOURCES.join(', ')}.`);
  if (changed.has('maxUploadBytes') && a.maxUploadBytes != null && a.validMaxBytes === undefined)
    devWarn(
      el,
      `max-upload-bytes="${a.maxUploadBytes}" must be a number of bytes; no size limit is applied.`,
    );
}
