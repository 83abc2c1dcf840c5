// Building blocks of the OpenAPI document: zod → JSON Schema, references, parameters, problem answers.
import { toJSONSchema } from 'zod';
import type * as zc from 'zod/v4/core';
import { PROBLEM_CONTENT_TYPE } from '../../contract/index.js';

export type Json = Record<string, unknown>;

/**
 * JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, classic or mini. `input` describes what a
 * caller may send (defaults optional, coercions as strings), `output` what the BFF answers.
 */
export function jsonSchema(schema: zc.$ZodType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _ignored, ...rest } = toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
  }) as Json;
  return rest;
}

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

export const json = (name: string, description = 'OK'): Json => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});

/** A JSON answer `{ <key>: [<name>, …] }`. */
export const jsonList = (key: string, name: string, description = 'OK'): Json => ({
  description,
  content: {
    'application/json': {
      schema: { type: 'object', required: [key], properties: { [key]: { type: 'array', items: ref(name) } } },
    },
  },
});

export const body = (name: string): Json => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});

export const noContent = { description: 'Done (no body)' };

/** One `application/problem+json` answer per status. */
export const problems = (...statuses: number[]): Json =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      { description: 'Problem', content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } } },
    ]),
  );

/** Answers every authenticated `/v1` route may give (see docs/bff.md). */
export const COMMON = [401, 429, 500, 502, 503, 504] as const;

export const pathParam = (name: string, pattern: string, description?: string): Json => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern },
  ...(description ? { description } : {}),
});

export const nodeIdParam = pathParam('id', '^[0-9]{1,12}$');

export const csrfHeader: Json = {
  name: 'X-Requested-With',
  in: 'header',
  required: true,
  schema: { const: 'xecm-elements' },
  description: 'Required on every state-changing request (403 `csrf-header-missing` otherwise).',
};

/** Query parameters from the properties of an object schema (input side). */
export function queryParams(schema: zc.$ZodType, required: 'all' | 'declared' = 'declared'): Json[] {
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, Json>;
  const needed = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, schemaOf]) => ({
    name,
    in: 'query',
    required: required === 'all' || needed.has(name),
    schema: schemaOf,
  }));
}

/**
 * A Hono route path in OpenAPI form: `/v1/workspaces/:id{[0-9]+}/documents` → `/v1/workspaces/{id}/documents`.
 * A colon inside a segment (`lookup:batch`) is literal, as in Hono.
 */
export function openApiPath(honoPath: string): string {
  return honoPath
    .split('/')
    .map((segment) => {
      const match = /^:([A-Za-z0-9_]+)(\{.*\})?\??$/.exec(segment);
      return match ? `{${match[1]}}` : segment;
    })
    .join('/');
}
