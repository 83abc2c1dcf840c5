// Development-only (loaded through devCheck): warnings about attribute values the badge cannot use.
import { APPROVAL_STATES, NODE_ID_PATTERN } from '../../contract/index.js';
import { devWarn } from '../base/dev-warn.js';

export interface ApprovalBadgeAttributes {
  el: Element;
  changed: ReadonlySet<PropertyKey>;
  state: unknown;
  workspaceId: string | undefined;
  documentId: string | undefined;
}

export function warnAboutAttributes(a: ApprovalBadgeAttributes): void {
  const { el, changed } = a;
  if (
    changed.has('state') &&
    a.state !== undefined &&
    !(APPROVAL_STATES as readonly unknown[]).includes(a.state)
  )
    devWarn(el, `state="${String(a.state)}" is not one of ${APPROVAL_STATES.join(', ')}; showing "none".`);
  if (!changed.has('workspaceId') && !changed.has('documentId')) return;
  for (const [name, value] of [
    ['workspace-id', a.workspaceId],
    ['document-id', a.documentId],
  ] as const) {
    if (value && !NODE_ID_PATTERN.test(value))
      devWarn(el, `${name}="${value}" is not an xECM node id (digits only).`);
  }
}
