import { css } from 'lit';

/**
 * Design tokens every element starts from. Hosts theme by setting the `--xecm-*` properties on any
 * ancestor (they inherit into shadow roots). Colors use `light-dark()`, resolved by `color-scheme`:
 * `--xecm-color-scheme` (set by `<xecm-provider theme>`, default `light dark` = follow the OS).
 * All text/background pairs meet WCAG AA in both schemes.
 */
export const tokens = css`
  :host {
    color-scheme: var(--xecm-color-scheme, light dark);
    --_text: var(--xecm-color-text, light-dark(#1f2328, #e6edf3));
    --_text-muted: var(--xecm-color-text-muted, light-dark(#57606a, #9ea7b3));
    --_surface: var(--xecm-color-surface, light-dark(#ffffff, #0d1117));
    --_surface-raised: var(--xecm-color-surface-raised, light-dark(#f6f8fa, #161b22));
    --_border: var(--xecm-color-border, light-dark(#c9d1d9, #3d444d));
    --_accent: var(--xecm-color-accent, light-dark(#0b5cad, #58a6ff));
    --_on-accent: var(--xecm-color-on-accent, light-dark(#ffffff, #0d1117));
    --_danger: var(--xecm-color-danger, light-dark(#b42318, #ff7b72));
    --_focus-ring: var(--xecm-focus-ring-color, light-dark(#0b5cad, #79c0ff));
    --_radius: var(--xecm-radius, 6px);
    --_font: var(--xecm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--xecm-font-size, 0.875rem);
    --_skeleton: var(--xecm-color-skeleton, light-dark(#e6e9ed, #2a3038));

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    box-sizing: border-box;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .skeleton {
    display: inline-block;
    min-height: 1em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    animation: xecm-pulse 1.5s ease-in-out infinite;
  }

  @keyframes xecm-pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
