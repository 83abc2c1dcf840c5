// A stand-in for Content Server's web UI: deep links `{emulatorUrl}/app/nodes/{id}` land on a tiny page.
import { Hono } from 'hono';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { typeName } from '../present/node-properties.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function webUiRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.get('/app/nodes/:id', (c) => {
    const raw = c.req.param('id');
    const node = /^\d{1,12}$/.test(raw) ? rt.state.nodes.get(Number(raw)) : undefined;
    const body = node
      ? `<h1>${escapeHtml(node.name)}</h1><p>${escapeHtml(typeName(node.type))} ${node.id} in the emulated Extended ECM.</p>`
      : `<h1>Not found</h1><p>There is no node ${escapeHtml(raw)}.</p>`;
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Extended ECM emulator</title>` +
        `<style>body{font:16px system-ui;margin:2rem}</style></head><body>${body}</body></html>`,
      node ? 200 : 404,
    );
  });
  return app;
}
