import * as z from 'zod/mini';
import { Approval } from './approval.js';
import { BusinessObject } from './business-object.js';
import { NodeId, Timestamp } from './ids.js';

/** One metadata field of a workspace, in display order (account number, owner, region, status …). */
export const MetadataField = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
});
export type MetadataField = z.infer<typeof MetadataField>;

/** What a card needs to show a Business Workspace. */
export const WorkspaceSummary = z.object({
  id: NodeId,
  name: z.string(),
  /** Workspace type name, e.g. "Customer", "Project", "Case". */
  type: z.string(),
  /** Deep link to the workspace in xECM's web UI. */
  url: z.string(),
  businessObject: BusinessObject,
  metadata: z.array(MetadataField),
  documentCount: z.number().check(z.int(), z.minimum(0)),
  approval: Approval,
  updatedAt: Timestamp,
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** Body of `POST /v1/workspaces` (provisioning). */
export const CreateWorkspaceRequest = z.object({
  businessObject: BusinessObject,
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(248))),
  metadata: z.optional(z.record(z.string(), z.string())),
});
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequest>;
