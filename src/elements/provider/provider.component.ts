import { consume, provide } from '@lit/context';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BffClient, type TokenProvider } from '../../client/bff-client.js';
import type { LiveEventsFactory } from '../../client/live-events.js';
import { sseLiveEvents } from '../../client/sse-live-events.js';
import { devWarn } from '../base/dev-warn.js';
import { XecmElement } from '../base/xecm-element.js';
import { clientContext } from './client-context.js';
import { providerStyles } from './provider.styles.js';

const defaultLiveEvents = sseLiveEvents();

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Configures the xecm elements inside it: which BFF to call and with which token, their language and
 * their color scheme. Providers nest; an inner one overrides only what it sets (an inner provider
 * without `bff-url` or `client` passes the outer client on).
 *
 * @summary Gives every xecm element inside it a BFF client, a locale and a theme.
 * @tag xecm-provider
 * @slot - The page content using xecm elements.
 * @cssprop --xecm-color-scheme - `light`, `dark` or `light dark`; set from `theme`.
 */
export class XecmProvider extends XecmElement {
  static override styles = [...[XecmElement.styles].flat(), providerStyles];

  /** Base URL of the BFF, e.g. `https://bff.example.com` or `/bff`. */
  @property({ attribute: 'bff-url', reflect: true }) bffUrl = '';

  /** Returns the current BFF token (called before requests, and with `{expired: true}` after a 401). */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Locale for the elements inside: `en`, `de`, `fr`, `es`, `ja`, `en-XA`, or any BCP 47 tag (falls back by language). */
  @property({ reflect: true }) locale?: string;

  /** `auto` follows the OS (`prefers-color-scheme`). */
  @property({ reflect: true }) theme: Theme = 'auto';

  /** Use this client instead of creating one from `bff-url` (share one between several providers). */
  @property({ attribute: false }) client?: BffClient;

  /** Live updates implementation, passed to the client this provider creates. */
  @property({ attribute: false }) liveEvents?: LiveEventsFactory;

  // --- Live updates (events feature) ---
  /**
   * Live updates for the client this provider creates (one SSE stream for all elements inside):
   * on unless `live="off"` (or `"false"`). `liveEvents` replaces the default implementation; `live="off"`
   * turns either off.
   */
  @property({ attribute: 'live', converter: { fromAttribute: (v) => v !== 'off' && v !== 'false' } })
  live = true;
  // --- end live updates ---

  /** Freshness of cached data in milliseconds for the client this provider creates. */
  @property({ type: Number, attribute: 'cache-ttl' }) cacheTtl?: number;

  /**
   * How long a request of the client this provider creates may take, in milliseconds, before the elements
   * show their network error with Retry (default 30000; `0` = no limit). Uploads and live updates are exempt.
   */
  @property({ type: Number }) timeout?: number;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private parentClient?: BffClient;

  @provide({ context: clientContext })
  @state()
  private providedClient?: BffClient;

  #ownClient?: BffClient;
  #ownClientFor = '';

  /** The client the elements inside use. */
  get effectiveClient(): BffClient | undefined {
    return this.providedClient;
  }

  /** Clears cached data (call when the user signs out or switches). */
  signOut(): void {
    this.providedClient?.signOut();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('locale')) {
      // Reflected as `lang` so every descendant (and the browser) sees it; the elements inside notice the
      // attribute change and re-render (see LocalizeController).
      if (this.locale) this.setAttribute('lang', this.locale);
      else if (changed.get('locale')) this.removeAttribute('lang');
    }
    if (changed.has('theme') && !(THEMES as readonly string[]).includes(this.theme)) {
      devWarn(this, `theme="${String(this.theme)}" is not one of ${THEMES.join(', ')}; using "auto".`);
    }
    this.providedClient = this.client ?? this.#clientFromUrl() ?? this.parentClient;
  }

  #clientFromUrl(): BffClient | undefined {
    if (!this.bffUrl) return undefined;
    // `live="off"` wins over a custom implementation too.
    const liveEvents = this.live ? (this.liveEvents ?? defaultLiveEvents) : undefined;
    const signature = `${this.bffUrl}\n${this.cacheTtl ?? ''}\n${this.timeout ?? ''}\n${liveEvents ? 'live' : ''}`;
    if (!this.#ownClient || this.#ownClientFor !== signature) {
      this.#ownClientFor = signature;
      this.#ownClient = new BffClient({
        baseUrl: this.bffUrl,
        // Read at call time, so a new tokenProvider takes effect without a new client (and its cache).
        // Without its own, an inner provider borrows the outer one's token.
        tokenProvider: (request) =>
          this.tokenProvider ? this.tokenProvider(request) : this.parentClient?.token(),
        ...(this.cacheTtl === undefined ? {} : { cacheTtlMs: this.cacheTtl }),
        ...(this.timeout === undefined || Number.isNaN(this.timeout) ? {} : { timeoutMs: this.timeout }),
        ...(liveEvents ? { liveEvents } : {}),
      });
    }
    return this.#ownClient;
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
