import type { Translation } from '../translation.js';
import { approvalBadge } from './approval-badge.js';
import { common } from './common.js';
import { documentList } from './document-list.js';
import { startReview } from './start-review.js';
import { workspaceCard } from './workspace-card.js';

export const de: Translation = { common, workspaceCard, approvalBadge, documentList, startReview };
