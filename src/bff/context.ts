import type { Logger } from 'pino';
import type { BffConfig } from './config.js';
import type { TokenVerifier } from './http/identity.js';
import type { DocumentService } from './services/document-service.js';
import type { ReviewStore } from './services/review-store.js';
import type { WorkspaceService } from './services/workspace-service.js';
import type { XecmClient } from './xecm/xecm-client.js';

/** What route modules (ours and those mounted later, e.g. events) get to work with. */
export interface BffContext {
  config: BffConfig;
  logger: Logger;
  xecm: XecmClient;
  verifier: TokenVerifier;
  workspaces: WorkspaceService;
  documents: DocumentService;
  /**
   * Where reviews started through the BFF are recorded (idempotency, which process runs on which item, which
   * rule fired): the shared durable store when the host passes one, else memory. One per app, so the review
   * routes, the review rules and `approval.step` see the same reviews.
   */
  reviewStore: ReviewStore;
}
