export * from './locales.js';
export * from './pseudo.js';
export * from './registry.js';
export type * from './translation.js';
