// Writes category values on a node and records the change; an approval decision is announced.
import type { CategoryDefinition } from '../seed/definitions.js';
import { categoryDefinition } from '../seed/definitions.js';
import { CATEGORIES } from '../seed/well-known.js';
import type { Runtime } from '../runtime.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import type { CategoryValues, NodeRecord } from '../state/types.js';
import { approvalCallout, approvalOf, recordChange } from './changes.js';

export function writeCategory(
  rt: Runtime,
  node: NodeRecord,
  def: CategoryDefinition,
  values: CategoryValues,
  userId: number,
  calloutData?: Record<string, unknown>,
): void {
  const before = approvalOf(node);
  node.categories.set(def.id, { ...(node.categories.get(def.id) ?? {}), ...values });
  const after = approvalOf(node);
  rt.state.touch(node, rt.clock.now(), userId);
  const announce =
    def.id === CATEGORIES.documentControl.id && before !== after ? approvalCallout(node, after) : undefined;
  recordChange(rt, node, {
    eventType: AUDIT_EVENTS.categoryChange.id,
    userId,
    detail: Object.keys(values).join(','),
    ...(announce ? { callout: announce } : {}),
    ...(calloutData ? { data: calloutData } : {}),
  });
}

/** Sets "Approval Status" (9001_2), applying the Document Control category when it is missing. */
export function setApproval(
  rt: Runtime,
  node: NodeRecord,
  value: string,
  userId: number,
  calloutData?: Record<string, unknown>,
): void {
  const def = categoryDefinition(CATEGORIES.documentControl.id);
  if (!def) return;
  const values: CategoryValues = { [CATEGORIES.documentControl.approvalStatus]: value };
  if (!node.categories.has(def.id)) values[CATEGORIES.documentControl.portalVisibility] = 'Internal';
  writeCategory(rt, node, def, values, userId, calloutData);
}
