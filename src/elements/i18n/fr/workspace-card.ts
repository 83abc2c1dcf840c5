import type { workspaceCard as en } from '../en/workspace-card.js';

export const workspaceCard: typeof en = {
  loading: 'Chargement de l’espace de travail…',
  type: (type) => `Type d’espace de travail : ${type}`,
  // French uses the singular for 0 and 1.
  documents: (n, formatted) => (n < 2 ? `${formatted} document` : `${formatted} documents`),
  updated: (relative) => `Mis à jour ${relative}`,
  updatedExact: (exact) => `Dernière mise à jour le ${exact}`,
  metadata: 'Informations clés',
  notFound: 'Aucun espace de travail n’existe encore pour cet enregistrement.',
  notFoundNoCreate:
    'Aucun espace de travail n’existe encore pour cet enregistrement. Demandez à un administrateur de le créer.',
  notFoundById: 'Cet espace de travail n’existe pas ou a été supprimé.',
  create: 'Créer l’espace de travail',
  creating: 'Création de l’espace de travail…',
  createFailed: 'L’espace de travail n’a pas pu être créé.',
  forbidden: 'Vous n’avez pas l’autorisation de voir cet espace de travail.',
  error: 'L’espace de travail n’a pas pu être chargé.',
  reference: (requestId) => `Référence : ${requestId}`,
  unconfigured: 'Aucun espace de travail sélectionné.',
};
