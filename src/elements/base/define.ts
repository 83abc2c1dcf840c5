import { devWarn } from './dev-warn.js';

/**
 * Registers `tag` unless it is already defined. A second registration of the same class is a no-op;
 * a different class under the same tag (two copies or versions of the library on one page) keeps the
 * first and warns instead of throwing, so one micro-frontend cannot break another.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor) {
    devWarn(
      null,
      `<${tag}> is already defined by another class (a second copy of xecm-elements?); keeping the first one.`,
    );
  }
}
