// The page-level promise of the client: however many cards a page renders at once, they cost one request.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BffClient } from '../../src/client/index.js';
import type { LookupBatchRequest, LookupResult } from '../../src/contract/index.js';
import '../../src/elements/provider/provider.js';
import '../../src/elements/workspace-card/workspace-card.js';
import { fixtureProblem, fixtureWorkspace } from '../mocks/fixtures.js';
import { logRequests, MOCK_BFF_BASE, useHandlers } from '../mocks/server-setup.js';

const known = Array.from({ length: 50 }, (_, i) => fixtureWorkspace(i + 1));

function answer(item: LookupBatchRequest['items'][number]): LookupResult {
  const ws =
    'workspaceId' in item
      ? known.find((w) => w.id === item.workspaceId)
      : known.find((w) => w.businessObject.id === item.id);
  return ws
    ? { ok: true, workspace: ws }
    : { ok: false, problem: fixtureProblem(404, 'workspace-not-found') };
}

const batchItems: number[] = [];

describe('cards on one page', () => {
  beforeEach(() => {
    batchItems.length = 0;
    useHandlers(
      http.post(`${MOCK_BFF_BASE}/v1/workspaces/lookup:batch`, async ({ request }) => {
        const body = (await request.json()) as LookupBatchRequest;
        batchItems.push(body.items.length);
        return HttpResponse.json({ results: body.items.map(answer) });
      }),
    );
  });

  const rendered = (root: Element, count: number) =>
    waitUntil(
      () =>
        [...root.querySelectorAll('xecm-workspace-card')].filter(
          (c) =>
            c.shadowRoot?.textContent?.includes('Acme') ||
            c.shadowRoot?.textContent?.match(/(Customer|Project|Case) \d+/),
        ).length === count,
      `not all ${count} cards rendered`,
      { timeout: 5000 },
    );

  // The root is a provider without bff-url: it gives no client, the cards use their own `client`.
  it('20 cards for the same workspace make 1 request', async () => {
    const log = logRequests();
    const client = new BffClient({ baseUrl: MOCK_BFF_BASE });
    const ws = known[0]!;
    const root = await fixture(
      html`<xecm-provider>
        ${Array.from(
          { length: 20 },
          () =>
            html`<xecm-workspace-card
              system=${ws.businessObject.system}
              type=${ws.businessObject.type}
              bo-id=${ws.businessObject.id}
              .client=${client}
            ></xecm-workspace-card>`,
        )}
      </xecm-provider>`,
    );
    await rendered(root, 20);
    log.stop();
    expect(log.entries).to.deep.equal(['POST /bff/v1/workspaces/lookup:batch']);
  });

  it('50 cards for distinct workspaces under one provider make 1 batch request', async () => {
    const log = logRequests();
    const root = await fixture(
      html`<xecm-provider bff-url=${MOCK_BFF_BASE}>
        ${known.map(
          (ws) =>
            html`<xecm-workspace-card
              system=${ws.businessObject.system}
              type=${ws.businessObject.type}
              bo-id=${ws.businessObject.id}
            ></xecm-workspace-card>`,
        )}
      </xecm-provider>`,
    );
    await rendered(root, 50);
    log.stop();
    expect(log.count()).to.equal(1);
    expect(batchItems).to.deep.equal([50]);
  });
});
