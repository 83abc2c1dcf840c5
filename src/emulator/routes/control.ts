// The control API under /emulator: drives scenarios in tests and demos. Never under /api, never faulted.
import { Hono } from 'hono';
import * as z from 'zod';
import type { EmulatorEnv, Runtime } from '../runtime.js';
import { createSeedState } from '../seed/seed.js';
import { WORKSPACE_TYPE } from '../state/emulator-state.js';
import { refreshWorkspace } from '../services/master-data.js';
import { actOnTask, WorkflowError } from '../services/workflows.js';
import { USERS } from '../seed/well-known.js';

const Advance = z.object({
  seconds: z
    .number()
    .finite()
    .min(0)
    .max(10 * 365 * 86400),
});
const Fault = z
  .object({
    method: z
      .string()
      .regex(/^[A-Za-z]{3,7}$/)
      .optional(),
    path: z.string().regex(/^\/(api|otdsws)(\/|$)/, 'path must start with /api or /otdsws'),
    count: z.number().int().min(1).max(1000).default(1),
    status: z.number().int().min(400).max(599).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    malformed: z.boolean().optional(),
  })
  .refine((f) => f.status !== undefined || f.delayMs !== undefined || f.malformed === true, {
    message: 'give at least one of status, delayMs or malformed',
  });
const Act = z.object({
  processId: z.number().int().positive(),
  user: z.string().min(1),
  action: z.enum(['Approve', 'Reject']),
  comment: z.string().max(1000).optional(),
});

async function jsonBody(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

function problem(error: z.ZodError): { error: string } {
  return { error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
}

export function controlRoutes(rt: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post('/emulator/reset', (c) => {
    rt.state = createSeedState();
    rt.clock.reset();
    rt.faults = [];
    rt.callouts.clear();
    return c.json({ ok: true });
  });

  app.get('/emulator/clock', (c) => c.json({ now: new Date(rt.clock.now()).toISOString() }));

  app.post('/emulator/clock/advance', async (c) => {
    const parsed = Advance.safeParse(await jsonBody(c));
    if (!parsed.success) return c.json(problem(parsed.error), 400);
    rt.clock.advance(parsed.data.seconds);
    return c.json({ now: new Date(rt.clock.now()).toISOString() });
  });

  app.get('/emulator/faults', (c) => c.json({ faults: rt.faults }));

  app.post('/emulator/faults', async (c) => {
    const parsed = Fault.safeParse(await jsonBody(c));
    if (!parsed.success) return c.json(problem(parsed.error), 400);
    const { count, ...rule } = parsed.data;
    rt.faults.push({
      ...rule,
      ...(rule.method ? { method: rule.method.toUpperCase() } : {}),
      remaining: count,
    });
    return c.json({ faults: rt.faults }, 201);
  });

  app.delete('/emulator/faults', (c) => {
    rt.faults = [];
    return c.json({ faults: [] });
  });

  app.post('/emulator/workflows/act', async (c) => {
    const parsed = Act.safeParse(await jsonBody(c));
    if (!parsed.success) return c.json(problem(parsed.error), 400);
    const user = rt.state.userByName(parsed.data.user);
    if (!user) return c.json({ error: `Unknown user ${parsed.data.user}.` }, 400);
    try {
      const process = actOnTask(
        rt,
        user,
        parsed.data.processId,
        undefined,
        parsed.data.action,
        parsed.data.comment ?? '',
      );
      return c.json({ processId: process.id, status: process.status });
    } catch (error) {
      if (error instanceof WorkflowError) return c.json({ error: error.message }, error.status);
      throw error;
    }
  });

  app.get('/emulator/callouts', (c) =>
    c.json({ enabled: rt.callouts.enabled, callouts: rt.callouts.records }),
  );

  app.post('/emulator/workspaces/:id/refresh', async (c) => {
    const id = Number(c.req.param('id'));
    const ws = Number.isSafeInteger(id) ? rt.state.nodes.get(id) : undefined;
    if (!ws || ws.type !== WORKSPACE_TYPE)
      return c.json({ error: `No workspace ${c.req.param('id')}.` }, 404);
    const status = await refreshWorkspace(rt, ws, USERS.admin.id);
    return c.json({ workspaceId: id, ...status }, status.ok ? 200 : 502);
  });

  return app;
}
