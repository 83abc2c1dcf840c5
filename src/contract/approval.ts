import * as z from 'zod/mini';

/** Approval states, in the order a document usually moves through them. */
export const APPROVAL_STATES = ['none', 'draft', 'in-review', 'approved', 'rejected'] as const;
export const ApprovalState = z.enum(APPROVAL_STATES);
export type ApprovalState = z.infer<typeof ApprovalState>;

/** The approval of a workspace or document as xECM's "Document Control" category records it. */
export const Approval = z.object({
  state: ApprovalState,
  /** Name of the current workflow step while a review runs, e.g. "Legal review". */
  step: z.optional(z.string()),
  updatedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type Approval = z.infer<typeof Approval>;
