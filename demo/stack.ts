// The whole demo in one process: xECM emulator, BFF (with provisioning, master data and the LOB hook),
// demo LOB backend with its pages, and the ERP webhook receiver. Used by `npm start` and the tests.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { startBffWithEvents, type RunningBffWithEvents } from '../src/bff/server.js';
import { registerSubscription } from '../src/bff/events/subscriptions.js';
import type { RouteModule } from '../src/bff/app.js';
import { loadConfig } from '../src/bff/config.js';
import { demoLobSystems, parseMasterDataConfig } from '../src/bff/masterdata/masterdata-config.js';
import { masterDataRoutes } from '../src/bff/routes/masterdata.js';
import { lobHookRoutes } from '../src/bff/routes/lob-hook.js';
import { provisioningRoutes } from '../src/bff/routes/provisioning.js';
import { parseReviewRules } from '../src/bff/services/review-rules.js';
import { SqliteStore } from '../src/bff/store/sqlite-store.js';
import { parseProvisioningConfig } from '../src/bff/services/provisioning.js';
import { WELL_KNOWN } from '../src/emulator/seed/well-known.js';
import { startEmulator } from '../src/emulator/server.js';
import { emulatorMasterDataSync } from './master-data-sync.js';
import { startReceiver, type Receiver } from './receiver/receiver.js';
import { startDemoServer, type DemoServer } from './server/server.js';
import { newWebhookSecret } from './server/webhook-signature.js';

export const DEFAULT_PORTS = { emulator: 4010, bff: 4000, demo: 4100, receiver: 4200 } as const;
export type StackPorts = Record<keyof typeof DEFAULT_PORTS, number>;

export interface DemoStackOptions {
  /** 0 = a free port (tests). Defaults to DEFAULT_PORTS. */
  ports?: Partial<StackPorts>;
  /** Folder of built pages (see demo/build-pages.ts); unset = API only. */
  pagesDir?: string;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Master-data cache TTL of the gateway (seconds). */
  masterDataCacheSeconds?: number;
  /**
   * Whether the emulator sends signed callouts to the BFF's `/hooks/xecm` (default true). Off, the BFF
   * learns of changes by polling only (what a deployment without workflow callouts gets).
   */
  callouts?: boolean;
  /** Change-detection interval while something is watched; unset = the BFF's production default. */
  detectorIntervalMs?: number;
}

export interface DemoStack {
  emulator: { url: string; port: number; close(): Promise<void> };
  bff: RunningBffWithEvents;
  demo: DemoServer;
  receiver: Receiver;
  secrets: {
    lobWebhook: string;
    receiverWebhook: string;
    masterDataToken: string;
    lobServiceToken: string;
    /** xECM (emulator) → BFF `/hooks/xecm` callouts. */
    xecmCallout: string;
  };
  close(): Promise<void>;
}

/** Finds a free loopback port (used to know every URL before anything starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Provisioning for the emulator's business object types; metadata keys map to category attributes. */
export function demoProvisioningConfig() {
  const { customer, project, case: kase } = WELL_KNOWN.categories;
  return parseProvisioningConfig({
    eventUser: WELL_KNOWN.users.admin.name,
    types: [
      {
        system: 'crm',
        boType: 'account',
        attributes: {
          accountNumber: customer.accountNumber,
          owner: customer.owner,
          region: customer.region,
          status: customer.status,
          industry: customer.industry,
        },
      },
      {
        system: 'erp',
        boType: 'supplier',
        attributes: {
          supplierNumber: customer.accountNumber,
          region: customer.region,
          status: customer.status,
        },
      },
      {
        system: 'erp',
        boType: 'purchase-order',
        attributes: {
          projectId: project.projectId,
          owner: project.owner,
          region: project.region,
          status: project.status,
          budget: project.budget,
        },
      },
      {
        system: 'cases',
        boType: 'case',
        attributes: {
          caseNumber: kase.caseNumber,
          owner: kase.owner,
          region: kase.region,
          status: kase.status,
          priority: kase.priority,
        },
      },
    ],
    events: [
      { event: 'account.created', system: 'crm', boType: 'account', idField: 'accountId', nameField: 'name' },
      {
        event: 'project.created',
        system: 'erp',
        boType: 'purchase-order',
        idField: 'projectId',
        nameField: 'name',
      },
      { event: 'case.created', system: 'cases', boType: 'case', idField: 'caseId', nameField: 'name' },
    ],
  });
}

