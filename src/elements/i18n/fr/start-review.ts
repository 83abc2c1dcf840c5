import type { startReview as en } from '../en/start-review.js';

export const startReview: typeof en = {
  button: 'Lancer une révision',
  dialogTitleWorkspace: 'Lancer une révision de cet espace de travail',
  dialogTitleDocument: 'Lancer une révision de ce document',
  workflow: 'Workflow',
  comment: 'Commentaire (facultatif)',
  commentHint: 'Les réviseurs voient ce commentaire avec leur tâche.',
  submit: 'Lancer la révision',
  submitting: 'Lancement…',
  cancel: 'Annuler',
  checking: 'Vérification de la possibilité de lancer une révision…',
  started: (workflow) => `${workflow} a été lancé.`,
  reasonRunning: 'Une révision est déjà en cours.',
  reasonRunningStep: (step) => `Une révision est déjà en cours (étape actuelle : ${step}).`,
  reasonNotPermitted: 'Vous ne pouvez pas lancer de révision ici.',
  reasonNoWorkflows: 'Aucun workflow de révision ne s’applique ici.',
  failed: 'Impossible de lancer la révision.',
  optionsFailed: 'Impossible de charger les options de révision.',
  retry: 'Réessayer',
};
