// OpenAPI paths of the routes for signed-in users (`/v1`, BFF token) and the public probes.
import { BusinessObject, DocumentQuery, ReviewTarget } from '../../contract/index.js';
import {
  body,
  COMMON,
  csrfHeader,
  json,
  nodeIdParam,
  problems,
  queryParams,
  type Json,
} from './openapi-parts.js';

/** `/v1` routes for signed-in users (BFF token). */
export function userPaths(): Json {
  const documentQuery = queryParams(DocumentQuery);
  return {
    '/v1/workspaces/lookup': {
      get: {
        summary: 'Find the workspace of a business object',
        parameters: queryParams(BusinessObject, 'all'),
        responses: { '200': json('WorkspaceSummary'), ...problems(400, 403, 404, ...COMMON) },
      },
    },
    '/v1/workspaces/lookup:batch': {
      post: {
        summary: 'Up to 100 lookups or workspace reads in one request',
        parameters: [csrfHeader],
        requestBody: body('LookupBatchRequest'),
        responses: { '200': json('LookupBatchResponse'), ...problems(400, 403, 413, 415, ...COMMON) },
      },
    },
    '/v1/workspaces': {
      post: {
        summary: 'Provision the workspace of a business object (idempotent per business object)',
        description: 'Mounted when the config file has a `provisioning` section (docs/provisioning.md).',
        parameters: [csrfHeader],
        requestBody: body('CreateWorkspaceRequest'),
        responses: {
          '200': json('WorkspaceSummary', 'The business object already had this workspace'),
          '201': json('WorkspaceSummary', 'Created'),
          ...problems(400, 403, 409, 413, 415, ...COMMON),
        },
      },
    },
    '/v1/workspaces/{id}': {
      get: {
        summary: 'Workspace summary',
        parameters: [nodeIdParam],
        responses: { '200': json('WorkspaceSummary'), ...problems(400, 403, 404, ...COMMON) },
      },
    },
    '/v1/workspaces/{id}/documents': {
      get: {
        summary: 'A page of the documents in the workspace (all folders)',
        parameters: [nodeIdParam, ...documentQuery],
        responses: { '200': json('DocumentPage'), ...problems(400, 403, 404, ...COMMON) },
      },
      post: {
        summary: 'Upload a document into the workspace',
        parameters: [nodeIdParam, csrfHeader],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {
          '201': json('DocumentItem', 'Created (`Location` names the document)'),
          ...problems(400, 403, 404, 409, 413, 415, ...COMMON),
        },
      },
    },
    '/v1/documents/{id}': {
      get: {
        summary: 'One document',
        parameters: [nodeIdParam],
        responses: { '200': json('DocumentItem'), ...problems(400, 403, 404, ...COMMON) },
      },
    },
    '/v1/documents/{id}/content': {
      get: {
        summary: 'Stream the latest version',
        parameters: [
          nodeIdParam,
          { name: 'download', in: 'query', required: false, schema: { enum: ['1', 'true'] } },
        ],
        responses: {
          '200': {
            description: 'The content (passive types inline, everything else as an attachment)',
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
          ...problems(400, 403, 404, ...COMMON),
        },
      },
    },
    '/v1/reviews/options': {
      get: {
        summary: 'Which review workflows the caller may start on an item',
        parameters: queryParams(ReviewTarget, 'all'),
        responses: { '200': json('ReviewOptions'), ...problems(400, 403, 404, ...COMMON) },
      },
    },
    '/v1/reviews': {
      post: {
        summary: 'Start a review workflow',
        parameters: [
          csrfHeader,
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
            description:
              'A repeat with the same key and body answers the first review (`Idempotent-Replayed: true`).',
          },
        ],
        requestBody: body('StartReviewRequest'),
        responses: {
          '201': json('Review', 'Started (`Location` names the review)'),
          ...problems(400, 403, 404, 409, 413, 415, ...COMMON),
        },
      },
    },
    '/v1/reviews/{id}': {
      get: {
        summary: 'A review started through the BFF',
        parameters: [nodeIdParam],
        responses: { '200': json('Review'), ...problems(400, 403, 404, ...COMMON) },
      },
    },
    '/v1/events': {
      get: {
        summary: 'Live updates (Server-Sent Events) for up to 50 topics',
        description:
          'Each event: `id` (resume with `Last-Event-ID`), `event` = the DomainEvent type, `data` = the DomainEvent as JSON. ' +
          'Also `ready` on open, then `topics` with `{"refused":[...]}` (no id) when some requested topics are not ' +
          'carried (missing and forbidden alike), `resync` when replay is not possible, and `: ping` comments. ' +
          '403 only when no requested topic is visible; 503 with `Retry-After` when xECM cannot be asked.',
        parameters: [
          {
            name: 'topics',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^(workspace|document):[0-9]{1,12}(,(workspace|document):[0-9]{1,12}){0,49}$',
            },
          },
          {
            name: 'Last-Event-ID',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
          },
        ],
        responses: {
          '200': {
            description: 'An event stream',
            content: {
              'text/event-stream': {
                schema: { type: 'string' },
                itemSchema: { $ref: '#/components/schemas/DomainEvent' },
              },
            },
          },
          ...problems(400, 403, ...COMMON),
        },
      },
    },
  };
}

export function publicPaths(): Json {
  return {
    '/healthz': {
      get: { security: [], summary: 'Liveness', responses: { '200': json('Health', 'Alive') } },
    },
    '/readyz': {
      get: {
        security: [],
        summary: 'Readiness (xECM reachable)',
        responses: { '200': json('Ready', 'Ready'), ...problems(503) },
      },
    },
    '/openapi.json': {
      get: {
        security: [],
        summary: 'This document (only the routes this instance serves)',
        responses: {
          '200': {
            description: 'OpenAPI 3.1',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/dev/token': {
      post: {
        security: [],
        summary: 'Demo only: mint a BFF token for a user',
        description: 'Mounted with `BFF_DEV_IDENTITY=1`, never with `NODE_ENV=production`.',
        parameters: [csrfHeader],
        requestBody: body('DevTokenRequest'),
        responses: { '200': json('DevTokenAnswer'), ...problems(400, 403, 413, 415) },
      },
    },
  };
}
