// The element classes and their building blocks, without registering any tag (import the
// `<name>/<name>.js` files or call registerAll() for that).
export * from './base/define.js';
export * from './base/dev-warn.js';
export * from './base/error-detail.js';
export * from './base/localize-controller.js';
export * from './base/tokens.styles.js';
export * from './base/xecm-data-element.js';
export * from './base/xecm-element.js';
export * from './events/index.js';
export * from './i18n/index.js';
export * from './provider/client-context.js';
export { XecmProvider, THEMES, type Theme } from './provider/provider.component.js';
export { XecmWorkspaceCard } from './workspace-card/workspace-card.component.js';
export { XecmDocumentList } from './document-list/document-list.component.js';
export { XecmApprovalBadge } from './approval-badge/approval-badge.component.js';
export { XecmStartReview } from './start-review/start-review.component.js';
export * from './register-all.js';
