import type { workspaceCard as en } from '../en/workspace-card.js';

export const workspaceCard: typeof en = {
  loading: 'Workspace wird geladen…',
  type: (type) => `Workspace-Typ: ${type}`,
  documents: (n, formatted) => (n === 1 ? '1 Dokument' : `${formatted} Dokumente`),
  updated: (relative) => `Aktualisiert ${relative}`,
  updatedExact: (exact) => `Zuletzt aktualisiert am ${exact}`,
  metadata: 'Wichtige Angaben',
  notFound: 'Für diesen Datensatz gibt es noch keinen Workspace.',
  notFoundNoCreate:
    'Für diesen Datensatz gibt es noch keinen Workspace. Bitten Sie einen Administrator, ihn anzulegen.',
  notFoundById: 'Dieser Workspace existiert nicht oder wurde gelöscht.',
  create: 'Workspace anlegen',
  creating: 'Workspace wird angelegt…',
  createFailed: 'Der Workspace konnte nicht angelegt werden.',
  forbidden: 'Sie haben keine Berechtigung, diesen Workspace zu sehen.',
  error: 'Der Workspace konnte nicht geladen werden.',
  reference: (requestId) => `Referenz: ${requestId}`,
  unconfigured: 'Kein Workspace ausgewählt.',
};
