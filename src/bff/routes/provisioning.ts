import type { Hono } from 'hono';
import { CreateWorkspaceRequest } from '../../contract/index.js';
import type { RouteModule } from '../app.js';
import type { BffContext } from '../context.js';
import { limitBody } from '../http/body-limit.js';
import { stateChanging } from '../http/csrf.js';
import type { BffEnv } from '../http/env.js';
import { jsonBody, parseInput } from '../http/validate.js';
import { type ProvisioningConfig, ProvisioningService } from '../services/provisioning.js';
import { lobHookRoutes } from './lob-hook.js';

const BODY_LIMIT = 32 * 1024;

export interface ProvisioningModule {
  /** Mount with `createBffApp(config, { routes: [module.mount] })`. */
  mount: RouteModule;
  /** The service, once mounted (for `/hooks/lob/:system` handlers). */
  readonly service: ProvisioningService | undefined;
}

/**
 * `POST /v1/workspaces` {businessObject, name?, metadata?}: 201 with the new workspace's summary, or
 * 200 with the existing one when the business object already has a workspace.
 */
export function provisioningRoutes(config: ProvisioningConfig): ProvisioningModule {
  let service: ProvisioningService | undefined;
  return {
    get service() {
      return service;
    },
    mount(app: Hono<BffEnv>, ctx: BffContext) {
      const svc = new ProvisioningService(config, ctx);
      service = svc;
      app.post(
        '/v1/workspaces',
        stateChanging('json', ctx.config.allowedOrigins),
        limitBody(BODY_LIMIT),
        async (c) => {
          const request = parseInput(CreateWorkspaceRequest, await jsonBody(c.req), 'workspace request');
          const { created, workspace } = await svc.provision(c.var.user, request, c.req.raw.signal);
          return c.json(workspace, created ? 201 : 200);
        },
      );
    },
  };
}

/**
 * `POST /hooks/lob/:system` for deployments without review rules: verifies the Standard Webhooks signature
 * over the raw body and provisions on `account.created`, `project.created`, `case.created` (as configured).
 * The same handler as {@link lobHookRoutes}, without rules; mount only one of the two.
 */
export function lobProvisioningHook(module: ProvisioningModule, secrets: readonly string[]): RouteModule {
  return lobHookRoutes({ secrets, provisioning: module });
}
