// Loaded on demand (dynamic import) by RowsController once a list holds more rows than it renders plainly:
// most lists never pay for @lit-labs/virtualizer.
import type { TemplateResult } from 'lit';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';

/** The rows through the virtualizer: only those near the viewport are in the DOM; `body` is the scroller. */
export function virtualRows<T>(
  items: readonly T[],
  key: (item: T) => unknown,
  renderItem: (item: T, index: number) => TemplateResult,
): unknown {
  return virtualize({ items: items as T[], scroller: true, keyFunction: key, renderItem });
}

const LAYOUT_WAIT_MS = 1_000;

/** Scrolls row `index` into the DOM (and view) and waits until the virtualizer has rendered it. */
export async function revealRow(body: HTMLElement, index: number): Promise<void> {
  const virtualizer = (body as VirtualizerHostElement)[virtualizerRef];
  if (!virtualizer) return;
  try {
    virtualizer.element(index)?.scrollIntoView({ block: 'nearest' });
  } catch {
    // A virtualizer created a moment ago loads its layout asynchronously and cannot scroll yet (it throws):
    // wait for its first layout (bounded, in case none is pending) and try once more.
    await Promise.race([
      virtualizer.layoutComplete.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, LAYOUT_WAIT_MS)),
    ]);
    virtualizer.element(index)?.scrollIntoView({ block: 'nearest' });
  }
  await virtualizer.layoutComplete.catch(() => undefined);
}
