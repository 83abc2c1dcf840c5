/** A cell position in the grid: row -1 is the header row, rows 0… are documents. */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

export interface GridBounds {
  readonly rows: number;
  readonly cols: number;
  /** Rows one PageUp/PageDown moves. */
  readonly page: number;
  readonly rtl: boolean;
}

/**
 * The WAI-ARIA grid keyboard model: arrows move by one cell (left/right mirrored in RTL),
 * Home/End to the row's first/last cell (with Ctrl: the grid's first/last row), PageUp/PageDown by a page.
 * Returns undefined for keys the grid does not handle, so they keep their default action.
 */
export function moveInGrid(
  key: string,
  ctrl: boolean,
  at: GridPosition,
  b: GridBounds,
): GridPosition | undefined {
  const lastRow = b.rows - 1;
  const lastCol = b.cols - 1;
  const forward = b.rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = b.rtl ? 'ArrowRight' : 'ArrowLeft';
  const clampRow = (r: number) => Math.max(-1, Math.min(lastRow, r));
  switch (key) {
    case forward:
      return { row: at.row, col: Math.min(lastCol, at.col + 1) };
    case backward:
      return { row: at.row, col: Math.max(0, at.col - 1) };
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col };
    case 'Home':
      return ctrl ? { row: -1, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: at.row, col: lastCol };
    case 'PageDown':
      return { row: clampRow(at.row + b.page), col: at.col };
    case 'PageUp':
      return { row: clampRow(at.row - b.page), col: at.col };
    default:
      return undefined;
  }
}
