// Everything the stories and tests share about the fake BFF. Handler modules are namespaced because
// their sample helpers overlap. (server-setup.ts is imported directly by browser tests: it starts a worker.)
export * from './fixtures.js';
export * as documentMocks from './document-handlers.js';
export * as liveMocks from './live-handlers.js';
export * as reviewMocks from './review-handlers.js';
export * as workspaceMocks from './workspace-handlers.js';
