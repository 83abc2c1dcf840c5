import type { startReview as en } from '../en/start-review.js';

export const startReview: typeof en = {
  button: 'Prüfung starten',
  dialogTitleWorkspace: 'Prüfung dieses Workspaces starten',
  dialogTitleDocument: 'Prüfung dieses Dokuments starten',
  workflow: 'Workflow',
  comment: 'Kommentar (optional)',
  commentHint: 'Prüfende sehen diesen Kommentar bei ihrer Aufgabe.',
  submit: 'Prüfung starten',
  submitting: 'Wird gestartet…',
  cancel: 'Abbrechen',
  checking: 'Es wird geprüft, ob eine Prüfung starten kann…',
  started: (workflow) => `${workflow} wurde gestartet.`,
  reasonRunning: 'Es läuft bereits eine Prüfung.',
  reasonRunningStep: (step) => `Es läuft bereits eine Prüfung (aktueller Schritt: ${step}).`,
  reasonNotPermitted: 'Sie dürfen hier keine Prüfung starten.',
  reasonNoWorkflows: 'Hier ist kein Prüf-Workflow verfügbar.',
  failed: 'Die Prüfung konnte nicht gestartet werden.',
  optionsFailed: 'Die Prüfoptionen konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
};
