// All-in-one entry: the contract types today; the elements register here as they land.
export * from './contract/index.js';
