// The browser data layer (no Lit): everything public.
export * from './bff-client.js';
export * from './bff-problem-error.js';
export * from './keys.js';
export * from './live-events.js';
export * from './lookup-batcher.js';
export * from './resource-cache.js';
// Live updates over Server-Sent Events (events feature).
export * from './sse-live-events.js';
