export * from './locales.js';
export * from './registry.js';
export type * from './translation.js';
