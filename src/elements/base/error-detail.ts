import { isBffProblemError } from '../../client/bff-problem-error.js';
import type { XecmErrorDetail } from '../events/xecm-error-event.js';

/** The `xecm-error` detail for anything a load or action threw. */
export function errorDetail(error: unknown): XecmErrorDetail {
  if (isBffProblemError(error)) return { code: error.code, message: error.message, status: error.status };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
