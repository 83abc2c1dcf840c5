// Raw Content Server shapes: only what the BFF reads is required. Unknown fields pass (`looseObject`)
// except in node lists and nodes, the hot path of every document page: there they are dropped, which lets
// zod check 50 nodes of ~40 properties each without walking every unknown key (about 4x faster).
import * as z from 'zod';

const dateLike = z.string().min(1);
const userRef = z.union([z.number(), z.string()]).nullish();

export const RawNodeProperties = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  type: z.number().int(),
  parent_id: z.number().int().nullish(),
  mime_type: z.string().nullish(),
  size: z.number().nullish(),
  modify_date: dateLike.nullish(),
  create_date: dateLike.nullish(),
  modify_user_id: userRef,
  /** With `expand=properties{modify_user_id}`. */
  modify_user_id_expand: z.object({ name: z.string() }).nullish(),
  version_number: z.number().int().nullish(),
  versions_count: z.number().int().nullish(),
  container: z.boolean().nullish(),
  wnf_wksp_type_id: z.number().nullish(),
});
export type RawNodeProperties = z.infer<typeof RawNodeProperties>;

const RawVersion = z.object({
  version_number: z.number().int().nullish(),
  mime_type: z.string().nullish(),
  file_size: z.number().nullish(),
});

/** Category values keyed `<cat>_<attr>` (flat), as in `data.categories`. */
export const RawCategoryValues = z.record(z.string(), z.unknown());

export const RawNodeData = z.object({
  properties: RawNodeProperties,
  versions: z.union([RawVersion, z.array(RawVersion)]).nullish(),
  categories: z.union([RawCategoryValues, z.array(RawCategoryValues)]).nullish(),
});
export type RawNodeData = z.infer<typeof RawNodeData>;

export const RawPaging = z.looseObject({
  page: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().optional(),
  /** The server's count of pages at the page size it applied (which may be below the one asked for). */
  page_total: z.coerce.number().int().nonnegative().optional(),
  total_count: z.coerce.number().int().nonnegative(),
});

/** `GET /v2/nodes/{id}/nodes` */
export const RawNodeList = z.object({
  collection: z.object({ paging: RawPaging }),
  results: z.array(z.object({ data: RawNodeData })),
});
export type RawNodeList = z.infer<typeof RawNodeList>;

/** `GET /v2/nodes/{id}` */
export const RawNode = z.object({
  results: z.object({ data: RawNodeData }),
});

const RawBusinessProperties = z.looseObject({
  business_object_id: z.string().nullish(),
  business_object_type: z.string().nullish(),
  external_system_id: z.string().nullish(),
  workspace_type_id: z.number().nullish(),
  workspace_type_name: z.string().nullish(),
});

const RawWorkspaceResult = z.looseObject({
  data: z.looseObject({
    properties: RawNodeProperties.extend({ wksp_type_name: z.string().nullish() }),
    business_properties: RawBusinessProperties.nullish(),
    workspace_references: z
      .array(
        z.looseObject({
          business_object_id: z.string(),
          business_object_type: z.string(),
          external_system_id: z.string(),
        }),
      )
      .nullish(),
  }),
});

/**
 * `GET /v2/businessworkspaces/{id}`: `results` is an object as PYX reads it, or a one-item list as PYX's
 * docstring shows it (notes W2, §3: unverified); both are taken, as the object.
 */
export const RawWorkspace = z.looseObject({
  results: z.union([
    RawWorkspaceResult,
    z
      .array(RawWorkspaceResult)
      .min(1)
      .transform((list) => list[0]!),
  ]),
});
export type RawWorkspace = z.infer<typeof RawWorkspace>;

/** `GET /v2/businessworkspaces?where_…` (top-level `paging`, `results` a list). */
export const RawWorkspaceList = z.looseObject({
  paging: RawPaging.partial().optional(),
  results: z.array(z.looseObject({ data: z.looseObject({ properties: RawNodeProperties }) })),
});

const RawCategoryAttributeMeta = z.looseObject({ name: z.string().optional(), key: z.string().optional() });

/** `GET /v2/nodes/{id}/categories?metadata`: one result per applied category. */
export const RawCategories = z.looseObject({
  results: z.array(
    z.looseObject({
      data: z.looseObject({ categories: RawCategoryValues }),
      metadata: z.looseObject({ categories: z.record(z.string(), RawCategoryAttributeMeta) }).nullish(),
      metadata_order: z.looseObject({ categories: z.array(z.union([z.string(), z.number()])) }).nullish(),
    }),
  ),
});
export type RawCategories = z.infer<typeof RawCategories>;

/** `POST /v2/nodes` */
export const RawCreated = z.looseObject({
  results: z.looseObject({
    data: z.looseObject({ properties: z.looseObject({ id: z.number().int() }) }).optional(),
    id: z.number().int().optional(),
  }),
});

/** `GET /v2/businessworkspacetypes` (`expand_templates=true` adds `templates`) */
export const RawWorkspaceTypes = z.looseObject({
  results: z.array(
    z.looseObject({
      data: z.looseObject({
        properties: z.looseObject({
          wksp_type_id: z.number(),
          wksp_type_name: z.string(),
          wksp_creation: z.looseObject({ location: z.union([z.number(), z.string()]).nullish() }).nullish(),
          templates: z.array(z.looseObject({ id: z.number().int(), name: z.string() })).nullish(),
        }),
      }),
    }),
  ),
});
export type RawWorkspaceTypes = z.infer<typeof RawWorkspaceTypes>;

/** `GET /v2/businessobjecttypes` */
export const RawBoTypes = z.looseObject({
  results: z.array(
    z.looseObject({
      data: z.looseObject({
        properties: z.looseObject({
          bo_type: z.string(),
          ext_system_id: z.string(),
          workspace_type_id: z.number(),
        }),
      }),
    }),
  ),
});

/** `GET /v1/auth` */
export const RawAuthUser = z.looseObject({ data: z.looseObject({ id: z.number().int(), name: z.string() }) });

/** `GET /v2/nodes/{id}/permissions/effective/{member}` */
export const RawEffectivePermissions = z.looseObject({
  results: z.looseObject({
    data: z.looseObject({ permissions: z.looseObject({ permissions: z.array(z.string()) }) }),
  }),
});

/** `GET /v2/members/{id}` */
export const RawMember = z.looseObject({
  results: z.looseObject({ data: z.looseObject({ properties: z.looseObject({ name: z.string() }) }) }),
});
