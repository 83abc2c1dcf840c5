import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type * as VirtualRowsModule from './virtual-rows.js';

type VirtualRows = typeof VirtualRowsModule;

/** Up to this many loaded rows render as plain DOM; more go through the (lazily loaded) virtualizer. */
export const VIRTUAL_THRESHOLD = 100;

/** Rows from the end of the loaded rows at which scrolling asks for the next page. */
const NEAR_END_ROWS = 3;

interface RowsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface RowsOptions<T> {
  key(item: T): unknown;
  render(item: T, index: number): TemplateResult;
  /** Scrolled close to the last loaded row (the list fetches the next page). */
  nearEnd(): void;
}

// One import per page, shared by every list.
let loaded: VirtualRows | undefined;
let loading: Promise<VirtualRows> | undefined;

/**
 * Renders the scrolling row group of the grid. Short lists are plain rows; once a list holds more than
 * {@link VIRTUAL_THRESHOLD} rows, @lit-labs/virtualizer is imported and renders only the rows near the
 * viewport, so 10,000 rows stay smooth. Until it has arrived the rows render plainly.
 */
export class RowsController<T> implements ReactiveController {
  private virtual = false;
  /** Last scroll position, so swapping plain for virtual rows (a new scroller element) keeps it. */
  private scrollTop = 0;
  private restoreScroll = false;
  private waiting = false;
  private rendered = 0;
  private grew = false;

  constructor(
    private readonly host: RowsHost,
    private readonly options: RowsOptions<T>,
  ) {
    host.addController(this);
  }

  /** Whether the rows are virtualized (only those near the viewport are in the DOM). */
  get virtualized(): boolean {
    return this.virtual;
  }

  hostUpdated(): void {
    const body = this.body();
    if (this.restoreScroll && body) body.scrollTop = this.scrollTop;
    this.restoreScroll = false;
    // Rows that do not fill the scroller leave nothing to scroll: ask for the next page right away
    // (the virtualizer did the same through its visibility events).
    if (this.grew && body && !this.virtual && body.scrollHeight <= body.clientHeight)
      queueMicrotask(() => this.options.nearEnd());
    this.grew = false;
  }

  /** The row group with `items`; call from render(). */
  render(items: readonly T[]): TemplateResult {
    this.grew = items.length !== this.rendered;
    this.rendered = items.length;
    const module = items.length > VIRTUAL_THRESHOLD ? this.load() : undefined;
    if (Boolean(module) !== this.virtual) {
      this.virtual = Boolean(module);
      this.restoreScroll = true;
    }
    // Two templates on purpose: the virtualizer styles its scroller inline, a plain group starts clean.
    // tabindex=-1: Chromium makes a scrolling container a tab stop of its own (unnamed, and a second one
    // next to the grid's roving tabindex); the arrow keys already scroll it through the focused cell.
    return module
      ? html`<div role="rowgroup" part="body" tabindex="-1" @scroll=${this.onScroll}>
          ${module.virtualRows(items, this.options.key, this.options.render)}
        </div>`
      : html`<div role="rowgroup" part="body" class="plain" tabindex="-1" @scroll=${this.onScroll}>
          ${items.map((item, i) => this.options.render(item, i))}
        </div>`;
  }

  /**
   * Resolves once a pending switch to virtual rows has rendered (at once when none is pending): the
   * switch replaces the row group, and with it any focus inside.
   */
  async settled(): Promise<void> {
    if (!this.waiting || !loading) return;
    await loading.catch(() => undefined);
    await this.host.updateComplete;
  }

  /** Makes sure row `index` is in the DOM (a virtualized row may not be) before it gets focus. */
  async reveal(index: number): Promise<void> {
    const body = this.body();
    if (loaded && this.virtual && body) await loaded.revealRow(body, index);
  }

  /** The scrolling row group (`part="body"`), once rendered. */
  body(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="body"]');
  }

  private load(): VirtualRows | undefined {
    if (loaded) return loaded;
    loading ??= import('./virtual-rows.js').then(
      (module) => (loaded = module),
      (error: unknown) => {
        // Offline or blocked: rows stay plain (correct, only heavier for very long lists); retry next time.
        loading = undefined;
        throw error;
      },
    );
    if (!this.waiting) {
      this.waiting = true;
      loading.then(
        () => {
          this.waiting = false;
          this.host.requestUpdate();
        },
        () => (this.waiting = false),
      );
    }
    return undefined;
  }

  private readonly onScroll = (e: Event): void => {
    const body = e.currentTarget as HTMLElement;
    this.scrollTop = body.scrollTop;
    const rowHeight = body.querySelector('[role="row"]')?.getBoundingClientRect().height || 40;
    if (body.scrollTop + body.clientHeight >= body.scrollHeight - NEAR_END_ROWS * rowHeight)
      this.options.nearEnd();
  };
}
