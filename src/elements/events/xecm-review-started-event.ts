import type { Review } from '../../contract/index.js';

export interface XecmReviewStartedDetail {
  review: Review;
}

/** The BFF accepted the review request. */
export class XecmReviewStartedEvent extends Event {
  static readonly eventName = 'xecm-review-started';
  readonly detail: XecmReviewStartedDetail;

  constructor(detail: XecmReviewStartedDetail) {
    super(XecmReviewStartedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xecm-review-started': XecmReviewStartedEvent;
  }
}
