// Stands in for xECM's scheduled master-data synchronisation: when the demo CRM changes a record, ask
// the (emulated) xECM to pull that business object's data again, so the workspace metadata follows.
// Against a real Content Server this is the connector's own job; nothing here is needed there.
import * as z from 'zod';

const Ticket = z.object({ ticket: z.string() });
const List = z.object({
  results: z.array(z.object({ data: z.object({ properties: z.object({ id: z.number() }) }) })),
});

export interface MasterDataSyncOptions {
  emulatorUrl: string;
  /** Emulator administrator (the sync runs as xECM's service account would). */
  user?: string;
  password?: string;
}

/** Returns a function that refreshes the workspace of one business object; resolves to its id, if any. */
export function emulatorMasterDataSync(options: MasterDataSyncOptions) {
  const base = options.emulatorUrl.replace(/\/+$/, '');
  let ticket: string | undefined;
  const login = async () => {
    const res = await fetch(`${base}/api/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: options.user ?? 'Admin',
        password: options.password ?? 'livelink',
      }),
    });
    ticket = Ticket.parse(await res.json()).ticket;
    return ticket;
  };
  return async (system: string, boType: string, boId: string): Promise<string | undefined> => {
    const query = new URLSearchParams({
      where_ext_system_id: system,
      where_bo_type: boType,
      where_bo_id: boId,
      expanded_view: 'true',
    });
    let res = await fetch(`${base}/api/v2/businessworkspaces?${query}`, {
      headers: { OTCSTicket: ticket ?? (await login()) },
    });
    if (res.status === 401)
      res = await fetch(`${base}/api/v2/businessworkspaces?${query}`, {
        headers: { OTCSTicket: await login() },
      });
    if (!res.ok) return undefined;
    const id = List.parse(await res.json()).results[0]?.data.properties.id;
    if (id === undefined) return undefined;
    const refreshed = await fetch(`${base}/emulator/workspaces/${id}/refresh`, { method: 'POST' });
    await refreshed.body?.cancel();
    return String(id);
  };
}
