import type { Context } from 'hono';
import { insufficientPermissions, nodeNotFound } from '../http/cs-error.js';
import { parseId } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { DOCUMENT_TYPE } from '../state/emulator-state.js';
import type { NodeRecord } from '../state/types.js';

/** The node named by the `:id` path parameter if the caller may see it; 404 otherwise. */
export function visibleNode(rt: Runtime, c: Context<EmulatorEnv>, param = 'id'): NodeRecord {
  const id = parseId(c.req.param(param), param);
  const node = rt.state.visible(c.get('user'), id);
  if (!node) throw nodeNotFound(id);
  return node;
}

export function visibleDocument(rt: Runtime, c: Context<EmulatorEnv>): NodeRecord {
  const node = visibleNode(rt, c);
  if (node.type !== DOCUMENT_TYPE) throw nodeNotFound(node.id);
  return node;
}

export function writableNode(rt: Runtime, c: Context<EmulatorEnv>): NodeRecord {
  const node = visibleNode(rt, c);
  if (!rt.state.canWrite(c.get('user'), node)) throw insufficientPermissions();
  return node;
}
