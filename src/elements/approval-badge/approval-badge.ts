import { define } from '../base/define.js';
import { XecmApprovalBadge } from './approval-badge.component.js';

export { XecmApprovalBadge };

define('xecm-approval-badge', XecmApprovalBadge);

declare global {
  interface HTMLElementTagNameMap {
    'xecm-approval-badge': XecmApprovalBadge;
  }
}
