import type { DocumentItem } from '../../contract/index.js';

export const DOCUMENT_OPEN_ACTIONS = ['open', 'download'] as const;
export type DocumentOpenAction = (typeof DOCUMENT_OPEN_ACTIONS)[number];

export interface XecmDocumentOpenDetail {
  document: DocumentItem;
  action: DocumentOpenAction;
}

/** The user opens or downloads a document. Cancelable: `preventDefault()` to handle it yourself. */
export class XecmDocumentOpenEvent extends Event {
  static readonly eventName = 'xecm-document-open';
  readonly detail: XecmDocumentOpenDetail;

  constructor(detail: XecmDocumentOpenDetail) {
    super(XecmDocumentOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xecm-document-open': XecmDocumentOpenEvent;
  }
}
