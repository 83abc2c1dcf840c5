// Short import path some elements use; the class lives in xecm-workspace-create-event.ts.
export * from './xecm-workspace-create-event.js';
