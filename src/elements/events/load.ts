// Short import path some elements use; the class lives in xecm-load-event.ts.
export * from './xecm-load-event.js';
