import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { SqliteStore } from '../../src/bff/store/sqlite-store.js';
import { ChangeDetector } from '../../src/bff/events/detector.js';
import { RestEventsSource, ticketGet } from '../../src/bff/events/rest-events-source.js';
import { generateWebhookSecret } from '../../src/bff/events/webhook-signature.js';
import type { StoredEvent } from '../../src/bff/store/store.js';
import { startHooksOnly, type HooksOnly } from './helpers/hooks-only.js';
import { adminTicket } from './portal-helpers.js';

const { acme, empty, workspaceTypes, unlinkedBusinessObject } = WELL_KNOWN;
const workspaceId = String(acme.workspaceId);

describe('change detector: new documents in watched workspaces, new workspaces', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const secret = generateWebhookSecret();
  let hooks: HooksOnly;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let ticket = '';
  /** Upstream reads the poll-only detector makes (path + search filter). */
  const reads: string[] = [];

  before(async () => {
    hooks = await startHooksOnly(store, secret);
    emulator = await startEmulator({ port: 0, callout: { url: `${hooks.url}/hooks/xecm`, secret } });
    ticket = await adminTicket(emulator.url);
  });
  after(async () => {
    await emulator.close();
    await hooks.close();
    store.close();
  });

  const callouts = async () =>
    (
      (await (await fetch(`${emulator.url}/emulator/callouts`)).json()) as {
        callouts: { id: string; type: string; status?: number; data: Record<string, unknown> }[];
      }
    ).callouts;
  /** Waits until the emulator has delivered every callout so far (the hook answered). */
  const calloutsSettled = async () => {
    for (let i = 0; i < 200 && (await callouts()).some((c) => c.status === undefined); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    return callouts();
  };

  const upload = async (parentId: number, name: string): Promise<string> => {
    const form = new FormData();
    form.set('type', '144');
    form.set('parent_id', String(parentId));
    form.set('name', name);
    form.set('file', new Blob(['hello'], { type: 'text/plain' }), name);
    const res = await fetch(`${emulator.url}/api/v2/nodes`, {
      method: 'POST',
      headers: { OTCSTicket: ticket },
      body: form,
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { results: { data: { properties: { id: number } } } };
    return String(body.results.data.properties.id);
  };

  const createWorkspace = async (name: string, boId: string): Promise<string> => {
    const body = JSON.stringify({
      template_id: workspaceTypes.customer.templateId,
      wksp_type_id: workspaceTypes.customer.id,
      type: 848,
      name,
      ext_system_id: unlinkedBusinessObject.system,
      bo_type: unlinkedBusinessObject.type,
      bo_id: boId,
    });
    const res = await fetch(`${emulator.url}/api/v2/businessworkspaces`, {
      method: 'POST',
      headers: { OTCSTicket: ticket },
      body: new URLSearchParams({ body }),
    });
    assert.equal(res.status, 200);
    return String(((await res.json()) as { results: { id: number } }).results.id);
  };

  it('announces a document uploaded into a folder of a watched workspace, and a new workspace, once', async () => {
    const countingFetch: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      reads.push(
        `${url.pathname}${url.searchParams.has('where') ? ` ${url.searchParams.get('where')}` : ''}`,
      );
      return fetch(input, init);
    };
    const ticketFn = async () => ticket;
    const source = new RestEventsSource(ticketGet({ baseUrl: emulator.url, ticket: ticketFn }));
    const countedSource = new RestEventsSource(
      ticketGet({ baseUrl: emulator.url, ticket: ticketFn, fetch: countingFetch }),
    );
    const fail = (error: unknown) => assert.fail(String(error));
    const watched = () => [`workspace:${workspaceId}`] as const;
    // `shared` shares its store with /hooks/xecm (callouts arrive there too); `alone` only polls.
    const shared = new ChangeDetector({
      store,
      source,
      watched,
      wantsNewWorkspaces: () => true,
      onError: fail,
    });
    const pollOnly = new SqliteStore({ path: ':memory:' });
    const polled: StoredEvent[] = [];
    const alone = new ChangeDetector({
      store: pollOnly,
      source: countedSource,
      watched,
      wantsNewWorkspaces: () => true,
      onEvents: (e) => polled.push(...e),
      onError: fail,
    });
    await shared.pollOnce(); // first look: what exists is history
    await alone.pollOnce();
    assert.equal(polled.length, 0);

    // An idle round costs one audit read per watched topic, one search per watched workspace and one search
    // for new workspaces.
    reads.length = 0;
    await alone.pollOnce();
    assert.deepEqual(reads.sort(), [
      `/api/v2/nodes/${workspaceId}/audit`,
      '/api/v2/search OTSubType:144',
      '/api/v2/search OTSubType:848',
    ]);

    const inFolder = await upload(acme.contractsFolderId, 'Frame agreement.txt');
    const emptyFolders = (await (
      await fetch(`${emulator.url}/api/v2/nodes/${empty.workspaceId}/nodes`, {
        headers: { OTCSTicket: ticket },
      })
    ).json()) as { results: { data: { properties: { id: number } } }[] };
    const unwatchedFolder = emptyFolders.results[0]!.data.properties.id;
    const elsewhere = await upload(unwatchedFolder, 'Not watched.txt');
    const newWorkspace = await createWorkspace('Umbrella Corporation', unlinkedBusinessObject.id);
    const sent = await calloutsSettled();
    assert.ok(
      sent.every((c) => c.status === 204),
      JSON.stringify(sent),
    );
    await shared.pollOnce();
    await alone.pollOnce();

    const byType = (events: StoredEvent[]) =>
      events.map((s) => ({
        id: s.event.id,
        type: s.event.type,
        workspaceId: s.event.workspaceId,
        documentId: s.event.documentId,
      }));
    const expected = [
      { id: `xecm-created-${inFolder}`, type: 'document.added', workspaceId, documentId: inFolder },
      {
        id: `xecm-created-${newWorkspace}`,
        type: 'workspace.created',
        workspaceId: newWorkspace,
        documentId: undefined,
      },
    ];
    // Polling alone finds both, named exactly as the callouts name them.
    assert.deepEqual(byType(polled), expected);
    // A callout announces a document in a workspace nobody watches; polling does not look there.
    assert.ok(store.eventsAfter(0).some((s) => s.event.documentId === elsewhere));
    // Seen by callout and by polling, each change is stored once.
    const sharedEvents = store.eventsAfter(0).filter((s) => s.event.documentId !== elsewhere);
    assert.deepEqual(
      byType(sharedEvents).sort((a, b) => a.type.localeCompare(b.type)),
      [...expected].sort((a, b) => a.type.localeCompare(b.type)),
    );

    // Nothing new: nothing announced again, and a second upload is announced once.
    await alone.pollOnce();
    assert.equal(polled.length, 2);
    const second = await upload(acme.invoicesFolderId, 'Invoice 7.txt');
    await alone.pollOnce();
    assert.deepEqual(
      polled.slice(2).map((s) => s.event.id),
      [`xecm-created-${second}`],
    );
    pollOnly.close();
  });

  it('stops polling for new workspaces when no subscription wants them, and resumes from then', async () => {
    const source = new RestEventsSource(ticketGet({ baseUrl: emulator.url, ticket: async () => ticket }));
    const pollOnly = new SqliteStore({ path: ':memory:' });
    let wanted = true;
    const detector = new ChangeDetector({
      store: pollOnly,
      source,
      watched: () => [],
      wantsNewWorkspaces: () => wanted,
      onError: (error) => assert.fail(String(error)),
    });
    assert.equal(await detector.pollOnce(), 1);
    wanted = false;
    assert.equal(await detector.pollOnce(), 0); // idle: the detector backs off
    await createWorkspace('Paused Ltd', 'A-PAUSED-1');
    wanted = true;
    await detector.pollOnce(); // a fresh first look: the pause is history
    const later = await createWorkspace('Resumed Ltd', 'A-RESUMED-1');
    await detector.pollOnce();
    assert.deepEqual(
      pollOnly.eventsAfter(0).map((s) => s.event.id),
      [`xecm-created-${later}`],
    );
    pollOnly.close();
  });
});
