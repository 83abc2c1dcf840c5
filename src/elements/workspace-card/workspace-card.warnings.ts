// Development-only (loaded through devCheck): warnings about attribute values the card cannot use.
import { NODE_ID_PATTERN } from '../../contract/index.js';
import { devWarn } from '../base/dev-warn.js';

export interface WorkspaceCardAttributes {
  el: Element;
  changed: ReadonlySet<PropertyKey>;
  system: string | undefined;
  type: string | undefined;
  boId: string | undefined;
  workspaceId: string | undefined;
  layout: string;
  layouts: readonly string[];
  maxFields: number;
  defaultMaxFields: number;
}

export function warnAboutAttributes(a: WorkspaceCardAttributes): void {
  const { el, changed } = a;
  if (['system', 'type', 'boId', 'workspaceId'].some((p) => changed.has(p))) {
    const boParts = [a.system, a.type, a.boId].filter(Boolean).length;
    if (a.workspaceId && boParts > 0) {
      devWarn(el, 'Set either workspace-id or system/type/bo-id, not both; workspace-id wins.');
    } else if (!a.workspaceId && boParts > 0 && boParts < 3) {
      devWarn(el, 'system, type and bo-id must all be set to look up a workspace.');
    }
    if (a.workspaceId && !NODE_ID_PATTERN.test(a.workspaceId)) {
      devWarn(el, `workspace-id="${a.workspaceId}" is not an xECM node id (digits only).`);
    }
  }
  if (changed.has('layout') && !a.layouts.includes(a.layout))
    devWarn(el, `layout="${a.layout}" is not one of ${a.layouts.join(', ')}; using "full".`);
  if (changed.has('maxFields') && !(Number.isInteger(a.maxFields) && a.maxFields >= 0))
    devWarn(
      el,
      `max-fields="${String(a.maxFields)}" must be a whole number ≥ 0; using ${a.defaultMaxFields}.`,
    );
}
