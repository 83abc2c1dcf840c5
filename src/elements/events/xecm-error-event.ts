export interface XecmErrorDetail {
  /** Problem code (`not-found`, `forbidden`, `network`, `bad-response`, …); switch on this. */
  code: string;
  /** Human-readable, localized where the element knows better; never contains secrets. */
  message: string;
  /** HTTP status when there was one (0 when the server could not be reached). */
  status?: number;
}

/** An element failed to load or to act (once per failure). */
export class XecmErrorEvent extends Event {
  static readonly eventName = 'xecm-error';
  readonly detail: XecmErrorDetail;

  constructor(detail: XecmErrorDetail) {
    super(XecmErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xecm-error': XecmErrorEvent;
  }
}
