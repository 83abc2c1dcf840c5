// Shapes of workflow status answers (notes F6, F7, F10).
import { CsError } from '../http/cs-error.js';
import { parseId } from '../http/params.js';
import type { Runtime } from '../runtime.js';
import type { ProcessRecord, ProcessStep, User } from '../state/types.js';
import { canViewProcess, processStatus } from '../services/workflows.js';
import { csDate } from './format.js';

export const DAY = 86_400_000;

export function assigneeJson(rt: Runtime, name: string): Record<string, unknown> {
  const user = rt.state.userByName(name);
  return {
    userId: user?.id ?? null,
    loginName: name,
    firstName: user?.firstName ?? '',
    lastName: user?.lastName ?? '',
    emailAddress: user?.email ?? '',
    displayName: user ? `${user.firstName} ${user.lastName}`.trim() : name,
  };
}

export function stepJson(rt: Runtime, p: ProcessRecord, s: ProcessStep): Record<string, unknown> {
  const start = s.startDate ?? null;
  return {
    process_id: p.id,
    subprocess_id: p.id,
    task_id: s.taskId,
    task_name: s.name,
    task_status:
      s.status === 'completed' ? 'completed' : s.status === 'active' ? processStatus(rt, p) : 'pending',
    task_start_date: start === null ? null : csDate(start),
    task_end_date: s.endDate === undefined ? null : csDate(s.endDate),
    task_due_date: start === null ? null : csDate(start + 7 * DAY),
    task_assignees: {
      assignee: [assigneeJson(rt, s.assignee)],
      assigneeCount: 1,
      currentAssignee: s.assignee,
    },
    task_action: s.action ?? null,
    task_comment: s.comment ?? null,
  };
}

export function visibleProcess(rt: Runtime, user: User, raw: string): ProcessRecord {
  const id = parseId(raw, 'process_id');
  const process = rt.state.processes.get(id);
  if (!process || !canViewProcess(rt, user, process)) throw new CsError(404, `Process ${id} does not exist.`);
  return process;
}
