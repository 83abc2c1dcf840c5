/** Data for an element finished loading (once per load, not per render). */
export class XecmLoadEvent extends Event {
  static readonly eventName = 'xecm-load';

  constructor() {
    super(XecmLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xecm-load': XecmLoadEvent;
  }
}
