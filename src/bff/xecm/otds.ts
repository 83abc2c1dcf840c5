import * as z from 'zod';
import type { BffConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import type { Fetcher, TextResponse } from './fetcher.js';

const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
});

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * OTDS OAuth: a client-credentials token for the BFF's service client, exchanged (RFC 8693, with
 * `requested_subject`) for a token that acts as the signed-in user.
 */
export class OtdsClient {
  #service: CachedToken | undefined;
  #serviceInflight: Promise<string> | undefined;

  constructor(
    private readonly config: BffConfig,
    private readonly fetcher: Fetcher,
    private readonly now: () => number = Date.now,
  ) {}

  async userToken(user: string): Promise<string> {
    try {
      return await this.#exchange(user);
    } catch (error) {
      // OTDS may have expired our service token before we expected; one fresh attempt decides.
      if (!(error instanceof StaleServiceToken)) throw error;
      try {
        return await this.#exchange(user);
      } catch (again) {
        if (again instanceof StaleServiceToken) throw serviceRefused(400, 'invalid_grant');
        throw again;
      }
    }
  }

  async #exchange(user: string): Promise<string> {
    const subject = await this.#serviceToken();
    const form = {
      grant_type: TOKEN_EXCHANGE,
      client_id: this.config.otds.clientId,
      client_secret: this.config.otds.clientSecret,
      subject_token: subject,
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: ACCESS_TOKEN_TYPE,
      requested_subject: user,
    };
    const res = await this.#post(form);
    if (res.status === 200) return this.#parse(res).access_token;
    const error = oauthError(res.text);
    // OTDS refuses to act as someone it does not know or may not impersonate: about this user.
    if (
      res.status === 403 ||
      res.status === 404 ||
      (res.status === 400 && (error === 'invalid_request' || error === 'access_denied'))
    ) {
      throw new ProblemError(403, 'forbidden', {
        detail: 'Your user cannot access Extended ECM through this BFF.',
      });
    }
    // Our service token expired early: one fresh attempt decides (see userToken).
    if (res.status === 400 && error === 'invalid_grant') {
      this.#service = undefined;
      throw new StaleServiceToken();
    }
    // invalid_client, unauthorized_client (no right to exchange tokens) …: the BFF's own credentials
    // are wrong, which every user meets alike. An outage to report, not a permission to deny.
    this.#service = undefined;
    throw serviceRefused(res.status, error);
  }

  async #serviceToken(): Promise<string> {
    if (this.#service && this.#service.expiresAt > this.now()) return this.#service.token;
    this.#serviceInflight ??= (async () => {
      try {
        const res = await this.#post({
          grant_type: 'client_credentials',
          client_id: this.config.otds.clientId,
          client_secret: this.config.otds.clientSecret,
        });
        const body = this.#parse(res);
        // Renew a minute early (or at half-life for short tokens) so a request never carries a dying token.
        const lifetimeMs = (body.expires_in ?? 300) * 1000;
        this.#service = {
          token: body.access_token,
          expiresAt: this.now() + Math.min(lifetimeMs - 60_000, lifetimeMs / 2),
        };
        return body.access_token;
      } finally {
        this.#serviceInflight = undefined;
      }
    })();
    return this.#serviceInflight;
  }

  #post(form: Record<string, string>): Promise<TextResponse> {
    return this.fetcher.fetchText(`${this.config.xecm.otdsUrl}/otdsws/oauth2/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  #parse(res: TextResponse): z.infer<typeof TokenResponse> {
    if (res.status !== 200) throw serviceRefused(res.status, oauthError(res.text));
    const parsed = TokenResponse.safeParse(parseJson(res.text));
    if (!parsed.success) throw new ProblemError(502, 'upstream-error');
    return parsed.data;
  }
}

/** Marks an exchange refused because of our service token; never leaves this module. */
class StaleServiceToken extends Error {}

const OAuthError = z.looseObject({ error: z.string().max(64) });

function oauthError(text: string): string | undefined {
  const parsed = OAuthError.safeParse(parseJson(text));
  return parsed.success ? parsed.data.error : undefined;
}

/**
 * OTDS refused the BFF's service client (wrong secret, no right to exchange tokens …): 502 for every
 * user alike. What OTDS said stays out of the answer and goes to the operator's log (see XecmClient).
 */
export class ServiceClientRefused extends ProblemError {
  constructor(
    readonly upstreamStatus: number,
    readonly oauthError: string | undefined,
  ) {
    super(502, 'upstream-error', {
      detail: 'Extended ECM sign-in for the BFF failed; this is a service problem, not your permissions.',
    });
  }
}

function serviceRefused(status: number, error: string | undefined): ServiceClientRefused {
  return new ServiceClientRefused(status, error && /^[a-z_]{1,64}$/.test(error) ? error : undefined);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
