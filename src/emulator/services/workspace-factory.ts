import { workspaceTypeDefinition } from '../seed/definitions.js';
import { CATEGORIES } from '../seed/well-known.js';
import {
  CONFIDENTIAL_ACL,
  DEFAULT_ACL,
  FOLDER_TYPE,
  WORKSPACE_TYPE,
  type EmulatorState,
} from '../state/emulator-state.js';
import type { BoRef, CategoryValues, NodeRecord } from '../state/types.js';

export interface WorkspaceSpec {
  id?: number;
  /** Fixed ids for template folders, by folder name (seeded well-known workspaces). */
  folderIds?: Readonly<Record<string, number>>;
  name: string;
  description?: string;
  typeId: number;
  parentId?: number;
  ref?: BoRef;
  categories?: ReadonlyMap<number, CategoryValues>;
  date: number;
  userId: number;
}

/** Creates a business workspace with its template folders, as instantiating a workspace template does. */
export function createWorkspace(state: EmulatorState, spec: WorkspaceSpec): NodeRecord {
  const type = workspaceTypeDefinition(spec.typeId);
  if (!type) throw new Error(`unknown workspace type ${spec.typeId}`);
  const ws = state.createNode({
    ...(spec.id !== undefined ? { id: spec.id } : {}),
    parentId: spec.parentId ?? type.locationId,
    type: WORKSPACE_TYPE,
    name: spec.name,
    description: spec.description ?? '',
    date: spec.date,
    userId: spec.userId,
    acl: DEFAULT_ACL,
  });
  ws.workspace = { typeId: type.id, templateId: type.templateId, refs: spec.ref ? [spec.ref] : [] };
  ws.categories.set(type.categoryId, {});
  ws.categories.set(CATEGORIES.documentControl.id, {
    [CATEGORIES.documentControl.approvalStatus]: null,
    [CATEGORIES.documentControl.portalVisibility]: 'Internal',
  });
  for (const [catId, values] of spec.categories ?? []) {
    ws.categories.set(catId, { ...(ws.categories.get(catId) ?? {}), ...values });
  }
  for (const folder of type.folders) {
    const folderId = spec.folderIds?.[folder];
    state.createNode({
      ...(folderId !== undefined ? { id: folderId } : {}),
      parentId: ws.id,
      type: FOLDER_TYPE,
      name: folder,
      date: spec.date,
      userId: spec.userId,
      acl: folder === 'Confidential' ? CONFIDENTIAL_ACL : DEFAULT_ACL,
    });
  }
  return ws;
}

export function findWorkspaceByRef(state: EmulatorState, ref: BoRef): NodeRecord | undefined {
  for (const node of state.nodes.values()) {
    if (
      node.workspace?.refs.some(
        (r) => r.system === ref.system && r.boType === ref.boType && r.boId === ref.boId,
      )
    ) {
      return node;
    }
  }
  return undefined;
}
