import type { RouteModule } from '../app.js';
import { verifyWebhook, WebhookVerificationError } from '../events/webhook-signature.js';
import { limitBody } from '../http/body-limit.js';
import { ProblemError } from '../http/problem.js';
import { LobEvent } from '../services/provisioning.js';
import { ReviewRules, type ReviewRulesConfig } from '../services/review-rules.js';
import type { ProvisioningModule } from './provisioning.js';

const BODY_LIMIT = 32 * 1024;

export interface LobHookOptions {
  /**
   * `whsec_…` secrets LOB systems sign their events with (several during a rotation). `<system>=whsec_…`
   * binds a secret to one system: a system with bound secrets accepts only those, so one LOB system cannot
   * send events as another; unbound secrets serve every system that has none of its own.
   */
  secrets: readonly string[];
  /** Review rules (docs/reviews.md); none = no reviews started by events. */
  rules?: ReviewRulesConfig;
  /** Provisioning on `account.created` etc. when that module is mounted too. */
  provisioning?: ProvisioningModule;
}

/**
 * `POST /hooks/lob/:system`: Standard Webhooks over the raw body, then provisioning (when configured for the
 * event) and the review rules. Replaces `lobProvisioningHook` where both are wanted.
 */
export function lobHookRoutes(options: LobHookOptions): RouteModule {
  const secretsFor = systemSecrets(options.secrets);
  return (app, ctx) => {
    // Which rule fired for which deal/document is remembered in ctx.reviewStore.
    const rules = options.rules ? new ReviewRules(options.rules, ctx) : undefined;
    // The limit applies while the body arrives: an unauthenticated sender cannot make us buffer more.
    app.post('/hooks/lob/:system', limitBody(BODY_LIMIT), async (c) => {
      const system = c.req.param('system');
      if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(system)) throw new ProblemError(404, 'not-found');
      const raw = await c.req.text();
      try {
        verifyWebhook(c.req.header(), raw, { secrets: secretsFor(system) });
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        throw new ProblemError(401, 'unauthenticated', {
          detail: 'The webhook signature is missing, stale or wrong.',
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ProblemError(400, 'bad-request', { detail: 'The body is not valid JSON.' });
      }
      const parsed = LobEvent.safeParse(json);
      if (!parsed.success) throw new ProblemError(400, 'bad-request', { detail: 'Expected {type, data}.' });
      const event = parsed.data;
      const provisioned = await options.provisioning?.service?.handleLobEvent(system, event);
      if (provisioned) {
        return c.json(
          {
            accepted: true,
            action: provisioned.created ? 'workspace-created' : 'workspace-exists',
            workspaceId: provisioned.workspace.id,
          },
          200,
        );
      }
      const outcomes = (await rules?.handle(system, event)) ?? [];
      const started = outcomes.find((o) => o.action === 'review-started');
      if (started?.review) {
        return c.json({ accepted: true, action: 'review-started', reviewId: started.review.id }, 200);
      }
      return c.json({ accepted: true, action: outcomes[0]?.action ?? 'none' }, outcomes.length ? 200 : 202);
    });
  };
}

const BOUND_SECRET = /^([a-z0-9][a-z0-9_-]{0,63})=(whsec_.+)$/;

/** The secrets that may sign events of each system (see {@link LobHookOptions.secrets}). */
function systemSecrets(entries: readonly string[]): (system: string) => readonly string[] {
  const bound = new Map<string, string[]>();
  const shared: string[] = [];
  for (const entry of entries) {
    const match = BOUND_SECRET.exec(entry);
    if (!match) {
      shared.push(entry);
      continue;
    }
    const list = bound.get(match[1]!) ?? [];
    list.push(match[2]!);
    bound.set(match[1]!, list);
  }
  return (system) => bound.get(system) ?? shared;
}
