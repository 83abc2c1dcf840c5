import type { approvalBadge as en } from '../en/approval-badge.js';

export const approvalBadge: typeof en = {
  withStep: (state, step) => `${state} : ${step}`,
  loading: 'Chargement du statut d’approbation',
  unavailable: 'Statut d’approbation indisponible',
};
