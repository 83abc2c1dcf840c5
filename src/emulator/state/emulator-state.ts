// The in-memory model of one Content Server: nodes with access lists, categories, versions, audit trail,
// draft processes and running workflows. Reset replaces the whole object with a fresh seed.
import { GROUPS } from '../seed/well-known.js';
import type {
  Acl,
  AuditEntry,
  DraftProcess,
  Group,
  NodeRecord,
  Permission,
  ProcessRecord,
  User,
} from './types.js';

export const DOCUMENT_TYPE = 144;
export const FOLDER_TYPE = 0;
export const WORKSPACE_TYPE = 848;
export const VOLUME_TYPE = 141;

/** Everyone may see and write. */
export const DEFAULT_ACL: Acl = [{ memberId: GROUPS.everyone.id, permissions: ['see', 'write'] }];
/** Only business users (not the restricted user) may see confidential folders and their content. */
export const CONFIDENTIAL_ACL: Acl = [{ memberId: GROUPS.businessUsers.id, permissions: ['see', 'write'] }];

export interface NewNode {
  id?: number;
  parentId: number;
  type: number;
  name: string;
  description?: string;
  date: number;
  userId: number;
  acl?: Acl;
}

export class EmulatorState {
  readonly nodes = new Map<number, NodeRecord>();
  readonly audit: AuditEntry[] = [];
  readonly processes = new Map<number, ProcessRecord>();
  readonly drafts = new Map<number, DraftProcess>();
  nextId: number;
  nextAuditId = 100_000_000;
  nextProcessId = 5001;
  nextDraftId = 7001;
  /**
   * Bumped by every change that can reorder or refilter a child list (create, delete, rename, new
   * version, touch); cached sort orders built at an older revision are rebuilt (see node-query.ts).
   */
  revision = 0;

  constructor(
    readonly users: readonly User[],
    readonly groups: readonly Group[],
    firstId: number,
  ) {
    this.nextId = firstId;
  }

  userByName(name: string): User | undefined {
    const wanted = name.toLowerCase();
    return this.users.find((u) => u.name.toLowerCase() === wanted);
  }

  userById(id: number): User | undefined {
    return this.users.find((u) => u.id === id);
  }

  private allows(user: User, acl: Acl, permission: Permission): boolean {
    if (user.admin) return true;
    return acl.some(
      (e) =>
        e.permissions.includes(permission) && (e.memberId === user.id || user.groupIds.includes(e.memberId)),
    );
  }

  canSee(user: User, node: NodeRecord): boolean {
    return this.allows(user, node.acl, 'see');
  }

  canWrite(user: User, node: NodeRecord): boolean {
    return !user.readOnly && this.allows(user, node.acl, 'see') && this.allows(user, node.acl, 'write');
  }

  /** The node if it exists and the user may see it; an invisible node is indistinguishable from a missing one. */
  visible(user: User, id: number): NodeRecord | undefined {
    const node = this.nodes.get(id);
    return node && this.canSee(user, node) ? node : undefined;
  }

  visibleChildren(user: User, node: NodeRecord): NodeRecord[] {
    const out: NodeRecord[] = [];
    for (const id of node.childIds) {
      const child = this.nodes.get(id);
      if (child && this.canSee(user, child)) out.push(child);
    }
    return out;
  }

  /** Visible descendants, not descending into containers the user cannot see. */
  visibleDescendants(user: User, node: NodeRecord): NodeRecord[] {
    const out: NodeRecord[] = [];
    const walk = (n: NodeRecord): void => {
      for (const child of this.visibleChildren(user, n)) {
        out.push(child);
        if (child.childIds.length > 0) walk(child);
      }
    };
    walk(node);
    return out;
  }

  /** The business workspace a node lives in (itself for a workspace). */
  workspaceOf(node: NodeRecord): NodeRecord | undefined {
    let current: NodeRecord | undefined = node;
    while (current) {
      if (current.type === WORKSPACE_TYPE) return current;
      current = current.parentId > 0 ? this.nodes.get(current.parentId) : undefined;
    }
    return undefined;
  }

  childNamed(parent: NodeRecord, name: string): NodeRecord | undefined {
    const wanted = name.toLowerCase();
    for (const id of parent.childIds) {
      const child = this.nodes.get(id);
      if (child && child.name.toLowerCase() === wanted) return child;
    }
    return undefined;
  }

  /** Marks the node data changed for caches that do not see the change through `touch`. */
  markChanged(): void {
    this.revision += 1;
  }

  createNode(spec: NewNode): NodeRecord {
    this.revision += 1;
    const id = spec.id ?? this.nextId++;
    const parent = this.nodes.get(spec.parentId);
    const node: NodeRecord = {
      id,
      parentId: spec.parentId,
      type: spec.type,
      name: spec.name,
      description: spec.description ?? '',
      createDate: spec.date,
      modifyDate: spec.date,
      createUserId: spec.userId,
      modifyUserId: spec.userId,
      ownerUserId: spec.userId,
      // New nodes inherit their parent's access list, as Content Server copies permissions on create.
      acl: spec.acl ?? parent?.acl ?? DEFAULT_ACL,
      childIds: [],
      categories: new Map(),
      versions: [],
    };
    this.nodes.set(id, node);
    parent?.childIds.push(id);
    return node;
  }

  /** Removes a node and everything below it. */
  deleteNode(node: NodeRecord): void {
    this.revision += 1;
    const parent = this.nodes.get(node.parentId);
    if (parent) parent.childIds.splice(parent.childIds.indexOf(node.id), 1);
    const drop = (n: NodeRecord): void => {
      for (const id of n.childIds) {
        const child = this.nodes.get(id);
        if (child) drop(child);
      }
      this.nodes.delete(n.id);
    };
    drop(node);
  }

  /** Marks a node changed; containers above it change too (their content changed). */
  touch(node: NodeRecord, date: number, userId: number): void {
    this.revision += 1;
    node.modifyDate = date;
    node.modifyUserId = userId;
    let parent = node.parentId > 0 ? this.nodes.get(node.parentId) : undefined;
    while (parent && parent.type !== VOLUME_TYPE) {
      parent.modifyDate = date;
      parent = parent.parentId > 0 ? this.nodes.get(parent.parentId) : undefined;
    }
  }

  addAudit(nodeId: number, eventType: number, userId: number, date: number, detail = ''): AuditEntry {
    const entry: AuditEntry = { id: this.nextAuditId++, nodeId, eventType, userId, date, detail };
    this.audit.push(entry);
    return entry;
  }
}
