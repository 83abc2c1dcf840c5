// Request parameters the way Content Server reads them: form-urlencoded or multipart fields, where a
// `body` field may hold a JSON string whose members count as parameters too. JSON request bodies are not
// parsed (Content Server does not accept them), so such calls fail like they would there.
import type { Context } from 'hono';
import { CsError, invalidParameter, missingParameter } from './cs-error.js';

export interface RequestParams {
  /** Plain fields merged with the members of the `body` JSON field (which win). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly files: Readonly<Record<string, File>>;
}

const EMPTY: RequestParams = { values: {}, files: {} };

export async function readParams(c: Context): Promise<RequestParams> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType)) return EMPTY;
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof CsError) throw error;
    throw new CsError(400, 'The request body could not be parsed.');
  }
  const values: Record<string, unknown> = {};
  const files: Record<string, File> = {};
  for (const [key, raw] of Object.entries(form)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value instanceof File) files[key] = value;
    else if (value !== undefined) values[key] = value;
  }
  const body = values['body'];
  if (typeof body === 'string' && body.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw invalidParameter('body', 'not valid JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw invalidParameter('body', 'expected a JSON object');
    }
    delete values['body'];
    Object.assign(values, parsed);
  }
  return { values, files };
}

export function optionalString(params: RequestParams, name: string): string | undefined {
  const value = params.values[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidParameter(name);
}

export function requiredString(params: RequestParams, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw missingParameter(name);
  return value;
}

export function parseId(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^\d{1,12}$/.test(raw.trim())) throw invalidParameter(name);
  return Number(raw.trim());
}

export function optionalInt(params: RequestParams, name: string): number | undefined {
  const value = optionalString(params, name);
  return value === undefined ? undefined : parseId(value, name);
}

export function requiredInt(params: RequestParams, name: string): number {
  return parseId(requiredString(params, name), name);
}
