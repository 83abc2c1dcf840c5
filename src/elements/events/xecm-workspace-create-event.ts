import type { BusinessObject } from '../../contract/index.js';

export interface XecmWorkspaceCreateDetail {
  businessObject: BusinessObject;
}

/** The user asked to create the missing workspace of a business object. Cancelable: `preventDefault()` vetoes. */
export class XecmWorkspaceCreateEvent extends Event {
  static readonly eventName = 'xecm-workspace-create';
  readonly detail: XecmWorkspaceCreateDetail;

  constructor(detail: XecmWorkspaceCreateDetail) {
    super(XecmWorkspaceCreateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xecm-workspace-create': XecmWorkspaceCreateEvent;
  }
}
