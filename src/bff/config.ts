import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import * as z from 'zod';
import { APPROVAL_STATES, type ApprovalState } from '../contract/index.js';

/** How the "Document Control" category's Approval Status values read by default (config `approval.values`). */
export const DEFAULT_APPROVAL_VALUES: Record<string, ApprovalState> = {
  Draft: 'draft',
  'In Review': 'in-review',
  Approved: 'approved',
  Rejected: 'rejected',
};

export const DEV_IDENTITY_SECRET = 'dev-only-secret-change-me-please-32b';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const originSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  },
  {
    message:
      'must be an exact origin such as https://crm.example.com (scheme, host, optional port; no path or trailing slash)',
  },
);

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  // fetch refuses such URLs at the first call, and the start-up log line would show the password.
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), {
    message: 'must not contain a user name or password',
  });

const BOOLEAN_MESSAGE = 'must be true or false (also 1/0, yes/no, on/off)';

/** A `BFF_LOB_HOOK_SECRETS` entry: a secret (base64, `whsec_` optional), bound to a system or not (routes/lob-hook.ts). */
const LOB_SECRET = /^(?:[a-z0-9][a-z0-9_-]{0,63}=)?(?:whsec_)?[A-Za-z0-9+/]+={0,2}$/;

/** Top-level sections of the config file that other modules read (main.ts, masterdata/extension-routes.ts). */
const MODULE_SECTIONS = ['provisioning', 'masterData', 'reviewRules'] as const;

