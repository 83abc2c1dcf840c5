import { Hono } from 'hono';
import {
  CreateWorkspaceRequest,
  DocumentItem,
  DocumentPage,
  DocumentQuery,
  DomainEvent,
  LookupBatchRequest,
  LookupBatchResponse,
  PROBLEM_CODES,
  Problem,
  Review,
  ReviewOptions,
  StartReviewRequest,
  WorkspaceSummary,
  problemType,
} from '../../contract/index.js';
import { SubscriptionRequest } from '../events/subscriptions.js';
import type { BffEnv } from '../http/env.js';
import { LobEvent } from '../services/provisioning.js';
import { AuditExportQuery } from './audit.js';
import { DevTokenRequest } from './dev-token.js';
import { adminPaths, hookPaths, masterDataPaths, portalPaths } from './openapi-extra-paths.js';
import { publicPaths, userPaths } from './openapi-user-paths.js';
import { jsonSchema, openApiPath, queryParams, type Json } from './openapi-parts.js';
import {
  DeliveryView,
  DevTokenAnswer,
  Health,
  LobHookAnswer,
  MasterDataAnswer,
  Ready,
  SubscriptionCreated,
  SubscriptionView,
} from './openapi-schemas.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function coreSchemas(): Json {
  return {
    WorkspaceSummary: jsonSchema(WorkspaceSummary),
    DocumentItem: jsonSchema(DocumentItem),
    DocumentPage: jsonSchema(DocumentPage),
    LookupBatchRequest: jsonSchema(LookupBatchRequest, 'input'),
    LookupBatchResponse: jsonSchema(LookupBatchResponse),
    CreateWorkspaceRequest: jsonSchema(CreateWorkspaceRequest, 'input'),
    StartReviewRequest: jsonSchema(StartReviewRequest, 'input'),
    Review: jsonSchema(Review),
    ReviewOptions: jsonSchema(ReviewOptions),
    DomainEvent: jsonSchema(DomainEvent),
    SubscriptionRequest: jsonSchema(SubscriptionRequest.omit({ secret: true }), 'input'),
    Subscription: jsonSchema(SubscriptionView),
    SubscriptionCreated: jsonSchema(SubscriptionCreated),
    Delivery: jsonSchema(DeliveryView),
    LobEvent: jsonSchema(LobEvent, 'input'),
    LobHookAnswer: jsonSchema(LobHookAnswer),
    MasterDataAnswer: jsonSchema(MasterDataAnswer),
    DevTokenRequest: jsonSchema(DevTokenRequest, 'input'),
    DevTokenAnswer: jsonSchema(DevTokenAnswer),
    Health: jsonSchema(Health),
    Ready: jsonSchema(Ready),
    Problem: {
      ...jsonSchema(Problem),
      'x-problem-types': PROBLEM_CODES.map((code) => ({ code, type: problemType(code) })),
    },
  };
}

/** OpenAPI 3.1 description of every route the BFF can serve, schemas generated from zod. */
export function buildOpenApi(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'xecm-elements BFF',
      version: '1',
      description:
        'Backend-for-frontend in front of OpenText Extended ECM. Routes marked as mounted by configuration ' +
        "appear in a running instance's `/openapi.json` only when configured.",
    },
    components: {
      securitySchemes: {
        bffToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Minted by the host backend (docs/bff.md).',
        },
        adminToken: { type: 'http', scheme: 'bearer', description: '`BFF_ADMIN_TOKEN`.' },
        masterDataToken: {
          type: 'http',
          scheme: 'bearer',
          description: "`BFF_MASTERDATA_TOKEN`, for xECM's connector only.",
        },
        webhookSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'webhook-signature',
          description:
            'Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` over the raw body.',
        },
      },
      schemas: coreSchemas(),
    },
    security: [{ bffToken: [] }],
    paths: {
      ...publicPaths(),
      ...userPaths(),
      ...adminPaths({ auditQuery: queryParams(AuditExportQuery) }),
      ...hookPaths(),
      ...portalPaths({ documentQuery: queryParams(DocumentQuery) }),
      ...masterDataPaths(),
    },
  };
}

/** The document restricted to the routes registered in a running app (method + Hono path). */
export function servedOpenApi(document: Json, routes: readonly { method: string; path: string }[]): Json {
  const served = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
  const paths: Json = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    const kept = Object.fromEntries(
      Object.entries(item).filter(
        ([method]) =>
          !(HTTP_METHODS as readonly string[]).includes(method) || served.has(`${method} ${path}`),
      ),
    );
    if (Object.keys(kept).some((k) => (HTTP_METHODS as readonly string[]).includes(k))) paths[path] = kept;
  }
  return { ...document, paths };
}

/**
 * `GET /openapi.json`. With `routes` (the app's `app.routes`), the answer lists only what this instance
 * serves — optional modules (portal, provisioning, events …) appear when mounted.
 */
export function openApiRoutes(routes?: () => readonly { method: string; path: string }[]): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  const full = buildOpenApi();
  let served: Json | undefined;
  app.get('/openapi.json', (c) => {
    // Computed on the first request: by then every module has registered its routes.
    served ??= routes ? servedOpenApi(full, routes()) : full;
    return c.json(served);
  });
  return app;
}
