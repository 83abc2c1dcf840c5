import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BffClient } from '../../src/client/index.js';
import '../../src/elements/start-review/start-review.js';
import type { XecmStartReview } from '../../src/elements/start-review/start-review.component.js';
import { createReviewMock, type ReviewMockMode, type ReviewMockOptions } from '../mocks/review-handlers.js';
import { useHandlers } from '../mocks/server-setup.js';
import { de } from '../../src/elements/i18n/de/index.js';

interface AxeRunner {
  run(
    context: Element,
    options: object,
  ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

const makeClient = () => new BffClient({ baseUrl: '/bff', tokenProvider: () => 'test-token' });
const part = (el: XecmStartReview, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const button = (el: XecmStartReview) => part(el, 'button') as HTMLButtonElement;
const dialog = (el: XecmStartReview) => el.shadowRoot!.querySelector('dialog')!;

async function mount(mode: ReviewMockMode, options: ReviewMockOptions = {}, kind = 'document') {
  const mock = createReviewMock({ mode, ...options });
  useHandlers(...mock.handlers);
  const el = await fixture<XecmStartReview>(
    html`<xecm-start-review
      target-kind=${kind}
      target-id="4711"
      .client=${makeClient()}
    ></xecm-start-review>`,
  );
  await waitUntil(
    () => mock.count('/options') > 0 && el.shadowRoot!.querySelector('[role="status"]')!.textContent === '',
  );
  await el.updateComplete;
  return { el, mock };
}

async function openDialog(el: XecmStartReview): Promise<void> {
  button(el).click();
  await waitUntil(() => dialog(el).open, 'dialog did not open');
}

describe('<xecm-start-review>', () => {
  it('opens a labelled modal dialog, moves focus into it, and Escape returns focus to the button', async () => {
    const { el } = await mount('one-workflow');
    expect(button(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'Enter did not open the dialog');
    expect(dialog(el).matches(':modal')).to.equal(true);
    const title = el.shadowRoot!.getElementById(dialog(el).getAttribute('aria-labelledby')!)!;
    expect(title.textContent!.trim()).to.equal('Start a review of this document');
    expect(dialog(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
    expect(part(el, 'workflow')!.textContent).to.contain('Contract Review');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape did not close');
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
  });

  it('offers a choice when several workflows apply and sends the chosen one with the comment', async () => {
    const { el, mock } = await mount('several-workflows', {}, 'workspace');
    await openDialog(el);
    expect(part(el, 'title')!.textContent).to.contain('workspace');
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.parentElement!.textContent!.trim())).to.deep.equal([
      'Contract Review',
      'Compliance Review',
    ]);
    expect(radios[0]!.checked).to.equal(true);
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('Workflow');
    await expect(el).to.be.accessible();
    radios[1]!.click();
    (part(el, 'comment') as HTMLTextAreaElement).value = '  Please check clause 7  ';
    const start = oneEvent(el, 'xecm-review-start');
    const started = oneEvent(el, 'xecm-review-started');
    part(el, 'submit')!.click();
    const { detail } = await start;
    expect(detail.target).to.deep.equal({ kind: 'workspace', id: '4711' });
    expect(detail.workflow.key).to.equal('compliance-review');
    expect(detail.comment).to.equal('Please check clause 7');
    expect((await started).detail.review.workflow.key).to.equal('compliance-review');
    const post = mock.requests.find((r) => r.method === 'POST')!;
    expect(post.body).to.deep.equal({
      target: { kind: 'workspace', id: '4711' },
      workflow: 'compliance-review',
      comment: 'Please check clause 7',
    });
    expect(post.idempotencyKey).to.match(/^[0-9a-f-]{16,}$/);
    expect(post.requestedWith).to.equal('xecm-elements');
    await waitUntil(() => !dialog(el).open);
    // The client invalidated the target: the button reloads its options and shows the running review.
    await waitUntil(
      () => part(el, 'reason')?.textContent?.includes('already running'),
      'button did not repaint',
    );
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('gives each workflow choice a target of at least 24×24 px (axe target-size, WCAG 2.5.8)', async () => {
    const { el } = await mount('several-workflows', {}, 'workspace');
    // A host page with a smaller type scale (the demo CRM uses 14px) must not shrink the targets.
    el.style.fontSize = '14px';
    el.style.lineHeight = '1.2';
    await openDialog(el);
    await expect(el).to.be.accessible(); // loads axe onto window
    const axe = (window as unknown as { axe: AxeRunner }).axe;
    const results = await axe.run(el, { runOnly: { type: 'rule', values: ['target-size'] } });
    expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).to.deep.equal([]);
    const choices = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('label.choice')];
    expect(choices).to.have.length(2);
    const boxes = choices.map((choice) => choice.getBoundingClientRect());
    for (const box of boxes) {
      expect(box.height, 'label height').to.be.at.least(24);
      expect(box.width, 'label width').to.be.at.least(24);
    }
    const radios = [...el.shadowRoot!.querySelectorAll('input[type="radio"]')].map((r) =>
      r.getBoundingClientRect(),
    );
    const centre = (r: DOMRect) => r.top + r.height / 2;
    expect(centre(radios[1]!) - centre(radios[0]!), 'radio spacing').to.be.at.least(24);
    // Clicking the label's text picks its radio: the whole row is the target.
    choices[1]!.querySelector('bdi')!.click();
    expect(choices[1]!.querySelector('input')!.checked).to.equal(true);
  });

  it('lets the host veto xecm-review-start: no request is sent', async () => {
    const { el, mock } = await mount('one-workflow');
    el.addEventListener('xecm-review-start', (e) => e.preventDefault());
    await openDialog(el);
    part(el, 'submit')!.click();
    await waitUntil(() => !dialog(el).open, 'vetoed dialog stayed open');
    await aTimeout(50);
    expect(mock.count('/v1/reviews', 'POST')).to.equal(0);
  });

  it('shows a pending state and sends one request when submit is clicked twice', async () => {
    const { el, mock } = await mount('one-workflow', { startDelayMs: 300 });
    await openDialog(el);
    const submit = part(el, 'submit')!;
    submit.click();
    submit.click();
    await el.updateComplete;
    expect(el.hasAttribute('pending')).to.equal(true);
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.textContent!.trim()).to.equal('Starting…');
    await expect(el).to.be.accessible();
    await waitUntil(() => !el.hasAttribute('pending'), 'never settled');
    expect(mock.count('/v1/reviews', 'POST')).to.equal(1);
  });

  it('submits with Enter from the keyboard', async () => {
    const { el, mock } = await mount('one-workflow');
    await openDialog(el);
    part(el, 'submit')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => mock.count('/v1/reviews', 'POST') === 1, 'Enter did not submit');
  });

  it('shows an error in the dialog and fires xecm-error when the start fails; a retry reuses the idempotency key', async () => {
    const { el, mock } = await mount('one-workflow', {
      startFailsWith: { status: 502, code: 'upstream-error' },
    });
    await openDialog(el);
    const error = oneEvent(el, 'xecm-error');
    part(el, 'submit')!.click();
    expect((await error).detail.code).to.equal('upstream-error');
    await el.updateComplete;
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.contain('could not be started');
    expect(dialog(el).open).to.equal(true);
    await expect(el).to.be.accessible();
    part(el, 'submit')!.click();
    await waitUntil(() => mock.count('/v1/reviews', 'POST') === 2);
    const [first, second] = mock.requests.filter((r) => r.method === 'POST');
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
  });

  const reasons: [ReviewMockMode, string][] = [
    ['running', 'A review is already running (current step: Legal review).'],
    ['not-permitted', 'You may not start a review here.'],
    ['no-workflows', 'No review workflow applies here.'],
  ];
  for (const [mode, text] of reasons) {
    it(`is disabled with a visible reason: ${mode}`, async () => {
      const { el } = await mount(mode);
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, 'reason')!.textContent).to.equal(text);
      expect(button(el).getAttribute('aria-describedby')).to.equal(part(el, 'reason')!.id);
      button(el).click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it('shows an options error with retry', async () => {
    const { el, mock } = await mount('options-error');
    expect(part(el, 'reason')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    mock.setMode('one-workflow');
    part(el, 'retry')!.click();
    await waitUntil(() => button(el).getAttribute('aria-disabled') === 'false', 'retry did not recover');
  });

  it('says the session has ended when options fail because nobody is signed in', async () => {
    const mock = createReviewMock({ mode: 'one-workflow' });
    useHandlers(...mock.handlers);
    const signedOut = new BffClient({
      baseUrl: '/bff',
      tokenProvider: () => {
        throw new Error('token endpoint answered 401');
      },
    });
    const el = document.createElement('xecm-start-review');
    el.targetId = '4711';
    el.client = signedOut;
    const failed = oneEvent(el, 'xecm-error');
    document.body.append(el);
    try {
      const event = await failed;
      expect(event.detail.code).to.equal('unauthenticated');
      await el.updateComplete;
      expect(part(el, 'reason')!.textContent).to.contain('Review options could not be loaded.');
      expect(part(el, 'reason')!.textContent).to.contain('Your session has ended. Sign in again.');
      expect(event.detail.message).to.contain('Your session has ended.');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('says the session has ended when the start is refused as unauthenticated', async () => {
    const { el } = await mount('one-workflow', { startFailsWith: { status: 401, code: 'unauthenticated' } });
    await openDialog(el);
    const error = oneEvent(el, 'xecm-error');
    part(el, 'submit')!.click();
    expect((await error).detail.code).to.equal('unauthenticated');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('The review could not be started.');
    expect(part(el, 'error')!.textContent).to.contain('Your session has ended. Sign in again.');
  });

  it('reflects target-kind and target-id, and translates (de, fr, es, ja)', async () => {
    const { el } = await mount('one-workflow');
    expect(el.getAttribute('target-kind')).to.equal('document');
    el.targetId = '42';
    await el.updateComplete;
    expect(el.getAttribute('target-id')).to.equal('42');
    for (const [lang, label] of [
      ['de', 'Prüfung starten'],
      ['fr', 'Lancer une révision'],
      ['es', 'Iniciar revisión'],
      ['ja', 'レビューを開始'],
    ] as const) {
      el.setAttribute('lang', lang);
      await waitUntil(() => button(el).textContent!.trim() === label, `${lang} not applied`);
    }
  });

  it('calls a workspace "Workspace" in German everywhere, as xECM does (not "Arbeitsbereich")', async () => {
    const { el } = await mount('one-workflow', {}, 'workspace');
    el.setAttribute('lang', 'de');
    await waitUntil(() => button(el).textContent!.trim() === 'Prüfung starten', 'de not applied');
    await openDialog(el);
    expect(part(el, 'title')!.textContent!.trim()).to.equal('Prüfung dieses Workspaces starten');
    const strings = Object.values(de).flatMap((area) =>
      Object.values(area).map((v) =>
        typeof v === 'function' ? String((v as (...args: unknown[]) => string)(1, '1')) : v,
      ),
    );
    expect(strings.filter((text) => /arbeitsbereich/i.test(text))).to.deep.equal([]);
  });

  it('reads English sentences left to right in a right-to-left page', async () => {
    const mock = createReviewMock({ mode: 'one-workflow' });
    useHandlers(...mock.handlers);
    const host = await fixture<HTMLDivElement>(
      html`<div dir="rtl">
        <xecm-start-review target-id="4711" .client=${makeClient()}></xecm-start-review>
      </div>`,
    );
    const el = host.querySelector<XecmStartReview>('xecm-start-review')!;
    await waitUntil(() => button(el).getAttribute('aria-disabled') === 'false');
    await openDialog(el);
    // The page stays right-to-left (the dialog's layout mirrors); its English sentences do not.
    expect(dialog(el).matches(':dir(rtl)')).to.equal(true);
    for (const text of [part(el, 'title')!, part(el, 'workflow')!, el.shadowRoot!.querySelector('.hint')!])
      expect(text.matches(':dir(ltr)'), text.textContent!).to.equal(true);
  });

  it('renders hostile workflow names as text', async () => {
    const mock = createReviewMock({ mode: 'one-workflow' });
    useHandlers(
      ...[
        (await import('msw')).http.get('/bff/v1/reviews/options', () =>
          Response.json({
            workflows: [{ key: 'x', name: '<img src=x onerror=window.__xecmHacked=1>\u202Eweiver' }],
            canStart: true,
          }),
        ),
        ...mock.handlers,
      ],
    );
    const el = await fixture<XecmStartReview>(
      html`<xecm-start-review target-id="1" .client=${makeClient()}></xecm-start-review>`,
    );
    await waitUntil(() => button(el).getAttribute('aria-disabled') === 'false');
    await openDialog(el);
    // As text, without the right-to-left override that would turn "weiver" into "review".
    expect(part(el, 'workflow')!.textContent).to.contain('<img src=x onerror=window.__xecmHacked=1>weiver');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __xecmHacked?: number }).__xecmHacked).to.equal(undefined);
  });
});
