import type { ReviewTarget } from '../../contract/index.js';
import { currentStepName, RawProcessStatus } from '../xecm/process-status.js';
import type { XecmClient } from '../xecm/xecm-client.js';
import { targetProcess, type ReviewStore } from './review-store.js';

/**
 * The current workflow step of an item under review, for `approval.step`. Only reviews started through
 * the BFF are known (their process id is in the review store); Content Server offers no cheap "process
 * of this item" query, so a review started inside xECM shows no step.
 */
export class ReviewSteps {
  constructor(
    private readonly xecm: XecmClient,
    private readonly store: ReviewStore,
  ) {}

  /** The process last started through the BFF on `target`, if the store knows one. */
  processOf(target: ReviewTarget): string | undefined {
    try {
      return targetProcess(this.store, target);
    } catch {
      return undefined; // store unavailable: no step rather than no summary
    }
  }

  /**
   * Reads the current step of `processId` as `user` (one upstream call). Throws on upstream failure so
   * callers can leave it uncached; resolves null when the process waits on no step.
   */
  async current(user: string, processId: string, signal?: AbortSignal): Promise<string | null> {
    if (!/^[0-9]{1,12}$/.test(processId)) return null;
    const raw = await this.xecm.json(
      user,
      { method: 'GET', path: `/v2/workflows/status/processes/${processId}`, signal },
      RawProcessStatus,
    );
    return currentStepName(raw) ?? null;
  }
}
