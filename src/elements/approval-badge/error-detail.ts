import { isBffProblemError } from '../../client/bff-problem-error.js';
import type { XecmErrorDetail } from '../events/xecm-error-event.js';

/** `xecm-error` detail for a failure: the problem's code and status, with the element's own localized text. */
export function errorDetail(error: unknown, message: string): XecmErrorDetail {
  return isBffProblemError(error)
    ? { code: error.code, message, status: error.status }
    : { code: 'internal', message };
}
