// English: the source locale. Its shape is the Translation type every other locale follows.
import { approvalBadge } from './approval-badge.js';
import { common } from './common.js';
import { documentList } from './document-list.js';
import { startReview } from './start-review.js';
import { workspaceCard } from './workspace-card.js';

export const en = { common, workspaceCard, approvalBadge, documentList, startReview };
