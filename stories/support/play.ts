// Helpers for play functions: stories that show a state only reachable by interaction (an open dialog,
// uploads in progress, a filter without matches) get there by themselves, so designers see it at once.

/** Waits until `probe` returns something truthy (checked every 50 ms), or throws after `timeoutMs`. */
export async function until<T>(probe: () => T | null | undefined | false, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${probe.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first `selector` match inside `host`'s shadow root. */
export function inShadow<E extends Element = HTMLElement>(host: Element | null, selector: string): E | null {
  return host?.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** The element `tag` in the story, once it exists and has rendered `selector` in its shadow root. */
export async function rendered<E extends Element = HTMLElement>(
  canvas: HTMLElement,
  tag: string,
  selector: string,
): Promise<{ host: HTMLElement; part: E }> {
  return until(() => {
    const host = canvas.querySelector<HTMLElement>(tag);
    const part = inShadow<E>(host, selector);
    return host && part ? { host, part } : undefined;
  });
}

/** A file of `size` bytes (content does not matter to the mock BFF). */
export function fakeFile(name: string, size: number, type = 'application/pdf'): File {
  return new File([new Uint8Array(size)], name, { type });
}
