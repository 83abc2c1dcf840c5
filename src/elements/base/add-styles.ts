import { adoptStyles, type CSSResult, type LitElement } from 'lit';

/**
 * Adds styles that arrived with a lazily loaded part of an element (a dialog, the upload list) to its
 * shadow root, after the element's own `static styles`.
 */
export function addStyles(el: LitElement, styles: CSSResult): void {
  const root = el.renderRoot;
  if (typeof ShadowRoot === 'undefined' || !(root instanceof ShadowRoot)) return;
  adoptStyles(root, [...(el.constructor as typeof LitElement).elementStyles, styles]);
}
