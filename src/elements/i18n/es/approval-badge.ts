import type { approvalBadge as en } from '../en/approval-badge.js';

export const approvalBadge: typeof en = {
  withStep: (state, step) => `${state}: ${step}`,
  loading: 'Cargando el estado de aprobación',
  unavailable: 'Estado de aprobación no disponible',
};
