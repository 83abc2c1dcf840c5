import * as z from 'zod/mini';
import { Approval } from './approval.js';
import { NodeId, Timestamp } from './ids.js';

export const DocumentItem = z.object({
  id: NodeId,
  name: z.string(),
  mimeType: z.string(),
  size: z.number().check(z.int(), z.minimum(0)),
  /** Latest version number (1, 2, …). */
  version: z.number().check(z.int(), z.minimum(1)),
  modifiedAt: Timestamp,
  modifiedBy: z.string(),
  approval: Approval,
  /** BFF URL that streams the content inline (safe types only; others are served as attachments). */
  openUrl: z.string(),
  /** BFF URL that streams the content as an attachment. */
  downloadUrl: z.string(),
});
export type DocumentItem = z.infer<typeof DocumentItem>;

export const DocumentPage = z.object({
  items: z.array(DocumentItem),
  page: z.number().check(z.int(), z.minimum(1)),
  pageSize: z.number().check(z.int(), z.minimum(1)),
  total: z.number().check(z.int(), z.minimum(0)),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

/** Columns a document page may be sorted by; prefix with `-` for descending (`-modifiedAt`). */
export const DOCUMENT_SORT_KEYS = ['name', 'mimeType', 'size', 'version', 'modifiedAt'] as const;
export type DocumentSortKey = (typeof DOCUMENT_SORT_KEYS)[number];
export const DocumentSort = z.enum([
  ...DOCUMENT_SORT_KEYS,
  ...DOCUMENT_SORT_KEYS.map((k) => `-${k}` as const),
]);
export type DocumentSort = z.infer<typeof DocumentSort>;

export const DOCUMENT_PAGE_SIZE_MAX = 200;
export const DOCUMENT_PAGE_SIZE_DEFAULT = 50;

/** Query of `GET /v1/workspaces/:id/documents`. */
export const DocumentQuery = z.object({
  page: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  pageSize: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(DOCUMENT_PAGE_SIZE_MAX))),
  sort: z.optional(DocumentSort),
  /** Case-insensitive substring of the document name. */
  q: z.optional(z.string().check(z.maxLength(200))),
  /** MIME type prefix, e.g. `application/pdf` or `image/`. */
  type: z.optional(z.string().check(z.maxLength(100))),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;
