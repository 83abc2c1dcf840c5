import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CreateWorkspaceRequest } from '../../contract/index.js';
import type { RouteModule } from '../app.js';
import type { BffContext } from '../context.js';
import { stateChanging } from '../http/csrf.js';
import { verifyWebhook, WebhookVerificationError } from '../events/webhook-signature.js';
import type { BffEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { jsonBody, parseInput } from '../http/validate.js';
import { LobEvent, type ProvisioningConfig, ProvisioningService } from '../services/provisioning.js';

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
        bodyLimit({
          maxSize: BODY_LIMIT,
          onError: () => {
            throw new ProblemError(413, 'payload-too-large', {
              detail: `Bodies may be at most ${BODY_LIMIT} bytes.`,
            });
          },
        }),
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
 * Fallback `POST /hooks/lob/:system` for deployments without the events module's LOB hook: verifies the
 * Standard Webhooks signature over the raw body and provisions on `account.created`, `project.created`,
 * `case.created` (as configured). When the events module owns the hook, call `module.service.handleLobEvent`
 * from there instead and do not mount this.
 */
export function lobProvisioningHook(module: ProvisioningModule, secrets: readonly string[]): RouteModule {
  return (app) => {
    app.post('/hooks/lob/:system', async (c) => {
      const system = c.req.param('system');
      if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(system)) throw new ProblemError(404, 'not-found');
      const raw = await c.req.text();
      if (raw.length > BODY_LIMIT) throw new ProblemError(413, 'payload-too-large');
      try {
        verifyWebhook(c.req.header(), raw, { secrets });
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        throw new ProblemError(401, 'unauthenticated', {
          detail: 'The webhook signature is missing, stale or wrong.',
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ProblemError(400, 'bad-request', { detail: 'The body is not valid JSON.' });
      }
      const parsed = LobEvent.safeParse(json);
      if (!parsed.success) throw new ProblemError(400, 'bad-request', { detail: 'Expected {type, data}.' });
      const result = await module.service?.handleLobEvent(system, parsed.data);
      if (!result) return c.json({ accepted: true, action: 'none' }, 202);
      return c.json(
        {
          accepted: true,
          action: result.created ? 'workspace-created' : 'workspace-exists',
          workspaceId: result.workspace.id,
        },
        200,
      );
    });
  };
}
