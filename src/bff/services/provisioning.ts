import * as z from 'zod';
import type { BusinessObject, CreateWorkspaceRequest, WorkspaceSummary } from '../../contract/index.js';
import type { BffContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { DIRECTION_CONTROLS_RULE, hasDirectionControls } from './direction-controls.js';
import { findWorkspaceId, workspaceTypeOf } from '../xecm/business-workspaces.js';

const ATTRIBUTE_KEY = /^[0-9]{1,9}_[0-9]{1,9}$/;

/** How one business object type is provisioned. */
export const ProvisioningType = z.object({
  system: z.string().min(1).max(64),
  boType: z.string().min(1).max(64),
  /** Template name; default: the first template of the business object's workspace type. */
  template: z.string().min(1).optional(),
  /** Metadata key (request `metadata` or LOB event `data` field) → category attribute key `<cat>_<attr>`. */
  attributes: z
    .record(z.string().min(1), z.string().regex(ATTRIBUTE_KEY, 'must look like <categoryId>_<attributeId>'))
    .default({}),
});

/** Which LOB events create a workspace, and where their business object id and name are. */
export const ProvisioningEvent = z.object({
  event: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/, 'must look like account.created'),
  /** Only events from this system (the `:system` of `/hooks/lob/:system`); default any configured one. */
  system: z.string().min(1).max(64).optional(),
  boType: z.string().min(1).max(64),
  idField: z.string().min(1),
  nameField: z.string().min(1).optional(),
});

