import type { NodeRecord, Version } from '../state/types.js';
import { csDate } from './format.js';

/** A version as `data.versions` of the v2 API (N7). */
export function versionJson(node: NodeRecord, v: Version): Record<string, unknown> {
  const ext = v.fileName.includes('.') ? v.fileName.split('.').pop() : '';
  return {
    id: node.id,
    version_id: node.id * 100 + v.number,
    version_number: v.number,
    version_number_major: v.number,
    version_number_minor: 0,
    version_number_name: String(v.number),
    file_name: v.fileName,
    file_size: v.size,
    file_type: ext ?? '',
    mime_type: v.mimeType,
    create_date: csDate(v.createDate),
    modify_date: csDate(v.createDate),
    owner_id: v.ownerId,
    locked: false,
    locked_date: null,
    locked_user_id: null,
    description: v.description,
    name: node.name,
  };
}
