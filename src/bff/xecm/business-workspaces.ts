// Business objects → workspaces and workspace types: the reads lookups, `canCreate` and provisioning share.
import type { BusinessObject } from '../../contract/index.js';
import { RawBoTypes, RawWorkspaceList, RawWorkspaceTypes } from './raw.js';
import type { XecmClient } from './xecm-client.js';

export type WorkspaceTypeProperties = RawWorkspaceTypes['results'][number]['data']['properties'];

/** Id of the workspace linked to the business object, as the user sees it; undefined when none. */
export async function findWorkspaceId(
  xecm: XecmClient,
  user: string,
  bo: BusinessObject,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const list = await xecm.json(
    user,
    {
      method: 'GET',
      path: '/v2/businessworkspaces',
      query: {
        where_ext_system_id: bo.system,
        where_bo_type: bo.type,
        where_bo_id: bo.id,
        expanded_view: 'true',
        limit: 1,
      },
      ...(signal ? { signal } : {}),
    },
    RawWorkspaceList,
  );
  return list.results[0]?.data.properties.id;
}

/**
 * The workspace type bound to the business object's type (with its templates and creation location), or
 * undefined when the user sees no such business object type. Content Server may ignore the
 * `ext_system_id`/`bo_type` filter of the types list, so the match goes through `/v2/businessobjecttypes`.
 */
export async function workspaceTypeOf(
  xecm: XecmClient,
  user: string,
  bo: Pick<BusinessObject, 'system' | 'type'>,
  signal?: AbortSignal,
): Promise<WorkspaceTypeProperties | undefined> {
  const opts = signal ? { signal } : {};
  const [boTypes, types] = await Promise.all([
    xecm.json(user, { method: 'GET', path: '/v2/businessobjecttypes', ...opts }, RawBoTypes),
    xecm.json(
      user,
      {
        method: 'GET',
        path: '/v2/businessworkspacetypes',
        query: { ext_system_id: bo.system, bo_type: bo.type, expand_templates: 'true' },
        ...opts,
      },
      RawWorkspaceTypes,
    ),
  ]);
  const typeId = boTypes.results.find(
    (r) => r.data.properties.ext_system_id === bo.system && r.data.properties.bo_type === bo.type,
  )?.data.properties.workspace_type_id;
  if (typeId === undefined) return undefined;
  return types.results.find((r) => r.data.properties.wksp_type_id === typeId)?.data.properties;
}
