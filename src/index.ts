// All-in-one entry: the contract, the client, every element class, and all tags registered under
// `xecm-` (with their HTMLElementTagNameMap entries). Import per-element files to load less.
export * from './contract/index.js';
export * from './client/index.js';
export * from './elements/index.js';
import './elements/provider/provider.js';
import './elements/workspace-card/workspace-card.js';
import './elements/document-list/document-list.js';
import './elements/approval-badge/approval-badge.js';
import './elements/start-review/start-review.js';
