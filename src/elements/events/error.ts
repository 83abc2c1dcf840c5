// Short import path some elements use; the class lives in xecm-error-event.ts.
export * from './xecm-error-event.js';
