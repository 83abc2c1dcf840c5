import type { ReviewTarget, WorkflowChoice } from '../../contract/index.js';

export interface XecmReviewStartDetail {
  target: ReviewTarget;
  workflow: WorkflowChoice;
  /** The user's comment; empty when none was given. */
  comment: string;
}

/** Fired before a review is requested. Cancelable: `preventDefault()` stops the request. */
export class XecmReviewStartEvent extends Event {
  static readonly eventName = 'xecm-review-start';
  readonly detail: XecmReviewStartDetail;

  constructor(detail: XecmReviewStartDetail) {
    super(XecmReviewStartEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xecm-review-start': XecmReviewStartEvent;
  }
}
