// Document content and versions (notes N6–N9).
import { Hono } from 'hono';
import type { Context } from 'hono';
import { generateContent } from '../content/generate.js';
import { contentNodeNotFound, CsError, invalidParameter, nodeNotFound } from '../http/cs-error.js';
import { pageRequest, paginate } from '../http/paging.js';
import { optionalString, readParams } from '../http/params.js';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { AUDIT_EVENTS } from '../state/audit-events.js';
import type { NodeRecord, Version } from '../state/types.js';
import { mimeTypeForName } from '../seed/names.js';
import { recordChange } from '../services/changes.js';
import { latestVersion } from '../services/documents.js';
import { visibleDocument, writableNode } from '../services/node-access.js';
import { versionJson } from '../present/version.js';
import { DOCUMENT_TYPE } from '../state/emulator-state.js';

export function versionBytes(node: NodeRecord, v: Version): Uint8Array {
  return v.bytes ?? generateContent(node.id, v.number, v.fileName, v.mimeType, v.size);
}

function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function sendVersion(c: Context<EmulatorEnv>, node: NodeRecord, v: Version): Response {
  const bytes = versionBytes(node, v);
  const download = c.req.query('action') === 'download';
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': download ? 'application/octet-stream' : v.mimeType,
    'Content-Length': String(bytes.length),
    'Content-Disposition': contentDisposition(download ? 'attachment' : 'inline', v.fileName),
  });
}

function versionOf(node: NodeRecord, raw: string): Version {
  if (!/^\d{1,6}$/.test(raw)) throw invalidParameter('version_number');
  const v = node.versions.find((x) => x.number === Number(raw));
  if (!v) throw new CsError(404, `Version ${raw} of node ${node.id} does not exist.`);
  return v;
}

export function contentRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  for (const api of ['v1', 'v2']) {
    // v1 content says "Could not locate node" with a 500 where v2 says "Could not get a node" (notes §2.7).
    const document = (c: Context<EmulatorEnv>): NodeRecord => {
      try {
        return visibleDocument(rt, c);
      } catch (error) {
        if (api === 'v1' && error instanceof CsError && error.status === 400) throw contentNodeNotFound();
        throw error;
      }
    };
    const latest = (c: Context<EmulatorEnv>) => {
      const node = document(c);
      const v = latestVersion(node);
      if (!v) throw nodeNotFound(node.id);
      return sendVersion(c, node, v);
    };
    app.get(`/api/${api}/nodes/:id/content`, latest);
    app.get(`/api/${api}/nodes/:id/content/:filename`, latest);
    app.get(`/api/${api}/nodes/:id/versions/:n/content`, (c) => {
      const node = document(c);
      return sendVersion(c, node, versionOf(node, c.req.param('n')));
    });
  }

  app.get('/api/v2/nodes/:id/versions', (c) => {
    const node = visibleDocument(rt, c);
    const order = c.req.query('order') ?? 'asc';
    if (order !== 'asc' && order !== 'desc') throw invalidParameter('order');
    const versions = order === 'desc' ? [...node.versions].reverse() : node.versions;
    const { items, paging } = paginate(
      versions,
      pageRequest((n) => c.req.query(n), 100),
    );
    return c.json({
      links: {},
      collection: { paging },
      results: items.map((v) => ({ data: { versions: versionJson(node, v) } })),
    });
  });

  app.get('/api/v1/nodes/:id/versions/latest', (c) => {
    const node = visibleDocument(rt, c);
    const v = latestVersion(node);
    if (!v) throw nodeNotFound(node.id);
    return c.json({ data: versionJson(node, v) });
  });

  app.get('/api/v2/nodes/:id/versions/:n', (c) => {
    const node = visibleDocument(rt, c);
    return c.json({
      links: {},
      results: { data: { versions: versionJson(node, versionOf(node, c.req.param('n'))) } },
    });
  });

  app.post('/api/v2/nodes/:id/versions', async (c) => {
    const user = c.get('user');
    const node = writableNode(rt, c);
    if (node.type !== DOCUMENT_TYPE) throw nodeNotFound(node.id);
    const params = await readParams(c);
    const file = params.files['file'];
    if (!file) throw new CsError(400, 'A file is required to add a version.');
    const description = optionalString(params, 'description') ?? '';
    if (description.length > 255) throw invalidParameter('description', 'at most 255 characters');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const now = rt.clock.now();
    const previous = latestVersion(node);
    const v: Version = {
      number: (previous?.number ?? 0) + 1,
      fileName: file.name || previous?.fileName || node.name,
      mimeType:
        file.type && file.type !== 'application/octet-stream'
          ? file.type
          : mimeTypeForName(file.name || node.name, previous?.mimeType),
      size: bytes.length,
      createDate: now,
      ownerId: user.id,
      description,
      bytes,
    };
    node.versions.push(v);
    rt.state.touch(node, now, user.id);
    recordChange(rt, node, {
      eventType: AUDIT_EVENTS.addVersion.id,
      userId: user.id,
      detail: `version ${v.number}`,
      callout: 'document.revised',
    });
    return c.json({ links: {}, results: { data: { versions: versionJson(node, v) } } });
  });

  return app;
}