const schema = z.strictObject({
  nodeEnv: z.string().default('development'),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The BFF's own public base URL, used in document links; empty = relative links. */
  publicBaseUrl: z.string().default(''),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  xecm: z
    .strictObject({
      /** Content Server base, without `/api` (e.g. https://host/otcs/cs.exe). */
      baseUrl: httpUrl.default('http://127.0.0.1:4010'),
      /** OTDS base (defaults to the xECM base, which is right for the emulator). */
      otdsUrl: httpUrl.optional(),
      /** Deep link to a node in xECM's web UI; `{id}` is replaced. Defaults to `<baseUrl>/app/nodes/{id}`. */
      deepLinkTemplate: z
        .string()
        .refine((v) => v.includes('{id}'), { message: 'must contain {id}' })
        .optional(),
      timeoutMs: z.coerce.number().int().min(100).max(300_000).default(10_000),
      /** Upstream requests in flight per BFF instance for fan-out work (batch lookups, counts). */
      concurrency: z.coerce.number().int().min(1).max(64).default(8),
    })
    .prefault({}),
  otds: z
    .strictObject({
      clientId: z.string().min(1).default('xecm-bff'),
      clientSecret: z.string().min(1).default('bff-secret'),
    })
    .prefault({}),
  identity: z
    .strictObject({
      /** HS256 shared secret (at least 32 characters). Ignored when `jwksUrl` is set. */
      secret: z.string().min(32, 'must be at least 32 characters').default(DEV_IDENTITY_SECRET),
      jwksUrl: httpUrl.optional(),
      audience: z.string().min(1).default('xecm-bff'),
      issuer: z.string().min(1).optional(),
      clockToleranceSeconds: z.coerce.number().int().min(0).max(300).default(30),
      maxLifetimeSeconds: z.coerce.number().int().min(30).max(900).default(900),
      /** Demo only: `POST /dev/token {user}` mints tokens. Refused in production. */
      devMode: z.union([z.stringbool(), z.boolean()], { error: BOOLEAN_MESSAGE }).default(false),
    })
    .prefault({}),
  allowedOrigins: z.array(originSchema).default([]),
  approval: z
    .strictObject({
      categoryId: z.coerce.number().int().positive().default(9001),
      attributeKey: z
        .string()
        .regex(/^[0-9]+_[0-9]+$/, 'must look like <categoryId>_<attributeId>')
        .default('9001_2'),
      values: z.record(z.string(), z.enum(APPROVAL_STATES)).default(DEFAULT_APPROVAL_VALUES),
    })
    .prefault({}),
  cache: z
    .strictObject({
      summaryTtlSeconds: z.coerce.number().min(0).max(3600).default(15),
      documentsTtlSeconds: z.coerce.number().min(0).max(3600).default(15),
    })
    .prefault({}),
  maxUploadBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  rateLimit: z
    .strictObject({
      /** Requests per user and window on /v1 routes (429 beyond). */
      requests: z.coerce.number().int().min(1).default(1200),
      windowSeconds: z.coerce.number().int().min(1).max(3600).default(60),
    })
    .prefault({}),
  // --- Portal mode (docs/portal.md) ---
  portal: z
    .strictObject({
      /** Mounts the anonymous `/portal/v1` routes. */
      enabled: z.union([z.stringbool(), z.boolean()], { error: BOOLEAN_MESSAGE }).default(false),
      /** HMAC key for signed content links and hashed client ids (at least 32 characters). */
      secret: z.string().min(32, 'must be at least 32 characters').optional(),
      /** Read-only xECM service user the portal reads through. */
      serviceUser: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be an xECM user name')
        .default('portal.reader'),
      linkTtlSeconds: z.coerce.number().int().min(5).max(3600).default(300),
      /** How long portal listings and document checks are reused (a revoked approval leaves within this). */
      cacheTtlSeconds: z.coerce.number().min(0).max(3600).default(30),
      visibilityAttribute: z
        .string()
        .regex(/^[0-9]+_[0-9]+$/, 'must look like <categoryId>_<attributeId>')
        .default('9001_3'),
      publicValue: z.string().min(1).default('Public'),
      rateLimit: z
        .strictObject({
          requests: z.coerce.number().int().min(1).default(120),
          windowSeconds: z.coerce.number().int().min(1).max(3600).default(60),
        })
        .prefault({}),
      /** Peers whose X-Forwarded-For is believed (exact IP addresses). */
      trustedProxies: z.array(z.string().refine((v) => isIP(v) !== 0, 'must be an IP address')).default([]),
      /**
       * A SQLite file of its own for the audit trail (say, kept longer than events); unset = the BFF's
       * store (`storePath`), or memory for an app built without one.
       */
      auditDbPath: z.string().min(1).optional(),
    })
    .prefault({}),
  /** Bearer credential for admin routes (`GET /v1/audit`); unset = those routes answer 404. */
  adminToken: z.string().min(32, 'must be at least 32 characters').optional(),
  // --- Events process wiring and reviews (docs/events.md, docs/reviews.md) ---
  /** SQLite file of the durable store (events, deliveries, idempotency, audit); `:memory:` = lost on restart. */
  storePath: z.string().min(1).default(':memory:'),
  events: z
    .strictObject({
      /** `whsec_` secrets xECM callouts to `/hooks/xecm` are signed with (several during rotation). */
      hookSecrets: z
        .array(z.string().regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'must be whsec_ followed by base64'))
        .default([]),
      /** xECM user whose session reads audit trails for change detection. */
      pollUser: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be an xECM user name')
        .default('Admin'),
      /** Hosts allowed plain http and loopback/private addresses for webhook URLs (development only). */
      webhookDevHosts: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  reviews: z
    .strictObject({
      /** Workflow keys offered to callers, mapped to xECM workflow map ids. */
      workflows: z
        .array(
          z.strictObject({
            key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and -'),
            workflowId: z.coerce.number().int().positive(),
            name: z.string().min(1).max(200),
          }),
        )
        .default([
          { key: 'contract-review', workflowId: 9201, name: 'Contract Review' },
          { key: 'compliance-review', workflowId: 9202, name: 'Compliance Review' },
        ]),
    })
    .prefault({}),
});

export type BffConfig = z.infer<typeof schema> & {
  xecm: { otdsUrl: string; deepLinkTemplate: string };
  portal: { secret: string };
};

/** Every setting: its environment variable and its key in the JSON config file. */
export const SETTINGS = [
  { env: 'NODE_ENV', key: 'nodeEnv' },
  { env: 'BFF_HOST', key: 'host' },
  { env: 'BFF_PORT', key: 'port' },
  { env: 'BFF_PUBLIC_URL', key: 'publicBaseUrl' },
  { env: 'BFF_LOG_LEVEL', key: 'logLevel' },
  { env: 'XECM_BASE_URL', key: 'xecm.baseUrl' },
  { env: 'XECM_OTDS_URL', key: 'xecm.otdsUrl' },
  { env: 'XECM_DEEP_LINK_TEMPLATE', key: 'xecm.deepLinkTemplate' },
  { env: 'XECM_TIMEOUT_MS', key: 'xecm.timeoutMs' },
  { env: 'XECM_CONCURRENCY', key: 'xecm.concurrency' },
  { env: 'OTDS_CLIENT_ID', key: 'otds.clientId' },
  { env: 'OTDS_CLIENT_SECRET', key: 'otds.clientSecret' },
  { env: 'BFF_IDENTITY_SECRET', key: 'identity.secret' },
  { env: 'BFF_JWKS_URL', key: 'identity.jwksUrl' },
  { env: 'BFF_TOKEN_AUDIENCE', key: 'identity.audience' },
  { env: 'BFF_TOKEN_ISSUER', key: 'identity.issuer' },
  { env: 'BFF_CLOCK_TOLERANCE_SECONDS', key: 'identity.clockToleranceSeconds' },
  { env: 'BFF_TOKEN_MAX_LIFETIME_SECONDS', key: 'identity.maxLifetimeSeconds' },
  { env: 'BFF_DEV_IDENTITY', key: 'identity.devMode' },
  { env: 'BFF_ALLOWED_ORIGINS', key: 'allowedOrigins', list: true },
  { env: 'BFF_APPROVAL_CATEGORY_ID', key: 'approval.categoryId' },
  { env: 'BFF_APPROVAL_ATTRIBUTE', key: 'approval.attributeKey' },
  { env: 'BFF_SUMMARY_TTL_SECONDS', key: 'cache.summaryTtlSeconds' },
  { env: 'BFF_DOCUMENTS_TTL_SECONDS', key: 'cache.documentsTtlSeconds' },
  { env: 'BFF_MAX_UPLOAD_BYTES', key: 'maxUploadBytes' },
  { env: 'BFF_RATE_LIMIT', key: 'rateLimit.requests' },
  { env: 'BFF_RATE_LIMIT_WINDOW_SECONDS', key: 'rateLimit.windowSeconds' },
  { env: 'BFF_PORTAL', key: 'portal.enabled' },
  { env: 'BFF_PORTAL_SECRET', key: 'portal.secret' },
  { env: 'BFF_PORTAL_USER', key: 'portal.serviceUser' },
  { env: 'BFF_PORTAL_LINK_TTL_SECONDS', key: 'portal.linkTtlSeconds' },
  { env: 'BFF_PORTAL_CACHE_TTL_SECONDS', key: 'portal.cacheTtlSeconds' },
  { env: 'BFF_PORTAL_VISIBILITY_ATTRIBUTE', key: 'portal.visibilityAttribute' },
  { env: 'BFF_PORTAL_RATE_LIMIT', key: 'portal.rateLimit.requests' },
  { env: 'BFF_PORTAL_RATE_LIMIT_WINDOW_SECONDS', key: 'portal.rateLimit.windowSeconds' },
  { env: 'BFF_TRUSTED_PROXIES', key: 'portal.trustedProxies', list: true },
  { env: 'BFF_PORTAL_AUDIT_DB', key: 'portal.auditDbPath' },
  { env: 'BFF_ADMIN_TOKEN', key: 'adminToken' },
  { env: 'BFF_STORE_PATH', key: 'storePath' },
  { env: 'BFF_HOOK_SECRETS', key: 'events.hookSecrets', list: true },
  { env: 'BFF_EVENTS_POLL_USER', key: 'events.pollUser' },
  { env: 'BFF_WEBHOOK_DEV_HOSTS', key: 'events.webhookDevHosts', list: true },
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid BFF configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function describeKey(path: PropertyKey[]): string {
  const key = path.map(String).join('.');
  const setting = SETTINGS.find((s) => key === s.key || key.startsWith(s.key + '.'));
  return setting ? `${setting.env} (config file key "${key}")` : `config file key "${key || '(root)'}"`;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `BFF_CONFIG_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError([`BFF_CONFIG_FILE: ${path} is not valid JSON`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([`BFF_CONFIG_FILE: ${path} must hold a JSON object`]);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads the configuration from the environment, over an optional JSON file (`file` or `BFF_CONFIG_FILE`).
 * Environment variables win over the file. Throws {@link ConfigError} naming every wrong setting.
 */
export function loadConfig(env: Record<string, string | undefined>, file?: string): BffConfig {
  const path = file ?? env.BFF_CONFIG_FILE;
  const raw: Record<string, unknown> = path ? readConfigFile(path) : {};
  for (const setting of SETTINGS) {
    const value = env[setting.env];
    if (value === undefined || value === '') continue;
    const parsed =
      'list' in setting && setting.list
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : value;
    setPath(raw, setting.key, parsed);
  }
  for (const section of MODULE_SECTIONS) delete raw[section];
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.flatMap((issue) =>
        // A misspelt key would otherwise be dropped silently and its default used.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => `${describeKey([...issue.path, key])}: unknown setting`)
          : [`${describeKey(issue.path)}: ${issue.message}`],
      ),
    );
  }
  const config = result.data;
  const problems: string[] = [];
  const production = config.nodeEnv === 'production';
  if (production && config.identity.devMode) {
    problems.push(
      'BFF_DEV_IDENTITY (config file key "identity.devMode"): dev identity is refused when NODE_ENV=production',
    );
  }
  if (config.identity.devMode && config.identity.jwksUrl) {
    problems.push(
      'BFF_DEV_IDENTITY (config file key "identity.devMode"): dev identity mints HS256 tokens and cannot be combined with BFF_JWKS_URL',
    );
  }
  if (production && !config.identity.jwksUrl && config.identity.secret === DEV_IDENTITY_SECRET) {
    problems.push(
      'BFF_IDENTITY_SECRET (config file key "identity.secret"): the development default secret is refused when NODE_ENV=production; set a random secret or BFF_JWKS_URL',
    );
  }
  // The default secret is in the docs, so anyone who reaches the BFF could mint an Admin token with it;
  // dev identity hands out tokens by itself. Both are for a BFF only this machine can reach.
  if (!isLoopbackHost(config.host)) {
    if (config.identity.devMode) {
      problems.push(
        `BFF_DEV_IDENTITY (config file key "identity.devMode"): dev identity is refused when the BFF listens on ${config.host}; it needs BFF_HOST=127.0.0.1`,
      );
    }
    if (!config.identity.jwksUrl && config.identity.secret === DEV_IDENTITY_SECRET) {
      problems.push(
        `BFF_IDENTITY_SECRET (config file key "identity.secret"): the development default secret is refused when the BFF listens on ${config.host}; set a random secret or BFF_JWKS_URL`,
      );
    }
  }
  if (config.publicBaseUrl && !/^https?:\/\/[^/]+(\/.*[^/])?$/.test(config.publicBaseUrl)) {
    problems.push(
      'BFF_PUBLIC_URL (config file key "publicBaseUrl"): must be an http(s) URL without a trailing slash',
    );
  }
  if (!config.approval.attributeKey.startsWith(`${config.approval.categoryId}_`)) {
    problems.push(
      'BFF_APPROVAL_ATTRIBUTE (config file key "approval.attributeKey"): must be an attribute of the approval category (BFF_APPROVAL_CATEGORY_ID)',
    );
  }
  if (production && config.portal.enabled && !config.portal.secret) {
    problems.push(
      'BFF_PORTAL_SECRET (config file key "portal.secret"): required when the portal is enabled and NODE_ENV=production',
    );
  }
  if (production && config.events.webhookDevHosts.length > 0) {
    problems.push(
      'BFF_WEBHOOK_DEV_HOSTS (config file key "events.webhookDevHosts"): development hosts are refused when NODE_ENV=production',
    );
  }
  // Read by the LOB hook (main.ts, masterdata/extension-routes.ts), which would take a garbled binding such as
  // `crm:whsec_…` or `CRM=whsec_…` for a shared secret that never verifies, or signs for every system.
  const lobSecrets = (env.BFF_LOB_HOOK_SECRETS ?? '').split(',').map((v) => v.trim());
  lobSecrets.forEach((entry, i) => {
    if (entry && !LOB_SECRET.test(entry)) {
      problems.push(
        `BFF_LOB_HOOK_SECRETS: entry ${i + 1} must be whsec_<base64> or <system>=whsec_<base64> (system: lower-case letters, digits, _ and -)`,
      );
    }
  });
  const keys = config.reviews.workflows.map((w) => w.key);
  if (new Set(keys).size !== keys.length) {
    problems.push('config file key "reviews.workflows": each workflow key may appear only once');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const baseUrl = config.xecm.baseUrl.replace(/\/+$/, '');
  return {
    ...config,
    xecm: {
      ...config.xecm,
      baseUrl,
      otdsUrl: (config.xecm.otdsUrl ?? baseUrl).replace(/\/+$/, ''),
      deepLinkTemplate: config.xecm.deepLinkTemplate ?? `${baseUrl}/app/nodes/{id}`,
    },
    // Outside production a missing portal secret is random per process: links die with a restart.
    portal: { ...config.portal, secret: config.portal.secret ?? randomBytes(32).toString('base64url') },
  };
}

/** Whether only this machine can reach a server listening on `host`. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
