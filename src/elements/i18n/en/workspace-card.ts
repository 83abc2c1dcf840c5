// Strings of <xecm-workspace-card>. This file defines the shape; the other locales are typed after it.
export const workspaceCard = {
  loading: 'Loading workspace…',
  type: (type: string) => `Workspace type: ${type}`,
  /** `formatted` is `n` formatted for the locale. */
  documents: (n: number, formatted: string) => (n === 1 ? '1 document' : `${formatted} documents`),
  updated: (relative: string) => `Updated ${relative}`,
  updatedExact: (exact: string) => `Last updated on ${exact}`,
  metadata: 'Key information',
  notFound: 'No workspace exists for this record yet.',
  notFoundNoCreate: 'No workspace exists for this record yet. Ask an administrator to create one.',
  notFoundById: 'This workspace does not exist, or it was deleted.',
  create: 'Create workspace',
  creating: 'Creating workspace…',
  createFailed: 'The workspace could not be created.',
  forbidden: 'You do not have permission to see this workspace.',
  error: 'The workspace could not be loaded.',
  reference: (requestId: string) => `Reference: ${requestId}`,
  unconfigured: 'No workspace selected.',
};
