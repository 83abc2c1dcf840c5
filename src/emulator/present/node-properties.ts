// A node as `data.properties` of the v2 API (nodes_V2Properties plus mime_type, size, size_formatted).
import { DOCUMENT_TYPE, WORKSPACE_TYPE, type EmulatorState } from '../state/emulator-state.js';
import type { NodeRecord, User } from '../state/types.js';
import { workspaceTypeDefinition } from '../seed/definitions.js';
import { latestVersion } from '../services/documents.js';
import { csDate, formatSize } from './format.js';

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'Folder',
  141: 'Enterprise Workspace',
  144: 'Document',
  848: 'Business Workspace',
};

export function typeName(type: number): string {
  return TYPE_NAMES[type] ?? 'Item';
}

export function nodeProperties(state: EmulatorState, user: User, node: NodeRecord): Record<string, unknown> {
  const container = node.type !== DOCUMENT_TYPE;
  const childCount = container ? state.visibleChildren(user, node).length : 0;
  const version = latestVersion(node);
  const size = container ? childCount : (version?.size ?? 0);
  const props: Record<string, unknown> = {
    id: node.id,
    parent_id: node.parentId,
    name: node.name,
    name_multilingual: { en: node.name },
    description: node.description,
    description_multilingual: { en: node.description },
    type: node.type,
    type_name: typeName(node.type),
    volume_id: -2000,
    create_date: csDate(node.createDate),
    create_user_id: node.createUserId,
    modify_date: csDate(node.modifyDate),
    modify_user_id: node.modifyUserId,
    owner_user_id: node.ownerUserId,
    owner_group_id: 1100,
    reserved: false,
    reserved_user_id: 0,
    reserved_date: null,
    hidden: false,
    favorite: false,
    container,
    container_size: childCount,
    size,
    size_formatted: container ? `${childCount} Items` : formatSize(size),
    versionable: !container,
    advanced_versioning: false,
    icon: container ? '/img/webdoc/folder.gif' : '/img/webdoc/doc.gif',
    permissions_model: 'advanced',
    external_create_date: null,
    external_modify_date: null,
    external_identity: '',
    external_identity_type: '',
    external_source: '',
  };
  // No `version_number` here: it is not a node property in Content Server (notes §2.3); the version
  // comes from `fields=versions.element(0)` or the versions endpoints.
  if (version) props['mime_type'] = version.mimeType;
  if (node.type === WORKSPACE_TYPE && node.workspace) {
    props['wnf_wksp_type_id'] = node.workspace.typeId;
    props['wnf_wksp_template_id'] = node.workspace.templateId;
    props['wksp_type_name'] = workspaceTypeDefinition(node.workspace.typeId)?.name ?? '';
  }
  return props;
}
