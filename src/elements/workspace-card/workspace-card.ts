import { define } from '../base/define.js';
import { XecmWorkspaceCard } from './workspace-card.component.js';

export { XecmWorkspaceCard };

define('xecm-workspace-card', XecmWorkspaceCard);

declare global {
  interface HTMLElementTagNameMap {
    'xecm-workspace-card': XecmWorkspaceCard;
  }
}
