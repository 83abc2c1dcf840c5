import type { approvalBadge as en } from '../en/approval-badge.js';

export const approvalBadge: typeof en = {
  withStep: (state, step) => `${state}: ${step}`,
  loading: 'Freigabestatus wird geladen',
  unavailable: 'Freigabestatus nicht verfügbar',
};
