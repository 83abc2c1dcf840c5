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

  hostConnected(): void {}

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
    const next = moveInGrid(e.key, e.ctrlKey || e.metaKey, at, {
      rows: this.options.rows(),
      cols: this.options.cols,
      page,
      rtl,
    });
    if (!next) return;
    e.preventDefault();
    void this.focus(next);
  };

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

  private async focus(pos: GridPosition): Promise<void> {
    this.set(pos);
    await this.host.updateComplete;
    if (pos.row >= 0 && !this.target(pos)) {
      await this.options.reveal(pos.row);
      await this.host.updateComplete;
    }
    this.target(pos)?.focus();
  }
}
