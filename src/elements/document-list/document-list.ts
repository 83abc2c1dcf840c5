import { define } from '../base/define.js';
import { XecmDocumentList } from './document-list.component.js';

export { XecmDocumentList };

define('xecm-document-list', XecmDocumentList);

declare global {
  interface HTMLElementTagNameMap {
    'xecm-document-list': XecmDocumentList;
  }
}
