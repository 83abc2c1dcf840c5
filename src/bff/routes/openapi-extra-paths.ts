// OpenAPI paths of the routes with their own access control: admin API, signed hooks, anonymous portal,
// and the master-data gateway for xECM's connector.
import {
  body,
  json,
  jsonList,
  noContent,
  nodeIdParam,
  pathParam,
  problems,
  type Json,
} from './openapi-parts.js';

const admin = [{ adminToken: [] }];
const signed = [{ webhookSignature: [] }];
const subscriptionId = pathParam('id', '^sub_[0-9a-f-]{36}$|^[A-Za-z0-9_-]{1,64}$');
const SEGMENT = '^[a-z0-9][a-z0-9_-]{0,63}$';

export function adminPaths(options: { auditQuery: Json[] }): Json {
  const mounted = 'Mounted with `BFF_ADMIN_TOKEN`.';
  return {
    '/v1/audit': {
      get: {
        security: admin,
        summary: 'Export the portal audit trail',
        description: `${mounted} Portal mode only (docs/portal.md).`,
        parameters: options.auditQuery,
        responses: {
          '200': {
            description: 'One row per portal listing or download',
            content: {
              'application/x-ndjson': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...problems(400, 401, 500),
        },
      },
    },
    '/v1/subscriptions': {
      get: {
        security: admin,
        summary: 'Webhook subscriptions',
        description: mounted,
        responses: {
          '200': jsonList('subscriptions', 'Subscription'),
          ...problems(401),
        },
      },
      post: {
        security: admin,
        summary: 'Register a webhook subscription (the secret is shown once, here)',
        description: mounted,
        requestBody: body('SubscriptionRequest'),
        responses: { '201': json('SubscriptionCreated', 'Created'), ...problems(400, 401, 413, 503) },
      },
    },
    '/v1/subscriptions/{id}': {
      get: {
        security: admin,
        summary: 'One subscription',
        parameters: [subscriptionId],
        responses: { '200': json('Subscription'), ...problems(401, 404) },
      },
      delete: {
        security: admin,
        summary: 'Delete a subscription',
        parameters: [subscriptionId],
        responses: { '204': noContent, ...problems(401, 404) },
      },
    },
    '/v1/subscriptions/{id}/enable': {
      post: {
        security: admin,
        summary: 'Enable a subscription again (e.g. after its endpoint answered 410)',
        parameters: [subscriptionId],
        responses: { '204': noContent, ...problems(401, 404) },
      },
    },
    '/v1/subscriptions/{id}/deliveries': {
      get: {
        security: admin,
        summary: 'Deliveries of a subscription',
        parameters: [
          subscriptionId,
          { name: 'state', in: 'query', required: false, schema: { enum: ['pending', 'delivered', 'dead'] } },
        ],
        responses: {
          '200': jsonList('deliveries', 'Delivery'),
          ...problems(400, 401, 404),
        },
      },
    },
    '/v1/subscriptions/{id}/replay': {
      post: {
        security: admin,
        summary: 'Deliver the dead letters of a subscription again',
        parameters: [subscriptionId],
        responses: {
          '200': {
            description: 'How many deliveries were queued again',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { replayed: { type: 'integer', minimum: 0 } } },
              },
            },
          },
          ...problems(401, 404),
        },
      },
    },
  };
}

export function hookPaths(): Json {
  return {
    '/hooks/xecm': {
      post: {
        security: signed,
        summary: 'Signed callouts from xECM (workflow and node events)',
        description: 'Secrets from `BFF_HOOK_SECRETS`; without any, every callout is refused (401).',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {
          '204': { description: 'Accepted (stored, duplicate or ignored)' },
          ...problems(400, 401, 413, 503),
        },
      },
    },
    '/hooks/lob/{system}': {
      post: {
        security: signed,
        summary: 'Signed events from a line-of-business system (provisioning, review rules)',
        description:
          'Mounted with `BFF_LOB_HOOK_SECRETS` and a `provisioning` or `reviewRules` section (docs/provisioning.md, docs/reviews.md).',
        parameters: [pathParam('system', SEGMENT)],
        requestBody: body('LobEvent'),
        responses: {
          '200': json('LobHookAnswer', 'Acted on'),
          '202': json('LobHookAnswer', 'Accepted, nothing to do'),
          ...problems(400, 401, 404, 413, 500, 502, 503, 504),
        },
      },
    },
  };
}

export function portalPaths(options: { documentQuery: Json[] }): Json {
  const anonymous: Json[] = [];
  const mounted = 'Portal mode (`BFF_PORTAL=1`, docs/portal.md); anonymous, rate-limited per client.';
  const portalProblems = (...extra: number[]) => problems(400, ...extra, 404, 429, 500, 502, 503, 504);
  return {
    '/portal/v1/workspaces/{id}/documents': {
      get: {
        security: anonymous,
        summary: 'Approved public documents of a workspace, with signed content links',
        description: mounted,
        parameters: [nodeIdParam, ...options.documentQuery],
        responses: { '200': json('DocumentPage'), ...portalProblems() },
      },
    },
    '/portal/v1/documents/{id}': {
      get: {
        security: anonymous,
        summary: 'One approved public document, with signed content links',
        description: `${mounted} Missing, unapproved and internal documents answer the same 404.`,
        parameters: [nodeIdParam],
        responses: { '200': json('DocumentItem'), ...portalProblems() },
      },
    },
    '/portal/v1/content/{id}': {
      get: {
        security: anonymous,
        summary: 'Content of an approved public document through a signed, expiring link',
        description: `${mounted} Use the \`openUrl\`/\`downloadUrl\` of a portal answer; do not build these links.`,
        parameters: [
          nodeIdParam,
          { name: 'v', in: 'query', required: true, schema: { type: 'string', pattern: '^[0-9]{1,6}$' } },
          { name: 'exp', in: 'query', required: true, schema: { type: 'string', pattern: '^[0-9]{1,12}$' } },
          { name: 'sig', in: 'query', required: true, schema: { type: 'string', maxLength: 100 } },
          { name: 'w', in: 'query', required: false, schema: { type: 'string', pattern: '^[0-9]{1,12}$' } },
          { name: 'download', in: 'query', required: false, schema: { enum: ['1', 'true'] } },
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'The content (`ETag`, `Cache-Control: public`)',
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
          '304': { description: 'Not modified' },
          ...portalProblems(403),
        },
      },
    },
  };
}

export function masterDataPaths(): Json {
  const security = [{ masterDataToken: [] }];
  const description =
    "For xECM's business-object connector; mounted with a `masterData` section or `BFF_MASTERDATA_TOKEN`.";
  const system = pathParam('system', SEGMENT);
  const boType = pathParam('boType', SEGMENT);
  return {
    '/masterdata/v1/{system}/{boType}/{boId}': {
      get: {
        security,
        summary: 'Master data of one business object',
        description,
        parameters: [system, boType, pathParam('boId', '^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$')],
        responses: { '200': json('MasterDataAnswer'), ...problems(400, 401, 404, 500, 502, 503, 504) },
      },
    },
    '/masterdata/v1/{system}/{boType}': {
      get: {
        security,
        summary: 'Search business objects of a type',
        description,
        parameters: [
          system,
          boType,
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
        ],
        responses: {
          '200': jsonList('results', 'MasterDataAnswer'),
          ...problems(400, 401, 404, 500, 502, 503, 504),
        },
      },
    },
  };
}
