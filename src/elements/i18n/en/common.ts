// Strings shared by every element. This file defines the shape; the other locales are typed after it.
export const common = {
  loading: 'Loading…',
  retry: 'Retry',
  cancel: 'Cancel',
  close: 'Close',
  /** Shown with errors so users can quote the BFF's request id to an operator. */
  requestId: (id: string) => `Reference for support: ${id}`,
  error: 'Something went wrong.',
  /** Approval states, as shown next to their icon. */
  approval: {
    none: 'No approval',
    draft: 'Draft',
    'in-review': 'In review',
    approved: 'Approved',
    rejected: 'Rejected',
  },
  /** Messages per problem code (see PROBLEM_CODES); `error` covers the rest. */
  errors: {
    network: 'The server cannot be reached. Check your connection and try again.',
    'bad-response': 'The server sent an answer this page cannot read.',
    unauthenticated: 'Your session has ended. Sign in again.',
    forbidden: 'You do not have permission to do this.',
    'not-found': 'This item does not exist or was removed.',
    'rate-limited': 'Too many requests. Wait a moment and try again.',
    'upstream-unavailable': 'Extended ECM is not available right now. Try again later.',
    'upstream-timeout': 'Extended ECM took too long to answer. Try again.',
  },
  /** Appended to links that open a new tab, for screen readers. */
  opensInNewTab: '(opens in a new tab)',
};
