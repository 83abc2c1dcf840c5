import { isBffProblemError } from '../../client/bff-problem-error.js';
import type { XecmErrorDetail } from '../events/xecm-error-event.js';

/**
 * The `xecm-error` detail for anything a load or action threw: the problem's code and status, with the
 * element's own localized `message` when it has one (else the error's).
 */
export function errorDetail(error: unknown, message?: string): XecmErrorDetail {
  if (isBffProblemError(error))
    return { code: error.code, message: message ?? error.message, status: error.status };
  return { code: 'internal', message: message ?? (error instanceof Error ? error.message : String(error)) };
}
