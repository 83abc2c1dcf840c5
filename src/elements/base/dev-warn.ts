import { isDevMode } from './dev-mode.js';

export const DOCS_URL = 'https://github.com/xecm-elements/xecm-elements/blob/main/docs/elements.md';

const issued = new Set<string>();

/**
 * Warns about a likely host mistake (an invalid attribute value, a missing client) in development
 * builds only, once per element tag and message, with a link to the docs.
 */
export function devWarn(el: Element | null, message: string): void {
  if (!isDevMode()) return;
  const tag = el ? `<${el.localName}> ` : '';
  const text = `[xecm-elements] ${tag}${message} See ${DOCS_URL}`;
  if (issued.has(text)) return;
  issued.add(text);
  console.warn(text, ...(el ? [el] : []));
}
