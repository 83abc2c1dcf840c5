// Short import path some elements use; the class lives in xecm-document-open-event.ts.
export * from './xecm-document-open-event.js';
