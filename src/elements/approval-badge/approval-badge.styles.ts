import { css } from 'lit';

// Colours pair a tinted background with a darker text of the same hue (≥ 4.5:1 in light and dark),
// and every state also has its own icon and text, so colour is never the only signal.
export const approvalBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    max-inline-size: 100%;
    --_fg: var(--xecm-approval-none-color, var(--_text-muted));
    --_bg: var(--xecm-approval-none-background, var(--_surface-raised));
  }
  /* light-dark() follows color-scheme, which <xecm-provider theme> and the OS set (see tokens). */
  :host([state='draft']) {
    --_fg: var(--xecm-approval-draft-color, light-dark(#1e40af, #bfdbfe));
    --_bg: var(--xecm-approval-draft-background, light-dark(#dbeafe, #1e3a8a));
  }
  :host([state='in-review']) {
    --_fg: var(--xecm-approval-in-review-color, light-dark(#854d0e, #fde68a));
    --_bg: var(--xecm-approval-in-review-background, light-dark(#fef3c7, #713f12));
  }
  :host([state='approved']) {
    --_fg: var(--xecm-approval-approved-color, light-dark(#166534, #bbf7d0));
    --_bg: var(--xecm-approval-approved-background, light-dark(#dcfce7, #14532d));
  }
  :host([state='rejected']) {
    --_fg: var(--xecm-approval-rejected-color, light-dark(#991b1b, #fecaca));
    --_bg: var(--xecm-approval-rejected-background, light-dark(#fee2e2, #7f1d1d));
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    max-inline-size: 100%;
    box-sizing: border-box;
    padding-block: 0.15em;
    padding-inline: 0.45em 0.6em;
    border: 1px solid transparent; /* visible in forced-colors mode */
    border-radius: var(--xecm-badge-radius, 999px);
    font-family: var(--_font);
    background: var(--_bg);
    color: var(--_fg);
    font-size: var(--xecm-badge-font-size, 0.8125rem);
    font-weight: 600;
    line-height: 1.3;
    white-space: nowrap;
  }
  .icon {
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  .label {
    flex: none;
  }
  .step {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 400;
    unicode-bidi: isolate;
  }
  .step::before {
    content: '· ';
  }
  .badge[data-status='loading'] {
    inline-size: 6em;
    color: transparent;
    background: var(--_skeleton);
  }
  @media (prefers-reduced-motion: no-preference) {
    .badge[data-status='loading'] {
      animation: xecm-pulse 1.5s ease-in-out infinite;
    }
  }
  /* Icon-sized, yet a 24×24 px target (WCAG 2.5.8). */
  .retry {
    display: inline-grid;
    place-items: center;
    box-sizing: border-box;
    inline-size: 24px;
    block-size: 24px;
    margin-inline-start: 0.2em;
    padding: 0;
    vertical-align: middle;
    border: 1px solid transparent;
    border-radius: 999px;
    background: transparent;
    color: var(--_text-muted);
    font: inherit;
    cursor: pointer;
  }
  .retry:hover {
    background: var(--_surface-raised);
    border-color: currentColor;
  }
  .retry-icon {
    inline-size: 14px;
    block-size: 14px;
  }
  .badge[data-status='error'] {
    font-weight: 400;
    border-color: currentColor;
    background: transparent;
    color: var(--_text-muted);
  }
`;
