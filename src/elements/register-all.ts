import { XecmApprovalBadge } from './approval-badge/approval-badge.component.js';
import { define } from './base/define.js';
import type { XecmElement } from './base/xecm-element.js';
import { XecmDocumentList } from './document-list/document-list.component.js';
import { XecmProvider } from './provider/provider.component.js';
import { XecmStartReview } from './start-review/start-review.component.js';
import { XecmWorkspaceCard } from './workspace-card/workspace-card.component.js';

/** Every element by its tag name without prefix. */
export const ELEMENTS = {
  provider: XecmProvider,
  'workspace-card': XecmWorkspaceCard,
  'document-list': XecmDocumentList,
  'approval-badge': XecmApprovalBadge,
  'start-review': XecmStartReview,
} as const;

const PREFIX = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const renamed = new Map<string, CustomElementConstructor>();

/**
 * Defines all elements as `<prefix>-provider`, `<prefix>-workspace-card`, … (default prefix `xecm`).
 * Safe to call more than once. A custom registry forbids one class under two names, so other prefixes
 * get a trivial subclass each; elements an element renders internally keep their `xecm-` tags.
 */
export function registerAll(prefix = 'xecm'): void {
  if (!PREFIX.test(prefix)) {
    throw new TypeError(`registerAll("${prefix}"): a prefix is lowercase letters and digits, e.g. "acme".`);
  }
  for (const [name, ctor] of Object.entries(ELEMENTS) as [string, typeof XecmElement][]) {
    const tag = `${prefix}-${name}`;
    if (prefix === 'xecm') {
      define(tag, ctor);
      continue;
    }
    let sub = renamed.get(tag);
    if (!sub) {
      sub = class extends ctor {};
      renamed.set(tag, sub);
    }
    define(tag, sub);
  }
}
