import type { en } from './en/index.js';

/** All strings of one locale: `{ common, workspaceCard, approvalBadge, documentList, startReview }`. */
export type Translation = typeof en;
/** An area of strings, e.g. `documentList`. */
export type TranslationArea = keyof Translation;
