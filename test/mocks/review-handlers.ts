// msw handlers for the review routes of the BFF (mounted at /bff), shared by the element tests and the
// Storybook stories of <xecm-start-review>. One `createReviewMock()` is one fake BFF: it answers the
// options of any target, starts reviews (then reports them as running), and records every request.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type Problem,
  type Review,
  type ReviewOptions,
  type ReviewTarget,
  type WorkflowChoice,
} from '../../src/contract/index.js';

export const REVIEWS_BFF_BASE = '/bff';

export const CONTRACT_REVIEW: WorkflowChoice = { key: 'contract-review', name: 'Contract Review' };
export const COMPLIANCE_REVIEW: WorkflowChoice = { key: 'compliance-review', name: 'Compliance Review' };

export const REVIEW_MOCK_MODES = [
  'one-workflow',
  'several-workflows',
  'running',
  'not-permitted',
  'no-workflows',
  'options-error',
  'loading',
] as const;
export type ReviewMockMode = (typeof REVIEW_MOCK_MODES)[number];

export interface ReviewMockOptions {
  mode?: ReviewMockMode;
  /** `POST /v1/reviews` answers after this many ms (`'infinite'`: never — a lasting pending state). */
  startDelayMs?: number | 'infinite';
  /** `POST /v1/reviews` fails with this status and code. */
  startFailsWith?: { status: number; code: string };
  /** The workflows offered instead of Contract Review (one-workflow) or both reviews (several-workflows). */
  workflows?: readonly WorkflowChoice[];
  /** `GET /v1/reviews/options` fails with this status and code (e.g. 401 `unauthenticated`). */
  optionsFailWith?: { status: number; code: string };
}

export interface RecordedReviewRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  requestedWith: string | null;
  body?: unknown;
}

export interface ReviewMock {
  readonly handlers: HttpHandler[];
  readonly requests: RecordedReviewRequest[];
  count(fragment?: string, method?: string): number;
  setMode(mode: ReviewMockMode): void;
}

const STARTED_AT = '2026-11-20T09:30:00.000Z';

function problem(status: number, code: string, title: string): HttpResponse<Problem> {
  return HttpResponse.json(
    { type: problemType(code), title, status, code, requestId: 'mock-request' },
    { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
  );
}

export function runningReview(target: ReviewTarget, step = 'Legal review'): Review {
  return { id: 'rv-1', target, workflow: CONTRACT_REVIEW, state: 'running', step, startedAt: STARTED_AT };
}

function optionsFor(mode: ReviewMockMode, target: ReviewTarget): ReviewOptions {
  switch (mode) {
    case 'several-workflows':
      return { workflows: [CONTRACT_REVIEW, COMPLIANCE_REVIEW], canStart: true };
    case 'running':
      return {
        workflows: [CONTRACT_REVIEW],
        canStart: false,
        reason: 'review-running',
        running: runningReview(target),
      };
    case 'not-permitted':
      return { workflows: [CONTRACT_REVIEW], canStart: false, reason: 'not-permitted' };
    case 'no-workflows':
      return { workflows: [], canStart: false, reason: 'no-workflows' };
    default:
      return { workflows: [CONTRACT_REVIEW], canStart: true };
  }
}

export function createReviewMock(options: ReviewMockOptions = {}): ReviewMock {
  let mode: ReviewMockMode = options.mode ?? 'one-workflow';
  const started = new Map<string, Review>();
  const requests: RecordedReviewRequest[] = [];
  const record = (request: Request, body?: unknown) => {
    const url = new URL(request.url);
    requests.push({
      method: request.method,
      path: url.pathname + url.search,
      idempotencyKey: request.headers.get('idempotency-key'),
      requestedWith: request.headers.get('x-requested-with'),
      body,
    });
  };

  const handlers: HttpHandler[] = [
    http.get(`${REVIEWS_BFF_BASE}/v1/reviews/options`, async ({ request }) => {
      record(request);
      const url = new URL(request.url);
      const kind = url.searchParams.get('kind');
      const id = url.searchParams.get('id') ?? '';
      if (kind !== 'workspace' && kind !== 'document') return problem(400, 'bad-request', 'Bad kind');
      const target: ReviewTarget = { kind, id };
      if (mode === 'loading') await delay('infinite');
      if (mode === 'options-error') return problem(502, 'upstream-error', 'Extended ECM failed.');
      if (options.optionsFailWith)
        return problem(options.optionsFailWith.status, options.optionsFailWith.code, 'No review options.');
      const running = started.get(`${kind}:${id}`);
      if (running)
        return HttpResponse.json<ReviewOptions>({
          workflows: [],
          canStart: false,
          reason: 'review-running',
          running,
        });
      const answer = optionsFor(mode, target);
      if (options.workflows && (mode === 'one-workflow' || mode === 'several-workflows'))
        return HttpResponse.json<ReviewOptions>({ ...answer, workflows: [...options.workflows] });
      return HttpResponse.json(answer);
    }),

    http.post(`${REVIEWS_BFF_BASE}/v1/reviews`, async ({ request }) => {
      const body = (await request.json()) as { target: ReviewTarget; workflow: string; comment?: string };
      record(request, body);
      if (options.startDelayMs !== undefined) await delay(options.startDelayMs);
      if (options.startFailsWith)
        return problem(
          options.startFailsWith.status,
          options.startFailsWith.code,
          'The review could not start.',
        );
      const workflow = [CONTRACT_REVIEW, COMPLIANCE_REVIEW, ...(options.workflows ?? [])].find(
        (w) => w.key === body.workflow,
      );
      if (!workflow) return problem(400, 'bad-request', 'Unknown workflow');
      const review: Review = {
        id: `rv-${requests.length}`,
        target: body.target,
        workflow,
        state: 'running',
        step: workflow.key === 'contract-review' ? 'Legal review' : 'Compliance check',
        startedAt: STARTED_AT,
      };
      started.set(`${body.target.kind}:${body.target.id}`, review);
      return HttpResponse.json(review, { status: 201 });
    }),
  ];

  return {
    handlers,
    requests,
    count: (fragment, method) =>
      requests.filter((r) => (!fragment || r.path.includes(fragment)) && (!method || r.method === method))
        .length,
    setMode: (m) => {
      mode = m;
    },
  };
}
