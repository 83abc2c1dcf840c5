import { Hono } from 'hono';
import { toJSONSchema } from 'zod';
import type * as zm from 'zod/mini';
import {
  BusinessObject,
  DocumentItem,
  DocumentPage,
  DocumentQuery,
  LookupBatchRequest,
  LookupBatchResponse,
  PROBLEM_CODES,
  PROBLEM_CONTENT_TYPE,
  Problem,
  WorkspaceSummary,
  problemType,
} from '../../contract/index.js';
import type { BffEnv } from '../http/env.js';

function schema(s: zm.ZodMiniType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = toJSONSchema(s, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      { description: 'Problem', content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } } },
    ]),
  );
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]{1,12}$' },
};
const csrfHeader = {
  name: 'X-Requested-With',
  in: 'header',
  required: true,
  schema: { const: 'xecm-elements' },
};
const common = [401, 429, 500, 502, 503, 504];

/** OpenAPI 3.1 description of the public routes, generated from the contract's zod schemas. */
export function buildOpenApi(): Record<string, unknown> {
  const queryProps = (schema(DocumentQuery).properties ?? {}) as Record<string, unknown>;
  const boProps = (schema(BusinessObject).properties ?? {}) as Record<string, unknown>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'xecm-elements BFF',
      version: '1',
      description: 'Backend-for-frontend in front of OpenText Extended ECM.',
    },
    components: {
      securitySchemes: { bffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        WorkspaceSummary: schema(WorkspaceSummary),
        DocumentItem: schema(DocumentItem),
        DocumentPage: schema(DocumentPage),
        LookupBatchRequest: schema(LookupBatchRequest),
        LookupBatchResponse: schema(LookupBatchResponse),
        Problem: {
          ...schema(Problem),
          'x-problem-types': PROBLEM_CODES.map((code) => ({ code, type: problemType(code) })),
        },
      },
    },
    security: [{ bffToken: [] }],
    paths: {
      '/v1/workspaces/lookup': {
        get: {
          summary: 'Find the workspace of a business object',
          parameters: Object.entries(boProps).map(([name, s]) => ({
            name,
            in: 'query',
            required: true,
            schema: s,
          })),
          responses: { '200': json('WorkspaceSummary'), ...problems(400, 403, 404, ...common) },
        },
      },
      '/v1/workspaces/lookup:batch': {
        post: {
          summary: 'Up to 100 lookups or workspace reads in one request',
          parameters: [csrfHeader],
          requestBody: { required: true, ...json('LookupBatchRequest') },
          responses: { '200': json('LookupBatchResponse'), ...problems(400, 403, 413, 415, ...common) },
        },
      },
      '/v1/workspaces/{id}': {
        get: {
          summary: 'Workspace summary',
          parameters: [idParam],
          responses: { '200': json('WorkspaceSummary'), ...problems(400, 403, 404, ...common) },
        },
      },
      '/v1/workspaces/{id}/documents': {
        get: {
          summary: 'A page of the documents in the workspace (all folders)',
          parameters: [
            idParam,
            ...Object.entries(queryProps).map(([name, s]) => ({
              name,
              in: 'query',
              required: false,
              schema: s,
            })),
          ],
          responses: { '200': json('DocumentPage'), ...problems(400, 403, 404, ...common) },
        },
        post: {
          summary: 'Upload a document into the workspace',
          parameters: [idParam, csrfHeader],
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
          responses: { '201': json('DocumentItem'), ...problems(400, 403, 404, 409, 413, 415, ...common) },
        },
      },
      '/v1/documents/{id}': {
        get: {
          summary: 'One document',
          parameters: [idParam],
          responses: { '200': json('DocumentItem'), ...problems(400, 403, 404, ...common) },
        },
      },
      '/v1/documents/{id}/content': {
        get: {
          summary: 'Stream the latest version',
          parameters: [
            idParam,
            { name: 'download', in: 'query', required: false, schema: { enum: ['1', 'true'] } },
          ],
          responses: {
            '200': {
              description: 'The content',
              content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
            },
            ...problems(400, 403, 404, ...common),
          },
        },
      },
      '/healthz': {
        get: { security: [], summary: 'Liveness', responses: { '200': { description: 'Alive' } } },
      },
      '/readyz': {
        get: {
          security: [],
          summary: 'Readiness (xECM reachable)',
          responses: { '200': { description: 'Ready' }, ...problems(503) },
        },
      },
    },
  };
}

export function openApiRoutes(): Hono<BffEnv> {
  const app = new Hono<BffEnv>();
  const document = buildOpenApi();
  app.get('/openapi.json', (c) => c.json(document));
  return app;
}