/** Deals of 500,000 or more get a contract review on their account's workspace; regulated uploads a compliance review. */
export function demoReviewRules(workflowKeys: readonly string[]) {
  return parseReviewRules(
    {
      user: WELL_KNOWN.users.admin.name,
      rules: [
        {
          event: 'deal.updated',
          system: 'crm',
          workflow: 'contract-review',
          target: { kind: 'workspace', businessObject: { boType: 'account', idField: 'accountId' } },
          when: { field: 'amount', atLeast: 500_000 },
          onceField: 'dealId',
          comment: 'Deal value reached the contract review threshold.',
        },
        {
          event: 'document.uploaded',
          workflow: 'compliance-review',
          target: { kind: 'document', idField: 'documentId' },
          when: { field: 'regulated', equals: true },
          onceField: 'documentId',
          comment: 'Regulated document uploaded.',
        },
      ],
    },
    workflowKeys,
  );
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const wanted = { ...DEFAULT_PORTS, ...options.ports };
  // Every URL must be known up front: the BFF allows the demo origin, the demo sends events to the BFF.
  const ports: StackPorts = {
    emulator: wanted.emulator || (await freePort()),
    bff: wanted.bff || (await freePort()),
    demo: wanted.demo || (await freePort()),
    receiver: wanted.receiver || (await freePort()),
  };
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const secrets = {
    lobWebhook: newWebhookSecret(),
    receiverWebhook: newWebhookSecret(),
    masterDataToken: randomBytes(24).toString('base64url'),
    lobServiceToken: randomBytes(24).toString('base64url'),
    xecmCallout: newWebhookSecret(),
  };
  const started: { close(): Promise<void> }[] = [];
  const closeAll = async () => {
    for (const s of started.reverse()) await s.close().catch(() => undefined);
  };
  try {
    const emulator = await startEmulator({
      port: ports.emulator,
      masterDataUrl: `${origin(ports.bff)}/masterdata/v1`,
      masterDataToken: secrets.masterDataToken,
      // Approvals reach the BFF at once as signed callouts, whether or not a page watches the item.
      ...(options.callouts === false
        ? {}
        : { callout: { url: `${origin(ports.bff)}/hooks/xecm`, secret: secrets.xecmCallout } }),
    });
    started.push(emulator);

    const config = loadConfig({
      NODE_ENV: 'development',
      BFF_PORT: String(ports.bff),
      XECM_BASE_URL: emulator.url,
      BFF_DEV_IDENTITY: '1',
      BFF_ALLOWED_ORIGINS: origin(ports.demo),
      BFF_LOG_LEVEL: options.logLevel ?? 'warn',
      // The portal page (demo/pages/portal.html) reads the anonymous /portal/v1 routes.
      BFF_PORTAL: '1',
      BFF_PORTAL_SECRET: randomBytes(32).toString('base64url'),
      // Live events: in-memory store; the ERP receiver on the loopback may get plain-http webhooks.
      BFF_STORE_PATH: ':memory:',
      BFF_HOOK_SECRETS: secrets.xecmCallout,
      BFF_WEBHOOK_DEV_HOSTS: '127.0.0.1',
    });
    const provisioning = provisioningRoutes(demoProvisioningConfig());
    const masterData = masterDataRoutes(
      parseMasterDataConfig({
        serviceToken: secrets.masterDataToken,
        cacheTtlSeconds: options.masterDataCacheSeconds ?? 2,
        systems: demoLobSystems(origin(ports.demo), secrets.lobServiceToken),
      }),
    );
    // One store for events, deliveries, idempotency and which review rule fired for which deal.
    const store = new SqliteStore({ path: config.storePath });
    started.push({ close: async () => store.close() });
    const routes: RouteModule[] = [
      provisioning.mount,
      masterData.mount,
      lobHookRoutes({
        secrets: [secrets.lobWebhook],
        provisioning,
        rules: demoReviewRules(config.reviews.workflows.map((w) => w.key)),
      }),
    ];
    const bff = await startBffWithEvents(
      config,
      { routes, store },
      options.detectorIntervalMs !== undefined ? { detectorIntervalMs: options.detectorIntervalMs } : {},
    );
    started.push(bff);

    const receiver = await startReceiver({ port: ports.receiver, secrets: [secrets.receiverWebhook] });
    started.push(receiver);
    // The ERP hears about reviews and approval outcomes, signed with the secret it already trusts.
    await registerSubscription(
      bff.store,
      {
        url: `${origin(ports.receiver)}/webhooks`,
        eventTypes: [
          'review.started',
          'review.step-changed',
          'review.completed',
          'document.approved',
          'document.rejected',
        ],
        secret: secrets.receiverWebhook,
      },
      { devAllowedHosts: config.events.webhookDevHosts },
    );

    const sync = emulatorMasterDataSync({ emulatorUrl: emulator.url });
    const demo = await startDemoServer({
      onAccountUpdated: async (accountId) => {
        masterData.gateway.invalidate('crm', 'account', accountId);
        const workspaceId = await sync('crm', 'account', accountId);
        if (workspaceId) bff.ctx.workspaces.invalidate(workspaceId);
      },
      port: ports.demo,
      bffUrl: bff.url,
      emulatorUrl: emulator.url,
      receiverUrl: receiver.url,
      lobWebhookSecret: secrets.lobWebhook,
      masterDataToken: secrets.lobServiceToken,
      ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}),
    });
    started.push(demo);
    return { emulator, bff, demo, receiver, secrets, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
