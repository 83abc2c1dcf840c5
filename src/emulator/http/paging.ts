import { invalidParameter } from './cs-error.js';

export interface Paging {
  readonly limit: number;
  readonly page: number;
  readonly page_total: number;
  readonly range_min: number;
  readonly range_max: number;
  readonly total_count: number;
}

export interface PageRequest {
  readonly page: number;
  readonly limit: number;
}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw invalidParameter(name);
  return Number(raw);
}

export function pageRequest(
  query: (name: string) => string | undefined,
  defaultLimit: number,
  maxLimit = 10_000,
): PageRequest {
  const limit = Math.min(positiveInt(query('limit'), 'limit') ?? defaultLimit, maxLimit);
  const page = positiveInt(query('page'), 'page') ?? 1;
  return { page, limit };
}

export function paginate<T>(items: readonly T[], req: PageRequest): { items: T[]; paging: Paging } {
  const total = items.length;
  const start = (req.page - 1) * req.limit;
  const slice = items.slice(start, start + req.limit);
  return {
    items: slice,
    paging: {
      limit: req.limit,
      page: req.page,
      page_total: Math.max(1, Math.ceil(total / req.limit)),
      range_min: slice.length > 0 ? start + 1 : 0,
      range_max: start + slice.length,
      total_count: total,
    },
  };
}
