// Strings of <xecm-approval-badge>. This file defines the shape; the other locales are typed after it.
// The state names themselves are shared: `common.approval`.
export const approvalBadge = {
  /** Accessible label while a review runs: state text plus the current workflow step. */
  withStep: (state: string, step: string) => `${state}: ${step}`,
  loading: 'Loading approval status',
  unavailable: 'Approval status unavailable',
};
