import { CATEGORIES } from '../seed/well-known.js';
import { DOCUMENT_TYPE, type EmulatorState } from '../state/emulator-state.js';
import type { NodeRecord, Version } from '../state/types.js';

export interface DocumentSpec {
  id?: number;
  parentId: number;
  name: string;
  description?: string;
  date: number;
  userId: number;
  versions: Version[];
  approval?: string | null;
  visibility?: string;
}

export function createDocument(state: EmulatorState, spec: DocumentSpec): NodeRecord {
  const doc = state.createNode({
    ...(spec.id !== undefined ? { id: spec.id } : {}),
    parentId: spec.parentId,
    type: DOCUMENT_TYPE,
    name: spec.name,
    description: spec.description ?? '',
    date: spec.date,
    userId: spec.userId,
  });
  doc.versions.push(...spec.versions);
  const last = spec.versions[spec.versions.length - 1];
  if (last) doc.modifyDate = Math.max(doc.modifyDate, last.createDate);
  if (spec.approval !== undefined || spec.visibility !== undefined) {
    doc.categories.set(CATEGORIES.documentControl.id, {
      [CATEGORIES.documentControl.approvalStatus]: spec.approval ?? null,
      [CATEGORIES.documentControl.portalVisibility]: spec.visibility ?? 'Internal',
    });
  }
  return doc;
}

export function latestVersion(node: NodeRecord): Version | undefined {
  return node.versions[node.versions.length - 1];
}
