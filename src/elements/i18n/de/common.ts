import type { common as en } from '../en/common.js';

export const common: typeof en = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  cancel: 'Abbrechen',
  close: 'Schließen',
  requestId: (id) => `Referenz für den Support: ${id}`,
  error: 'Etwas ist schiefgelaufen.',
  approval: {
    none: 'Keine Freigabe',
    draft: 'Entwurf',
    'in-review': 'In Prüfung',
    approved: 'Freigegeben',
    rejected: 'Abgelehnt',
  },
  errors: {
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    'bad-response': 'Der Server hat eine Antwort gesendet, die diese Seite nicht lesen kann.',
    unauthenticated: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
    forbidden: 'Sie haben keine Berechtigung dafür.',
    'not-found': 'Dieses Element existiert nicht oder wurde entfernt.',
    'rate-limited': 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
    'upstream-unavailable': 'Extended ECM ist derzeit nicht verfügbar. Versuchen Sie es später erneut.',
    'upstream-timeout': 'Extended ECM hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
  },
  opensInNewTab: '(öffnet in neuem Tab)',
};
