// A subset of Content Server's search (`/api/v2/search`): enough to list every document inside a
// workspace with paging and a count, permission-filtered like everything else.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { invalidParameter, nodeNotFound } from '../http/cs-error.js';
import { pageRequest, paginate } from '../http/paging.js';
import { optionalString, parseId, readParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import type { NodeRecord } from '../state/types.js';
import { parseSort, sortNodes, type SortSpec } from '../services/node-query.js';
import { nodeData } from './nodes.js';

const SEARCH_SORTS: Readonly<Record<string, string>> = {
  otname: 'name',
  otobjectdate: 'modify_date',
  otmodifydate: 'modify_date',
  otcreatedate: 'create_date',
  otobjectsize: 'size',
  otdataid: 'id',
};

function searchSort(raw: string | undefined): SortSpec {
  if (!raw || raw === 'relevance') return { key: 'name', direction: 'asc' };
  const match = /^(asc|desc)_(\w+)$/i.exec(raw);
  const mapped = match?.[2] ? SEARCH_SORTS[match[2].toLowerCase()] : undefined;
  return parseSort(mapped && match?.[1] ? `${match[1].toLowerCase()}_${mapped}` : raw);
}

/** `where`: space- or AND-separated terms; `OTSubType:<n>` filters by type, other words must occur in the name. */
function whereFilter(where: string | undefined): (node: NodeRecord) => boolean {
  const terms = (where ?? '')
    .split(/\s+(?:AND\s+)?|\s+/i)
    .filter((t) => t !== '' && t.toUpperCase() !== 'AND');
  const types: number[] = [];
  const words: string[] = [];
  for (const term of terms) {
    const sub = /^OTSubType:(\d{1,6})$/i.exec(term);
    if (sub?.[1]) types.push(Number(sub[1]));
    else if (/^\w+:/.test(term)) throw invalidParameter('where', `unsupported region in '${term}'`);
    else words.push(term.replace(/^"|"$/g, '').toLowerCase());
  }
  return (node) =>
    (types.length === 0 || types.includes(node.type)) &&
    words.every((w) => node.name.toLowerCase().includes(w));
}

async function search(rt: Runtime, c: Context<EmulatorEnv>) {
  const user = c.get('user');
  const form = c.req.method === 'POST' ? await readParams(c) : undefined;
  const param = (name: string) => (form ? optionalString(form, name) : undefined) ?? c.req.query(name);
  const location = param('location_id1');
  let pool: NodeRecord[];
  if (location !== undefined) {
    const id = parseId(location, 'location_id1');
    const root = rt.state.visible(user, id);
    if (!root) throw nodeNotFound(id);
    pool = rt.state.visibleDescendants(user, root);
  } else {
    pool = [...rt.state.nodes.values()].filter((n) => rt.state.canSee(user, n));
  }
  const matches = sortNodes(pool.filter(whereFilter(param('where'))), searchSort(param('sort')));
  const { items, paging } = paginate(matches, pageRequest(param, 10, 1000));
  return c.json({
    links: {},
    collection: {
      paging,
      searching: { result_title: 'Search Results' },
      sorting: { sort: [param('sort') ?? 'relevance'] },
    },
    paging,
    results: items.map((n) => ({ data: nodeData(rt, user, n, []) })),
  });
}

export function searchRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.get('/api/v2/search', (c) => search(rt, c));
  app.post('/api/v2/search', (c) => search(rt, c));
  return app;
}
