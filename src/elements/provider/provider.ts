import { define } from '../base/define.js';
import { XecmProvider } from './provider.component.js';

export { XecmProvider };

define('xecm-provider', XecmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'xecm-provider': XecmProvider;
  }
}
