/** Permissions a node's access list can grant. Admins bypass access lists, as in Content Server. */
export type Permission = 'see' | 'write';

export interface AclEntry {
  /** A user or group id. */
  readonly memberId: number;
  readonly permissions: readonly Permission[];
}

export type Acl = readonly AclEntry[];

export interface User {
  readonly id: number;
  readonly name: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly groupIds: readonly number[];
  /** Administrators see and change everything (the classic `Admin`). */
  readonly admin: boolean;
  /** Read-only service users see what their groups allow but may never write. */
  readonly readOnly: boolean;
}

export interface Group {
  readonly id: number;
  readonly name: string;
}

export interface Version {
  readonly number: number;
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
  readonly createDate: number;
  readonly ownerId: number;
  readonly description: string;
  /** Uploaded bytes; seeded versions generate theirs from node id and version number instead. */
  readonly bytes?: Uint8Array;
}

export interface BoRef {
  readonly system: string;
  readonly boType: string;
  readonly boId: string;
}

export interface MasterDataStatus {
  readonly at: number;
  readonly ok: boolean;
  readonly error?: string;
  readonly applied?: Record<string, string>;
}

export interface WorkspaceInfo {
  readonly typeId: number;
  readonly templateId: number;
  refs: BoRef[];
  masterData?: MasterDataStatus;
}

export type CategoryValue = string | number | boolean | null;
export type CategoryValues = Record<string, CategoryValue>;

export interface NodeRecord {
  readonly id: number;
  parentId: number;
  readonly type: number;
  name: string;
  description: string;
  readonly createDate: number;
  modifyDate: number;
  readonly createUserId: number;
  modifyUserId: number;
  ownerUserId: number;
  acl: Acl;
  /** Child ids in insertion order. */
  readonly childIds: number[];
  /** Category id → attribute values keyed `<cat>_<attr>`. */
  readonly categories: Map<number, CategoryValues>;
  /** Documents only, oldest first. */
  readonly versions: Version[];
  workspace?: WorkspaceInfo;
}

export interface AuditEntry {
  readonly id: number;
  readonly nodeId: number;
  readonly eventType: number;
  readonly date: number;
  readonly userId: number;
  readonly detail: string;
}

export interface WorkflowStepDefinition {
  readonly name: string;
  readonly assignee: string;
  readonly instructions: string;
}

export interface WorkflowDefinition {
  readonly id: number;
  readonly name: string;
  readonly steps: readonly WorkflowStepDefinition[];
}

export type TaskStatus = 'pending' | 'active' | 'completed';

export interface ProcessStep {
  readonly taskId: number;
  readonly name: string;
  readonly assignee: string;
  status: TaskStatus;
  startDate?: number;
  endDate?: number;
  action?: 'Approve' | 'Reject';
  comment?: string;
}

export type ProcessStatus = 'ontime' | 'workflowlate' | 'completed' | 'stopped';

export interface ProcessRecord {
  readonly id: number;
  readonly workflowId: number;
  readonly title: string;
  readonly initiatorId: number;
  readonly targetIds: readonly number[];
  readonly startDate: number;
  readonly dueDate: number;
  status: ProcessStatus;
  readonly steps: ProcessStep[];
  readonly comment: string;
  readonly values: Record<string, string>;
}

export interface DraftProcess {
  readonly id: number;
  readonly workflowId: number;
  readonly docIds: readonly number[];
  readonly initiatorId: number;
  values: Record<string, string>;
  processId?: number;
}
