// Not shipped: an entry that pulls in only what the chosen stack costs before any element or client
// code — Lit with the decorators we use, @lit/context, @lit/task, and zod/mini parsing the contract's
// schemas the client parses (responses, problems, live events). `npm run bench:size` prints its size
// next to the budget, so the part of the budget left for our own code is visible.
import { consume, ContextConsumer, ContextProvider, createContext, provide } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import * as contract from '../src/contract/index.js';

const schemas = [
  contract.DocumentItem,
  contract.DocumentPage,
  contract.DomainEvent,
  contract.LookupBatchResponse,
  contract.Problem,
  contract.Review,
  contract.ReviewOptions,
  contract.TopicsEvent,
  contract.WorkspaceSummary,
];
// Referenced from a global so the bundler keeps every piece, as real element code would.
(globalThis as { stackFloor?: unknown }).stackFloor = {
  lit: [LitElement, html, css, property, state, query],
  context: [createContext, ContextProvider, ContextConsumer, provide, consume],
  task: Task,
  parse: (value: unknown) => schemas.map((schema) => schema.safeParse(value)),
};
