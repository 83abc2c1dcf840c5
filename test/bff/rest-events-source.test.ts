// ticketGet, the events source's own reader of Content Server: a node that does not exist (or that the
// ticket may not see) reads as null — Content Server says so with 400 "Could not get a node", not 404 —
// while any other refusal is an error, so the detector retries instead of forgetting the item.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ticketGet } from '../../src/bff/events/rest-events-source.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { adminTicket } from './portal-helpers.js';

describe('events source: reading xECM with its own ticket', () => {
  let emulator: RunningEmulator;
  let ticket: string;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    ticket = await adminTicket(emulator.url);
  });
  after(async () => {
    await emulator?.close();
  });

  it('reads a node, and a missing node as null', async () => {
    const get = ticketGet({ baseUrl: emulator.url, ticket: async () => ticket });
    const found = (await get(`/v2/nodes/${WELL_KNOWN.acme.workspaceId}`, {})) as {
      results: { data: { properties: { id: number } } };
    };
    assert.equal(found.results.data.properties.id, WELL_KNOWN.acme.workspaceId);
    assert.equal(await get('/v2/nodes/987654321', {}), null);
  });

  it('fails on a refused ticket instead of reading it as gone', async () => {
    const get = ticketGet({ baseUrl: emulator.url, ticket: async () => 'not-a-ticket' });
    await assert.rejects(get(`/v2/nodes/${WELL_KNOWN.acme.workspaceId}`, {}), /xECM answered 401/);
  });
});
