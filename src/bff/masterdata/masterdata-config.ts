import * as z from 'zod';

const segment = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lowercase letters, digits, - or _');

/** One business object type of an HTTP-served LOB system. */
export const HttpBoType = z.object({
  /** Path under the system's base URL; `{boType}` and `{boId}` are replaced (boId URL-encoded). */
  path: z.string().startsWith('/').default('/{boType}/{boId}'),
  /** Search path; `q` is added as a query parameter. Unset: `/{boType}`. */
  searchPath: z.string().startsWith('/').optional(),
  /** Output property (as xECM's connector expects it) → field in the LOB system's JSON. */
  fields: z.record(z.string().min(1), z.string().min(1)),
});

export const HttpSystem = z.object({
  adapter: z.literal('http'),
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, '')),
  /** Sent as `Authorization: Bearer <token>` to the LOB system. */
  token: z.string().min(1).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  types: z
    .record(segment, HttpBoType)
    .refine((t) => Object.keys(t).length > 0, 'configure at least one type'),
});

export const MasterDataConfig = z.object({
  /** The token xECM's connector presents (`Authorization: Bearer …`); at least 24 characters. */
  serviceToken: z.string().min(24, 'must be at least 24 characters'),
  cacheTtlSeconds: z.number().min(0).max(3600).default(30),
  systems: z.record(segment, HttpSystem),
});
export type MasterDataConfig = z.infer<typeof MasterDataConfig>;
export type HttpSystemConfig = z.infer<typeof HttpSystem>;

/** Parses master-data configuration, failing with one line per wrong setting. */
export function parseMasterDataConfig(value: unknown): MasterDataConfig {
  const result = MasterDataConfig.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `masterData.${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid master-data configuration:\n  - ${lines.join('\n  - ')}`);
  }
  return result.data;
}

/**
 * Field mappings for the demo LOB application (demo/server): its records mapped onto the properties
 * xECM's Customer, Project and Case categories take (account number, project id, owner, region, status …).
 */
export function demoLobSystems(demoUrl: string, token: string): Record<string, z.input<typeof HttpSystem>> {
  const baseUrl = `${demoUrl.replace(/\/+$/, '')}/masterdata`;
  return {
    crm: {
      adapter: 'http',
      baseUrl,
      token,
      types: {
        account: {
          fields: {
            name: 'name',
            accountNumber: 'accountNumber',
            owner: 'owner',
            region: 'region',
            status: 'status',
            industry: 'industry',
          },
        },
      },
    },
    erp: {
      adapter: 'http',
      baseUrl,
      token,
      types: {
        'purchase-order': {
          fields: {
            name: 'title',
            projectId: 'id',
            owner: 'owner',
            region: 'region',
            status: 'status',
            budget: 'amount',
          },
        },
        supplier: { fields: { name: 'name', supplierNumber: 'id', region: 'region', status: 'status' } },
      },
    },
  };
}
