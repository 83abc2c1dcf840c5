// Short import path some elements use; the class lives in xecm-review-start-event.ts.
export * from './xecm-review-start-event.js';
