// The BFF's HTTP contract: the only code shared by the browser and the server.
export * from './approval.js';
export * from './business-object.js';
export * from './document.js';
export * from './domain-event.js';
export * from './ids.js';
export * from './lookup.js';
export * from './problem.js';
export * from './review.js';
export * from './workspace.js';
export * from './topics-event.js';
