// <xecm-provider> uses sseLiveEvents by default: a change pushed by the BFF repaints an element without a reload.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/elements/approval-badge/approval-badge.js';
import '../../src/elements/provider/provider.js';
import type { XecmProvider } from '../../src/elements/provider/provider.component.js';
import type { LiveEventsFactory } from '../../src/client/live-events.js';
import { APPROVAL_FIXTURES, fixtureDocument } from '../mocks/fixtures.js';
import { MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';

const WAIT = { timeout: 5000 };

describe('<xecm-provider> live updates', () => {
  let streams: { topics: string | null; push(text: string): void }[];
  let approval = APPROVAL_FIXTURES['in-review'];

  beforeEach(() => {
    streams = [];
    approval = APPROVAL_FIXTURES['in-review'];
    useHandlers(
      http.get(`${MOCK_BFF_BASE}/v1/documents/8001`, () =>
        HttpResponse.json(fixtureDocument(1, { id: '8001', approval })),
      ),
      http.get(`${MOCK_BFF_BASE}/v1/events`, ({ request }) => {
        let controller!: ReadableStreamDefaultController<Uint8Array>;
        const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
        streams.push({
          topics: new URL(request.url).searchParams.get('topics'),
          push: (text) => controller.enqueue(new TextEncoder().encode(text)),
        });
        return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
      }),
    );
  });

  it('repaints a badge when the BFF reports its document approved', async () => {
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url=${MOCK_BFF_BASE}>
        <xecm-approval-badge document-id="8001"></xecm-approval-badge>
        <xecm-approval-badge document-id="8001"></xecm-approval-badge>
      </xecm-provider>`,
    );
    const badges = [...provider.querySelectorAll('xecm-approval-badge')];
    await waitUntil(() => badges.every((b) => b.getAttribute('state') === 'in-review'), 'not loaded', WAIT);
    await waitUntil(() => streams.length === 1, 'no stream', WAIT);
    expect(streams[0]!.topics).to.equal('document:8001');
    approval = APPROVAL_FIXTURES.approved;
    const event = {
      id: 'e1',
      type: 'document.approved',
      occurredAt: '2026-11-29T06:31:20Z',
      documentId: '8001',
      data: {},
    };
    streams[0]!.push(`id: 1\nevent: document.approved\ndata: ${JSON.stringify(event)}\n\n`);
    await waitUntil(() => badges.every((b) => b.getAttribute('state') === 'approved'), 'no repaint', WAIT);
    provider.remove();
  });

  it('opens no stream with live="off"', async () => {
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url=${MOCK_BFF_BASE} live="off">
        <xecm-approval-badge document-id="8001"></xecm-approval-badge>
      </xecm-provider>`,
    );
    const badge = provider.querySelector('xecm-approval-badge')!;
    await waitUntil(() => badge.getAttribute('state') === 'in-review', 'not loaded', WAIT);
    await aTimeout(150);
    expect(streams).to.have.length(0);
    expect(provider.live).to.equal(false);
  });

  it('uses no live updates with live="off" even when a custom implementation is set', async () => {
    let created = 0;
    const custom: LiveEventsFactory = () => {
      created++;
      return { watch: () => () => undefined, close: () => undefined };
    };
    const provider = await fixture<XecmProvider>(
      html`<xecm-provider bff-url=${MOCK_BFF_BASE} live="off" .liveEvents=${custom}>
        <xecm-approval-badge document-id="8001"></xecm-approval-badge>
      </xecm-provider>`,
    );
    const badge = provider.querySelector('xecm-approval-badge')!;
    await waitUntil(() => badge.getAttribute('state') === 'in-review', 'not loaded', WAIT);
    await aTimeout(150);
    expect(created).to.equal(0);
    provider.live = true;
    await provider.updateComplete;
    badge.remove();
    provider.append(badge);
    await waitUntil(() => created === 1, 'the custom implementation was not used once live is on', WAIT);
    expect(streams).to.have.length(0);
  });
});
