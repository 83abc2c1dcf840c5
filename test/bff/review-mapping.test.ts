// Content Server may send process dates without an offset (server local time; notes §2.7 and the BFF's
// date rule): a review read from such an answer keeps its real start and last change, read as UTC, instead
// of claiming it started now.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toReview } from '../../src/bff/services/review-mapping.js';
import { RawProcess } from '../../src/bff/services/review-upstream.js';

const started = { target: { kind: 'document', id: '10112' }, workflowId: 7001 } as const;

function process(dates: { initiated: string; stepStart: string }) {
  return RawProcess.parse({
    results: {
      wf_details: { status: 'ontime', wf_name: 'Contract Review', date_initiated: dates.initiated },
      step_list: {
        completed: [{ task_name: 'Legal review', task_start_date: dates.initiated }],
        current: [{ task_name: 'Sign-off', task_start_date: dates.stepStart }],
      },
    },
  });
}

describe('review mapping: Content Server dates', () => {
  it('reads dates without an offset as UTC, like every other CS date', () => {
    const review = toReview(
      [],
      '4711',
      started,
      process({ initiated: '2026-11-02T09:30:00', stepStart: '2026-11-03T14:00:00' }),
    );
    assert.equal(review.startedAt, '2026-11-02T09:30:00.000Z');
    assert.equal(review.updatedAt, '2026-11-03T14:00:00.000Z');
    assert.equal(review.step, 'Sign-off');
  });

  it('reads dates with an offset as given', () => {
    const review = toReview(
      [],
      '4711',
      started,
      process({ initiated: '2026-11-02T10:30:00+01:00', stepStart: '2026-11-03T14:00:00Z' }),
    );
    assert.equal(review.startedAt, '2026-11-02T09:30:00.000Z');
    assert.equal(review.updatedAt, '2026-11-03T14:00:00.000Z');
  });
});
