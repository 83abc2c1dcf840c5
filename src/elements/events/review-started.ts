// Short import path some elements use; the class lives in xecm-review-started-event.ts.
export * from './xecm-review-started-event.js';
