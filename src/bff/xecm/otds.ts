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
      if (!(error instanceof ProblemError) || error.status !== 403) throw error;
      this.#service = undefined;
      return this.#exchange(user);
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
    if (res.status === 400 || res.status === 403 || res.status === 404) {
      // OTDS refuses to act as someone it does not know or may not impersonate.
      throw new ProblemError(403, 'forbidden', {
        detail: 'Your user cannot access Extended ECM through this BFF.',
      });
    }
    if (res.status === 401) {
      this.#service = undefined;
      throw new ProblemError(502, 'upstream-error');
    }
    return this.#parse(res).access_token;
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
    if (res.status !== 200) throw new ProblemError(502, 'upstream-error');
    const parsed = TokenResponse.safeParse(parseJson(res.text));
    if (!parsed.success) throw new ProblemError(502, 'upstream-error');
    return parsed.data;
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
