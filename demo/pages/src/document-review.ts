// "Review a document" on the CRM page: pick one of the workspace's documents, see its approval badge
// (which follows the review live) and start a review with <xecm-start-review>. Host-application code:
// it uses only the public tags, their events and the provider's client.
import type { XecmReviewStartedEvent } from 'xecm-elements';
import { h, type DemoConfig } from './shell.js';

export interface DocumentReviewPanel {
  element: HTMLElement;
  /** Reads the workspace's documents again (after a load of the list: an upload, a live update). */
  refresh(workspaceId: string): Promise<void>;
}

export function documentReviewPanel(config: DemoConfig): DocumentReviewPanel {
  const select = h('select', { name: 'document', id: 'review-document' });
  const badge = h('xecm-approval-badge', { id: 'document-approval' });
  const button = h('xecm-start-review', { 'target-kind': 'document', id: 'document-review' });
  const status = h('div', { class: 'status', id: 'review-status', role: 'status' });
  const form = h(
    'form',
    { class: 'inline', hidden: true, onsubmit: (e: Event) => e.preventDefault() },
    h('label', {}, 'Document', select),
    h('span', { class: 'field' }, h('span', { class: 'label' }, 'Approval'), badge),
    button,
  );
  const empty = h('p', { class: 'muted' }, 'Upload a document first.');
  /** What the user picked; otherwise the newest document (the one just uploaded) is shown. */
  let chosen: string | undefined;
  let calls = 0;

  const show = (id: string) => {
    badge.setAttribute('document-id', id);
    button.setAttribute('target-id', id);
  };
  select.addEventListener('change', () => {
    chosen = select.value;
    status.replaceChildren();
    show(chosen);
  });

  button.addEventListener('xecm-review-started', (e: XecmReviewStartedEvent) => {
    const { review } = e.detail;
    const step = review.step ? ` (current step: ${review.step})` : '';
    const approve = config.emulatorUrl
      ? `curl -s -X POST ${config.emulatorUrl}/emulator/workflows/act -H 'content-type: application/json' ` +
        `-d '{"processId": ${review.id}, "user": "lena.legal", "action": "Approve"}'`
      : undefined;
    const text = h(
      'p',
      {},
      `${review.workflow.name} started as process `,
      h('strong', { id: 'review-process', 'data-process-id': review.id }, review.id),
      `${step}. The reviewer is lena.legal: approve each step in xECM, or here through the emulator:`,
    );
    status.replaceChildren(text, ...(approve ? [h('pre', { class: 'log' }, approve)] : []));
  });

  const refresh = async (workspaceId: string) => {
    const client = document.querySelector('xecm-provider')?.effectiveClient;
    if (!client) return;
    // The list just loaded because something changed: read past the cache, and let the last call win.
    const call = ++calls;
    const { items } = await client.listDocuments(
      workspaceId,
      { sort: '-modifiedAt', pageSize: 50 },
      { fresh: true },
    );
    if (call !== calls) return;
    const current = chosen && items.some((d) => d.id === chosen) ? chosen : items[0]?.id;
    select.replaceChildren(
      ...items.map((d) => h('option', { value: d.id, selected: d.id === current }, d.name)),
    );
    form.hidden = current === undefined;
    empty.hidden = current !== undefined;
    if (current !== undefined && current !== badge.getAttribute('document-id')) show(current);
  };

  const element = h(
    'div',
    { id: 'document-review-panel' },
    h('h2', {}, 'Review a document'),
    empty,
    form,
    status,
  );
  return { element, refresh };
}
