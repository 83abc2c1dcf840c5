import { css } from 'lit';

export const workspaceCardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--xecm-card-color, var(--_text));
    line-height: 1.45;
  }
  .card {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: var(--xecm-card-gap, var(--_card-gap, 0.75rem));
    min-inline-size: 0;
    padding: var(--xecm-card-padding, 1rem);
    border: var(--xecm-card-border-width, 1px) solid var(--xecm-card-border-color, var(--_border));
    border-radius: var(--xecm-card-radius, var(--_radius));
    background: var(--xecm-card-background, var(--_surface));
    box-shadow: var(--xecm-card-shadow, none);
  }
  :host([layout='compact']) .card {
    /* A private default: a --xecm-card-gap set by the host still wins in the compact layout. */
    --_card-gap: 0.25rem;
    padding: var(--xecm-card-padding, 0.5rem 0.75rem);
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    min-inline-size: 0;
  }
  :host([layout='compact']) .header {
    align-items: center;
  }
  .icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: var(--_radius);
    color: var(--xecm-card-icon-color, var(--_accent));
    background: var(--xecm-card-icon-background, var(--_surface-raised));
  }
  :host([layout='compact']) .icon {
    inline-size: 1.75rem;
    block-size: 1.75rem;
  }
  .icon svg {
    inline-size: 60%;
    block-size: 60%;
  }
  .title {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
  }
  .link {
    color: var(--xecm-card-link-color, var(--_accent));
    font-weight: 600;
    font-size: 1.0625em;
    text-decoration: none;
    border-radius: 2px;
  }
  .link:hover .name {
    text-decoration: underline;
  }
  /* Long names wrap between words in the full layout (a word wider than the card still breaks) and
     end in an ellipsis in the compact one. */
  .name {
    min-inline-size: 0;
    overflow-wrap: break-word;
    unicode-bidi: isolate;
  }
  :host(:not([layout='compact'])) .name {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--xecm-card-name-lines, 3);
    line-clamp: var(--xecm-card-name-lines, 3);
    overflow: hidden;
  }
  :host(:not([layout='compact'])) .link {
    display: flex;
    align-items: flex-start;
  }
  :host(:not([layout='compact'])) .external {
    margin-block-start: 0.35em;
  }
  span.link {
    color: inherit;
  }
  :host([layout='compact']) .link {
    display: flex;
    align-items: baseline;
    min-inline-size: 0;
  }
  :host([layout='compact']) .name {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .external {
    flex: none;
    margin-inline-start: 0.25em;
    vertical-align: -0.05em;
  }
  :host(:dir(rtl)) .external {
    transform: scaleX(-1);
  }
  /* Each text takes its direction from its own content (an English value on a right-to-left page
     reads "12 documents", not "documents 12"), while the boxes still follow the page's direction. */
  .type,
  .count,
  .updated,
  .field dt,
  .field dd {
    unicode-bidi: plaintext;
  }
  .type {
    align-self: flex-start;
  }
  .field dt,
  .field dd {
    inline-size: fit-content;
    max-inline-size: 100%;
  }
  .type {
    color: var(--_text-muted);
    font-size: 0.8125em;
  }
  xecm-approval-badge {
    flex: none;
    max-inline-size: 45%;
  }
  /* On a narrow card the badge moves under the title when both do not fit on one line, so the name
     keeps the width to wrap between words ("Acme Corporation", not "Acme Corporatio / n"). */
  @container (max-width: 30rem) {
    :host(:not([layout='compact'])) .header {
      flex-wrap: wrap;
      row-gap: 0.375rem;
    }
    :host(:not([layout='compact'])) .title {
      max-inline-size: calc(100% - 2.25rem - 0.625rem);
    }
    :host(:not([layout='compact'])) xecm-approval-badge {
      max-inline-size: calc(100% - 2.25rem - 0.625rem);
      margin-inline-start: calc(2.25rem + 0.625rem);
    }
  }
  .metadata {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(11rem, 100%), 1fr));
    gap: 0.5rem 1rem;
    margin: 0;
  }
  .field {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .field dt {
    color: var(--_text-muted);
    font-size: 0.75em;
    text-transform: var(--xecm-card-label-transform, none);
  }
  .field dd {
    margin: 0;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    color: var(--_text-muted);
    font-size: 0.8125em;
  }
  :host([layout='compact']) .footer {
    padding-inline-start: 2.375rem;
  }
  .updated {
    position: relative;
  }
  time {
    border-radius: 2px;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  /* The exact time: read by screen readers in place, shown as a tooltip on hover and keyboard focus. */
  .tooltip {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  time:is(:hover, :focus-visible):not([data-dismissed]) + .tooltip {
    inline-size: max-content;
    max-inline-size: min(24rem, 80vw);
    block-size: auto;
    clip-path: none;
    white-space: normal;
    inset-block-end: calc(100% + 0.375rem);
    inset-inline-start: 0;
    z-index: 1;
    padding: 0.25rem 0.5rem;
    border-radius: 0.25rem;
    color: var(--xecm-tooltip-color, var(--_surface));
    background: var(--xecm-tooltip-background, var(--_text));
  }
  .status {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0;
  }
  .status svg {
    flex: none;
    margin-block-start: 0.1em;
  }
  .reference {
    display: block;
    color: var(--_text-muted);
    font-size: 0.8125em;
    user-select: all;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.375rem 0.875rem;
    border-radius: var(--_radius);
    border: 1px solid var(--xecm-button-border-color, var(--_accent));
    color: var(--xecm-button-color, var(--_accent));
    background: var(--xecm-button-background, transparent);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .error-text {
    color: var(--_danger);
  }
  .skeleton {
    display: block;
  }
  .skeleton.line {
    block-size: 0.875rem;
    inline-size: 60%;
  }
  /* A class, not a style attribute: hosts with a strict CSP (no 'unsafe-inline') block style attributes. */
  .skeleton.short {
    inline-size: 35%;
    margin-block-start: 0.4rem;
  }
  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
  }
`;
