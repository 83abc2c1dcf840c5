import type { Logger } from 'pino';
import type { BffConfig } from './config.js';
import type { TokenVerifier } from './http/identity.js';
import type { DocumentService } from './services/document-service.js';
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
}
