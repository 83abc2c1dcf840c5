export * from './xecm-document-open-event.js';
export * from './xecm-error-event.js';
export * from './xecm-load-event.js';
export * from './xecm-review-start-event.js';
export * from './xecm-review-started-event.js';
export * from './xecm-workspace-create-event.js';
