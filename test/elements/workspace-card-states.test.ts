import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BffClient } from '../../src/client/index.js';
import '../../src/elements/workspace-card/workspace-card.js';
import type { XecmWorkspaceCard } from '../../src/elements/workspace-card/workspace-card.component.js';
import { useHandlers } from '../mocks/server-setup.js';
import { BFF_BASE, createWorkspaceMock, type WorkspaceMockOptions } from '../mocks/workspace-handlers.js';

/** Generous: lazy locale chunks and a loaded shared runner can take seconds. */
const WAIT = { timeout: 5000 };

const $ = <T extends Element = HTMLElement>(el: XecmWorkspaceCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const statusText = (el: XecmWorkspaceCard) =>
  $(el, '[part~="status"]')?.textContent?.replace(/\s+/g, ' ').trim();
const creates = (mock: ReturnType<typeof createWorkspaceMock>) =>
  mock.requests.filter((r) => r.method === 'POST' && r.path === `${BFF_BASE}/v1/workspaces`);

function mockBff(options: WorkspaceMockOptions = {}) {
  const mock = createWorkspaceMock(options);
  useHandlers(...mock.handlers);
  return { mock, client: new BffClient({ baseUrl: BFF_BASE }) };
}

/** A card appended by hand, so a listener is in place before its first request. */
function mount(attrs: Record<string, string>, client: BffClient): XecmWorkspaceCard {
  const el = document.createElement('xecm-workspace-card');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.client = client;
  return el;
}

async function mountAndWait(
  attrs: Record<string, string>,
  client: BffClient,
  event: 'xecm-load' | 'xecm-error',
) {
  const el = mount(attrs, client);
  const settled = oneEvent(el, event);
  document.body.append(el);
  const e = await settled;
  await el.updateComplete;
  return { el, event: e };
}

const BO = { system: 'crm', type: 'account', 'bo-id': 'A-404' };

describe('<xecm-workspace-card> states', () => {
  const cleanup: Element[] = [];
  afterEach(() => cleanup.splice(0).forEach((el) => el.remove()));
  const track = <T extends Element>(el: T) => (cleanup.push(el), el);

  it('loading: shows a busy skeleton with a screen-reader text', async () => {
    const { client } = mockBff({ mode: 'loading' });
    const el = await fixture<XecmWorkspaceCard>(
      html`<xecm-workspace-card workspace-id="2001" .client=${client}></xecm-workspace-card>`,
    );
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(statusText(el)).to.equal('Loading workspace…');
    expect($(el, 'a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('unconfigured: says that no workspace is selected', async () => {
    const { mock, client } = mockBff();
    const el = await fixture<XecmWorkspaceCard>(
      html`<xecm-workspace-card .client=${client}></xecm-workspace-card>`,
    );
    expect(statusText(el)).to.equal('No workspace selected.');
    expect(mock.count()).to.equal(0);
  });

  it('not found, may create: offers "Create workspace" and fires xecm-error workspace-not-found', async () => {
    const { client } = mockBff({ mode: 'not-found', canCreate: true });
    const { el, event } = await mountAndWait(BO, client, 'xecm-error');
    track(el);
    expect(event.detail.code).to.equal('workspace-not-found');
    expect(event.detail.status).to.equal(404);
    expect(statusText(el)).to.equal('No workspace exists for this record yet.');
    expect($(el, '[part~="create-button"]')!.textContent!.trim()).to.equal('Create workspace');
    await expect(el).to.be.accessible();
  });

  it('not found, may not create: explains and offers no button', async () => {
    const { client } = mockBff({ mode: 'not-found', canCreate: false });
    const { el } = await mountAndWait(BO, client, 'xecm-error');
    track(el);
    expect(statusText(el)).to.contain('Ask an administrator');
    expect($(el, 'button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('create: keyboard activation fires xecm-workspace-create, sends the request and shows the new workspace', async () => {
    const { mock, client } = mockBff({ mode: 'not-found', delayMs: 30 });
    const { el } = await mountAndWait(BO, client, 'xecm-error');
    track(el);
    mock.setMode('ready');
    const button = $<HTMLButtonElement>(el, '[part~="create-button"]')!;
    button.focus();
    const requested = oneEvent(el, 'xecm-workspace-create');
    await sendKeys({ press: 'Space' });
    const event = await requested;
    expect(event.detail.businessObject).to.deep.equal({ system: 'crm', type: 'account', id: 'A-404' });
    expect(event.cancelable).to.equal(true);
    await el.updateComplete;
    // Pending: still focusable, announced as unavailable, not clickable twice.
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Creating workspace…');
    button.click();
    await waitUntil(() => $(el, '[part~="link"]'), 'new workspace never shown', WAIT);
    expect(creates(mock)).to.have.length(1);
    expect(creates(mock)[0]!.body).to.deep.equal({
      businessObject: { system: 'crm', type: 'account', id: 'A-404' },
    });
    expect($(el, '[part~="name"]')!.textContent).to.equal('A-404');
    // Focus moves from the vanished button to the new link.
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('link');
    await expect(el).to.be.accessible();
  });

  it('create vetoed with preventDefault(): no request is sent', async () => {
    const { mock, client } = mockBff({ mode: 'not-found' });
    const { el } = await mountAndWait(BO, client, 'xecm-error');
    track(el);
    el.addEventListener('xecm-workspace-create', (e) => e.preventDefault());
    $<HTMLButtonElement>(el, '[part~="create-button"]')!.click();
    await aTimeout(50);
    expect(creates(mock)).to.have.length(0);
    expect($(el, '[part~="create-button"]')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('create fails: shows an alert, fires xecm-error and lets the user try again', async () => {
    const { mock, client } = mockBff({ mode: 'not-found', createFailsWith: 502 });
    const { el } = await mountAndWait(BO, client, 'xecm-error');
    track(el);
    const failed = oneEvent(el, 'xecm-error');
    $<HTMLButtonElement>(el, '[part~="create-button"]')!.click();
    const event = await failed;
    expect(event.detail.status).to.equal(502);
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.contain('The workspace could not be created.');
    expect($(el, '[part~="create-button"]')!.getAttribute('aria-disabled')).to.equal('false');
    expect(creates(mock)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('not found by workspace-id: says the workspace does not exist, with nothing to create', async () => {
    const { client } = mockBff();
    const { el, event } = await mountAndWait({ 'workspace-id': '999999' }, client, 'xecm-error');
    track(el);
    expect(event.detail.code).to.equal('not-found');
    // Not "none yet for this record … ask an administrator": the id names a workspace that is gone.
    expect(statusText(el)).to.equal('This workspace does not exist, or it was deleted.');
    expect(event.detail.message).to.equal('This workspace does not exist, or it was deleted.');
    expect($(el, 'button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('forbidden: says so, without retry, and fires xecm-error 403', async () => {
    const { client } = mockBff({ mode: 'forbidden' });
    const { el, event } = await mountAndWait({ 'workspace-id': '2001' }, client, 'xecm-error');
    track(el);
    expect(event.detail).to.include({ code: 'forbidden', status: 403 });
    expect(event.detail.message).to.equal('You do not have permission to see this workspace.');
    expect(statusText(el)).to.equal('You do not have permission to see this workspace.');
    expect($(el, 'button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('server error: alerts with a reference, and Retry (Enter) recovers', async () => {
    const { mock, client } = mockBff({ failFirst: 1 });
    const { el, event } = await mountAndWait({ 'workspace-id': '2001' }, client, 'xecm-error');
    track(el);
    expect(event.detail).to.include({ code: 'internal', status: 500 });
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).to.contain('The workspace could not be loaded.');
    expect(alert.textContent).to.contain('Reference: req-mock-0001');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'xecm-load');
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await loaded;
    await el.updateComplete;
    expect($(el, '[part~="name"]')!.textContent).to.equal('Acme Corporation');
    expect(mock.count()).to.equal(2);
  });

  it('malformed response: an error state, not a crash', async () => {
    const { client } = mockBff({ mode: 'malformed' });
    const { el, event } = await mountAndWait({ 'workspace-id': '2001' }, client, 'xecm-error');
    track(el);
    expect(event.detail.code).to.equal('bad-response');
    expect($(el, '[role="alert"]')!.textContent).to.contain(
      'The server sent an answer this page cannot read.',
    );
    expect($(el, '[part~="retry-button"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('network failure: tells the user to check the connection', async () => {
    const { client } = mockBff({ mode: 'network' });
    const { el, event } = await mountAndWait({ 'workspace-id': '2001' }, client, 'xecm-error');
    track(el);
    expect(event.detail.code).to.equal('network');
    expect($(el, '[role="alert"]')!.textContent).to.contain('Check your connection');
  });

  it('signed out (the token provider fails): says the session has ended, like the list', async () => {
    useHandlers(...createWorkspaceMock().handlers);
    const client = new BffClient({
      baseUrl: BFF_BASE,
      tokenProvider: () => {
        throw new Error('token endpoint answered 401');
      },
    });
    const { el, event } = await mountAndWait({ 'workspace-id': '2001' }, client, 'xecm-error');
    track(el);
    expect(event.detail.code).to.equal('unauthenticated');
    expect(event.detail.message).to.equal(
      'The workspace could not be loaded. Your session has ended. Sign in again.',
    );
    expect($(el, '[role="alert"]')!.textContent).to.contain('Your session has ended. Sign in again.');
    await expect(el).to.be.accessible();
  });

  it('a BFF that never answers: gives up after the client timeout with the network error and Retry', async () => {
    const mock = createWorkspaceMock({ mode: 'loading' });
    useHandlers(...mock.handlers);
    const client = new BffClient({ baseUrl: BFF_BASE, timeoutMs: 200 });
    const { el, event } = await mountAndWait({ 'workspace-id': '2001' }, client, 'xecm-error');
    track(el);
    expect(event.detail).to.include({ code: 'network', status: 0 });
    expect($(el, '[role="alert"]')!.textContent).to.contain('Check your connection');
    await expect(el).to.be.accessible();
    mock.setMode('ready');
    const loaded = oneEvent(el, 'xecm-load');
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await loaded;
    await el.updateComplete;
    expect($(el, '[part~="name"]')!.textContent).to.equal('Acme Corporation');
  });
});
