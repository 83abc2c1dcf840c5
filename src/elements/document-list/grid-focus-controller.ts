import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveInGrid, type GridPosition } from './grid-navigation.js';

interface GridHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface GridFocusOptions {
  /** Loaded document rows (the header is row -1). */
  rows(): number;
  cols: number;
  /** The scrolling row group (its height makes one PageUp/PageDown). */
  body(): HTMLElement | null | undefined;
  /** Brings a row that is not rendered (virtualized rows) into the DOM. */
  reveal(row: number): Promise<void>;
  /** Enter on a row (outside its buttons). */
  activate(row: number): void;
}

/**
 * The grid's keyboard model: one tab stop (roving tabindex over cells, or the button inside a cell),
 * arrow/Home/End/Page keys per WAI-ARIA grid, and rows that are not rendered (virtualized) revealed first.
 */
export class GridFocusController implements ReactiveController {
  private active: GridPosition = { row: -1, col: 0 };

  constructor(
    private readonly host: GridHost,
    private readonly options: GridFocusOptions,
  ) {
    host.addController(this);
  }

  // The tab stop must not stay on a column a narrower list no longer shows (a hidden cell takes no focus).
  // Created on connect: server-side rendering has no ResizeObserver.
  private resize?: ResizeObserver;

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.resize ??= new ResizeObserver(() => {
      const shown = this.shownColumns();
      const col = shown[nearest(shown, this.active.col)]!;
      if (col !== this.active.col) this.set({ row: this.active.row, col });
    });
    this.resize.observe(this.host);
  }

  hostDisconnected(): void {
    this.resize?.disconnect();
  }

  /** `tabindex` of the cell (or its button) at `row`, `col`. */
  tab(row: number, col: number): '0' | '-1' {
    const a = this.activeCell;
    return a.row === row && a.col === col ? '0' : '-1';
  }

  readonly onKeydown = (e: KeyboardEvent): void => {
    const cell = (e.target as Element).closest<HTMLElement>('[data-col]');
    if (!cell) return;
    const at = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    if (e.key === 'Enter' && at.row >= 0 && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      this.options.activate(at.row);
      return;
    }
    const rowHeight = cell.getBoundingClientRect().height || 40;
    const page = Math.max(1, Math.floor((this.options.body()?.clientHeight ?? 400) / rowHeight) - 1);
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    // Narrow lists hide columns (container queries): move over the shown ones only.
    const shown = this.shownColumns();
    const next = moveInGrid(
      e.key,
      e.ctrlKey || e.metaKey,
      { row: at.row, col: nearest(shown, at.col) },
      { rows: this.options.rows(), cols: shown.length, page, rtl },
    );
    if (!next) return;
    e.preventDefault();
    void this.focus({ row: next.row, col: shown[next.col] ?? at.col });
  };

  /** Column numbers whose header is displayed, in order. */
  private shownColumns(): number[] {
    const heads = this.host.renderRoot.querySelectorAll<HTMLElement>('[data-row="-1"][data-col]');
    const shown = [...heads].filter((h) => h.getClientRects().length > 0).map((h) => Number(h.dataset.col));
    return shown.length > 0 ? shown : Array.from({ length: this.options.cols }, (_, i) => i);
  }

  /** Clicks and programmatic focus move the tab stop too. */
  readonly onFocusIn = (e: FocusEvent): void => {
    const cell = (e.target as Element).closest<HTMLElement>('[data-col]');
    if (!cell) return;
    const pos = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    if (pos.row !== this.active.row || pos.col !== this.active.col) this.set(pos);
  };

  private get activeCell(): GridPosition {
    return { row: Math.min(this.active.row, this.options.rows() - 1), col: this.active.col };
  }

  private set(pos: GridPosition): void {
    this.active = pos;
    this.host.requestUpdate();
  }

  private target(pos: GridPosition): HTMLElement | null {
    const cell = this.host.renderRoot.querySelector<HTMLElement>(
      `[data-row="${pos.row}"][data-col="${pos.col}"]`,
    );
    return cell?.querySelector<HTMLElement>('button') ?? cell;
  }

  /**
   * Moves the tab stop to `row`, `col` and focuses it (revealing a virtualized row first). Resolves
   * false when the cell could not be rendered.
   */
  focusCell(row: number, col: number): Promise<boolean> {
    return this.focus({ row, col });
  }

  private async focus(pos: GridPosition): Promise<boolean> {
    this.set(pos);
    await this.host.updateComplete;
    if (pos.row >= 0 && !this.target(pos)) {
      await this.options.reveal(pos.row);
      await this.host.updateComplete;
    }
    const target = this.target(pos);
    target?.focus();
    return Boolean(target);
  }
}

/** Index in `shown` of `col`, or of the shown column nearest before it when it is hidden. */
function nearest(shown: readonly number[], col: number): number {
  const exact = shown.indexOf(col);
  if (exact >= 0) return exact;
  const before = shown.filter((c) => c < col).length;
  return Math.max(0, before - 1);
}
