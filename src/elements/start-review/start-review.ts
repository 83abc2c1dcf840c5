import { define } from '../base/define.js';
import { XecmStartReview } from './start-review.component.js';

export { XecmStartReview };

define('xecm-start-review', XecmStartReview);

declare global {
  interface HTMLElementTagNameMap {
    'xecm-start-review': XecmStartReview;
  }
}
