import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import { XecmCallout, calloutToDomainEvent } from '../../src/bff/events/callout-mapping.js';

const { workspaceTypes, unlinkedBusinessObject } = WELL_KNOWN;
const SECRET = `whsec_${Buffer.from('emulator-callout-created-secret0').toString('base64')}`;

describe('emulator: workspace.created callout', () => {
  let emu: TestEmulator;
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
    emu = await startTestEmulator({ callout: { url: `${receiver.url}/hooks/xecm`, secret: SECRET } });
  });
  after(async () => {
    await emu.close();
    await receiver.close();
  });

  it('names the new workspace node and its audit entry, like every other callout', async () => {
    const created = await emu.bodyJson(
      'POST',
      '/api/v2/businessworkspaces',
      {
        template_id: workspaceTypes.customer.templateId,
        wksp_type_id: workspaceTypes.customer.id,
        type: 848,
        name: 'Callout Corp',
        ext_system_id: unlinkedBusinessObject.system,
        bo_type: unlinkedBusinessObject.type,
        bo_id: unlinkedBusinessObject.id,
      },
      'regular',
    );
    assert.equal(created.status, 200);
    const id = created.json['results'].id as number;
    await emu.emulator.runtime.callouts.settle();
    const [request] = receiver.requests;
    assert.ok(request);
    const payload = new Webhook(SECRET).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    }) as { type: string; data: Record<string, unknown> };
    assert.equal(payload.type, 'workspace.created');
    assert.equal(payload.data['nodeId'], id);
    assert.equal(payload.data['nodeType'], 848);
    assert.equal(payload.data['workspaceId'], id);
    assert.equal(request.headers['webhook-id'], `msg_${String(payload.data['auditId'])}`);
    const audit = await emu.get(`/api/v2/nodes/${id}/audit`, 'admin');
    const entries = audit.json['results'].data.audit as { id: number; event_type: number }[];
    assert.deepEqual(
      entries.map((e) => [e.id, e.event_type]),
      [[payload.data['auditId'], 1]],
    );
    // The BFF reads it as the same event its poller names for the new workspace.
    const event = calloutToDomainEvent(String(request.headers['webhook-id']), XecmCallout.parse(payload));
    assert.equal(event?.id, `xecm-created-${id}`);
    assert.equal(event?.workspaceId, String(id));
  });
});
