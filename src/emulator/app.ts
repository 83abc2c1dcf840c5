// The emulator's Hono app: OTDS, Content Server REST (/api) and the control API (/emulator).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EmulatorOptions } from './options.js';
import { resolveOptions } from './options.js';
import { createRuntime, type EmulatorEnv, type Runtime } from './runtime.js';
import { authenticate } from './http/authenticate.js';
import { CsError, UNKNOWN_ROUTE } from './http/cs-error.js';
import { injectFaults } from './http/faults.js';
import { CalloutLog } from './services/callouts.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes, publicAuthRoutes } from './routes/auth.js';
import { categoryRoutes } from './routes/categories.js';
import { contentRoutes } from './routes/content.js';
import { controlRoutes } from './routes/control.js';
import { memberRoutes } from './routes/members.js';
import { nodeRoutes } from './routes/nodes.js';
import { otdsRoutes } from './routes/otds.js';
import { searchRoutes } from './routes/search.js';
import { webUiRoutes } from './routes/web-ui.js';
import { workflowStatusRoutes } from './routes/workflow-status.js';
import { workflowRoutes } from './routes/workflows.js';
import { workspaceCreateRoutes } from './routes/workspace-create.js';
import { workspaceRoutes } from './routes/workspaces.js';

export interface EmulatorApp {
  readonly app: Hono<EmulatorEnv>;
  readonly runtime: Runtime;
}

export function createEmulatorApp(options: EmulatorOptions = {}): EmulatorApp {
  const resolved = resolveOptions(options);
  const runtime = createRuntime(resolved, new CalloutLog(resolved.callout));
  const app = new Hono<EmulatorEnv>();
  // Safety net for the cached list orders (node-query.ts): whatever a write changed, lists rebuild after it.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') runtime.state.markChanged();
  });

  const limit = bodyLimit({
    maxSize: resolved.maxUploadBytes,
    onError: (c) =>
      c.json({ error: `The upload exceeds the maximum size of ${resolved.maxUploadBytes} bytes.` }, 413),
  });
  for (const prefix of ['/api/*', '/otdsws/*'] as const) {
    app.use(prefix, injectFaults(runtime));
    app.use(prefix, limit);
  }
  app.route('/', otdsRoutes(runtime));
  app.route('/', publicAuthRoutes(runtime));
  app.use('/api/*', authenticate(runtime));
  for (const routes of [
    authRoutes,
    workspaceRoutes,
    nodeRoutes,
    contentRoutes,
    categoryRoutes,
    auditRoutes,
    workflowRoutes,
    workflowStatusRoutes,
    workspaceCreateRoutes,
    searchRoutes,
    memberRoutes,
  ]) {
    app.route('/', routes(runtime));
  }
  app.route('/', controlRoutes(runtime));
  app.route('/', webUiRoutes(runtime));

  app.notFound((c) =>
    c.req.path.startsWith('/api/') || c.req.path === '/api'
      ? c.json({ error: UNKNOWN_ROUTE }, 400)
      : c.json({ error: `No route for ${c.req.method} ${c.req.path}.` }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof CsError) return c.json({ error: error.message }, error.status);
    return c.json({ error: 'An internal error occurred in the emulated Content Server.' }, 500);
  });
  return { app, runtime };
}
