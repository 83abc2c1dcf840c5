import type { common as en } from '../en/common.js';

export const common: typeof en = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  cancel: 'Annuler',
  close: 'Fermer',
  requestId: (id) => `Référence pour le support : ${id}`,
  error: 'Une erreur s’est produite.',
  approval: {
    none: 'Aucune approbation',
    draft: 'Brouillon',
    'in-review': 'En révision',
    approved: 'Approuvé',
    rejected: 'Rejeté',
  },
  errors: {
    network: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    'bad-response': 'Le serveur a envoyé une réponse que cette page ne peut pas lire.',
    unauthenticated: 'Votre session a expiré. Reconnectez-vous.',
    forbidden: 'Vous n’avez pas l’autorisation de faire cela.',
    'not-found': 'Cet élément n’existe pas ou a été supprimé.',
    'rate-limited': 'Trop de requêtes. Patientez un instant puis réessayez.',
    'upstream-unavailable': 'Extended ECM n’est pas disponible pour le moment. Réessayez plus tard.',
    'upstream-timeout': 'Extended ECM a mis trop de temps à répondre. Réessayez.',
  },
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
};