export const ProvisioningConfig = z
  .object({
    types: z.array(ProvisioningType).default([]),
    events: z.array(ProvisioningEvent).default([]),
    /**
     * xECM user that LOB events provision as (events carry no user). Unset: events do not provision.
     * Requests to `POST /v1/workspaces` always run as the caller.
     */
    eventUser: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/)
      .optional(),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.types.forEach((t, i) => {
      const key = `${t.system}/${t.boType}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['types', i], message: `${key} is configured twice` });
      seen.add(key);
    });
    cfg.events.forEach((e, i) => {
      const matches = cfg.types.some((t) => t.boType === e.boType && (!e.system || t.system === e.system));
      if (!matches)
        ctx.addIssue({
          code: 'custom',
          path: ['events', i],
          message: `no provisioning type for boType ${e.boType}`,
        });
    });
  });
export type ProvisioningConfig = z.infer<typeof ProvisioningConfig>;

/** Parses provisioning configuration, failing with one line per wrong setting. */
export function parseProvisioningConfig(value: unknown): ProvisioningConfig {
  const result = ProvisioningConfig.safeParse(value ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) => `provisioning.${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid provisioning configuration:\n  - ${lines.join('\n  - ')}`);
  }
  return result.data;
}

const RawCreatedWorkspace = z.looseObject({ results: z.looseObject({ id: z.number().int() }) });

export interface ProvisionResult {
  created: boolean;
  workspace: WorkspaceSummary;
}

/** A LOB event as `/hooks/lob/:system` receives it (Standard Webhooks payload). */
export const LobEvent = z.object({
  type: z.string().min(1).max(100),
  timestamp: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type LobEvent = z.infer<typeof LobEvent>;

/**
 * Creates business workspaces from their type's template, idempotent per business object: an
 * in-process lock per object plus a lookup before every create, so a repeat (or a concurrent twin)
 * gets the existing workspace. Runs as the given user, so xECM's permissions decide.
 */
export class ProvisioningService {
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly config: ProvisioningConfig,
    private readonly ctx: Pick<BffContext, 'xecm' | 'workspaces' | 'logger'>,
  ) {}

  async provision(
    user: string,
    request: CreateWorkspaceRequest,
    signal?: AbortSignal,
  ): Promise<ProvisionResult> {
    const bo = request.businessObject;
    const type = this.config.types.find((t) => t.system === bo.system && t.boType === bo.type);
    if (!type) {
      throw new ProblemError(400, 'bad-request', {
        detail: `Workspaces for ${bo.system}/${bo.type} are not provisioned by this BFF.`,
        errors: [{ path: 'businessObject', message: 'no provisioning configured for this system and type' }],
      });
    }
    // Both POST /v1/workspaces and LOB events come through here, so both are held to the rule.
    if (request.name !== undefined && hasDirectionControls(request.name)) {
      throw new ProblemError(400, 'bad-request', {
        detail: `The workspace name ${DIRECTION_CONTROLS_RULE}`,
        errors: [{ path: 'name', message: 'must not contain text-direction control characters' }],
      });
    }
    const attributes = this.#attributes(type, request.metadata ?? {});
    const key = `${bo.system}\u0000${bo.type}\u0000${bo.id}`;
    const id = await this.#locked(key, async () => {
      const existing = await findWorkspaceId(this.ctx.xecm, user, bo, signal);
      if (existing !== undefined) return { id: existing, created: false };
      try {
        return { id: await this.#create(user, bo, type, request.name, attributes, signal), created: true };
      } catch (error) {
        // LOB names are not unique (two "Acme" accounts); xECM's are, per folder. Qualify with the id.
        if (!(error instanceof ProblemError && error.code === 'name-conflict' && request.name)) throw error;
        const qualified = `${request.name} (${bo.id})`.slice(0, 248);
        return { id: await this.#create(user, bo, type, qualified, attributes, signal), created: true };
      }
    });
    const workspace = await this.ctx.workspaces.summary(user, String(id.id), signal);
    return { created: id.created, workspace };
  }

  /**
   * For `/hooks/lob/:system`: provisions when the event is configured for it. Returns undefined for
   * events that are not about provisioning (so the caller can hand them to other rules).
   */
  async handleLobEvent(system: string, event: LobEvent): Promise<ProvisionResult | undefined> {
    const rule = this.config.events.find((e) => e.event === event.type && (!e.system || e.system === system));
    if (!rule || !this.config.eventUser) return undefined;
    const type = this.config.types.find((t) => t.system === system && t.boType === rule.boType);
    if (!type) return undefined;
    const id = event.data[rule.idField];
    if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
      throw new ProblemError(400, 'bad-request', {
        detail: `${event.type} needs a string data.${rule.idField}.`,
        errors: [{ path: `data.${rule.idField}`, message: 'must be a business object id' }],
      });
    }
    const name = rule.nameField ? event.data[rule.nameField] : undefined;
    const metadata: Record<string, string> = {};
    for (const field of Object.keys(type.attributes)) {
      const v = event.data[field];
      if (typeof v === 'string' || typeof v === 'number') metadata[field] = String(v);
    }
    return this.provision(this.config.eventUser, {
      businessObject: { system, type: rule.boType, id },
      ...(typeof name === 'string' && name.trim() ? { name: name.trim().slice(0, 248) } : {}),
      metadata,
    });
  }

  #attributes(
    type: z.infer<typeof ProvisioningType>,
    metadata: Record<string, string>,
  ): Record<string, Record<string, string>> {
    // Own keys only: `constructor` or `toString` must not find Object.prototype.
    const unknown = Object.keys(metadata).filter((k) => !Object.hasOwn(type.attributes, k));
    if (unknown.length > 0) {
      throw new ProblemError(400, 'bad-request', {
        detail: `Unknown metadata for ${type.system}/${type.boType}: ${unknown.join(', ')}.`,
        errors: unknown.map((k) => ({
          path: `metadata.${k}`,
          message: `not mapped; known: ${Object.keys(type.attributes).join(', ') || 'none'}`,
        })),
      });
    }
    const categories: Record<string, Record<string, string>> = {};
    for (const [field, value] of Object.entries(metadata)) {
      const attribute = type.attributes[field]!;
      const category = attribute.split('_')[0]!;
      (categories[category] ??= {})[attribute] = value;
    }
    return categories;
  }

  async #locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.#locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    }
  }

  async #create(
    user: string,
    bo: BusinessObject,
    type: z.infer<typeof ProvisioningType>,
    name: string | undefined,
    categories: Record<string, Record<string, string>>,
    signal?: AbortSignal,
  ): Promise<number> {
    const wsType = await workspaceTypeOf(this.ctx.xecm, user, bo, signal);
    const templates = wsType?.templates ?? [];
    const template = type.template ? templates.find((t) => t.name === type.template) : templates[0];
    if (!wsType || !template) {
      this.ctx.logger.warn(
        { system: bo.system, boType: bo.type, template: type.template },
        'no workspace template for provisioning',
      );
      throw new ProblemError(502, 'upstream-error', {
        detail: 'Extended ECM has no workspace template for this business object type.',
      });
    }
    const body = {
      template_id: template.id,
      wksp_type_id: wsType.wksp_type_id,
      type: 848,
      ...(name ? { name } : {}),
      ...(Object.keys(categories).length > 0 ? { roles: { categories } } : {}),
      ext_system_id: bo.system,
      bo_type: bo.type,
      bo_id: bo.id,
    };
    const created = await this.ctx.xecm.json(
      user,
      {
        method: 'POST',
        path: '/v2/businessworkspaces',
        form: { body: JSON.stringify(body) },
        callerInput: 'workspace name or metadata',
        ...(signal ? { signal } : {}),
      },
      RawCreatedWorkspace,
    );
    this.ctx.logger.info(
      { workspaceId: created.results.id, system: bo.system, boType: bo.type },
      'workspace provisioned',
    );
    return created.results.id;
  }
}
