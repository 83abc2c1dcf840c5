import { css } from 'lit';

export const documentListStyles = css`
  :host {
    display: block;
    position: relative;
    color: var(--xecm-document-list-color, var(--_text));
    background: var(--xecm-document-list-background, var(--_surface));
    border: var(--xecm-document-list-border, 1px solid var(--_border));
    border-radius: var(--_radius);
    /* Each minimum holds its column's header (label + sort arrow) in every shipped locale, so a ~700 px
       list (the demo's CRM card) shows all headers in full and never scrolls sideways; spare width goes
       mostly to the name. The approval minimum holds a one-word badge ("Freigegeben") with its icon
       (the name gave up the rem for it, so the container-query steps below stay where they were);
       longer values wrap inside their cell (see below). */
    --_columns: minmax(7rem, 3fr) minmax(3.75rem, 0.5fr) minmax(5.25rem, 0.9fr) minmax(5.25rem, 0.3fr)
      minmax(7rem, 1fr) minmax(8.5rem, 1.2fr) 3rem;
    --_row-height: var(--xecm-document-list-row-height, 2.5rem);
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.5rem;
  }
  [part~='filter'] {
    flex: 1 1 12rem;
    min-width: 0;
    font: inherit;
    padding: 0.35rem 0.5rem;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.66);
  }
  button {
    font: inherit;
    color: inherit;
  }
  .btn {
    padding: 0.35rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.66);
    background: var(--_surface-raised);
    cursor: pointer;
  }
  .btn[aria-disabled='true'],
  .btn:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  [part~='grid'] {
    display: block;
    border-top: 1px solid var(--_border);
    container: xecm-document-grid / inline-size;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    width: 100%;
    min-height: var(--_row-height);
    border-bottom: 1px solid var(--_border);
  }
  /* Narrower lists drop the least telling columns first (type, version, size, modified) instead of clipping
     headers or scrolling sideways. Hidden cells leave the accessibility tree; the others keep their
     aria-colindex, and the arrow keys skip hidden columns. */
  @container xecm-document-grid (width < 43rem) {
    .row {
      --_columns: minmax(7rem, 3fr) minmax(5.25rem, 0.9fr) minmax(5.25rem, 0.3fr) minmax(7rem, 1fr)
        minmax(8.5rem, 1.2fr) 3rem;
    }
    .row > :nth-child(2) {
      display: none;
    }
  }
  @container xecm-document-grid (width < 37rem) {
    .row {
      --_columns: minmax(7rem, 3fr) minmax(5.25rem, 0.9fr) minmax(7rem, 1fr) minmax(8.5rem, 1.2fr) 3rem;
    }
    .row > :nth-child(4) {
      display: none;
    }
  }
  @container xecm-document-grid (width < 32rem) {
    .row {
      --_columns: minmax(7rem, 3fr) minmax(7rem, 1fr) minmax(8.5rem, 1.2fr) 3rem;
    }
    .row > :nth-child(3) {
      display: none;
    }
  }
  @container xecm-document-grid (width < 27rem) {
    .row {
      --_columns: minmax(6rem, 3fr) minmax(8.5rem, 1.2fr) 3rem;
    }
    .row > :nth-child(5) {
      display: none;
    }
  }
  /* Reserve the same gutter as the scrolling body so header and cells line up. */
  .head {
    overflow-y: hidden;
    scrollbar-gutter: stable;
  }
  .head-row {
    font-weight: 600;
    background: var(--_surface-raised);
  }
  .cell {
    min-width: 0;
    padding: 0 0.5rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    outline-offset: -2px;
  }
  .cell:focus-visible,
  .cell button:focus-visible,
  .btn:focus-visible,
  [part~='filter']:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: -2px;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    max-width: 100%;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    font-weight: inherit;
    cursor: pointer;
  }
  .sort svg {
    flex: none;
    opacity: 0.35;
  }
  [aria-sort] .sort svg {
    opacity: 1;
  }
  [aria-sort='descending'] .sort svg {
    transform: rotate(180deg);
  }
  [part~='body'] {
    /* A scrollbar that appears must not narrow the rows (that re-measures them in a ResizeObserver loop). */
    scrollbar-gutter: stable;
    overflow: auto;
    height: var(--xecm-document-list-height, 24rem);
    max-height: var(--xecm-document-list-height, 24rem);
  }
  /* Plain (not virtualized) rows: the group is only as tall as its rows, up to the same height. */
  .plain {
    height: auto;
  }
  [part~='name'] {
    display: block;
    max-width: 100%;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .icon-btn {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) * 0.66);
    background: none;
    cursor: pointer;
  }
  .icon-btn:hover,
  .btn:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 10%, transparent);
  }
  /* Every row is a grid of its own, so a column cannot grow to its widest cell: values that do not fit
     ("289 bytes", "12 months ago", a badge in German or French) wrap instead of being cut. The name
     keeps its single line with an ellipsis (the full name is its tooltip). */
  [role='gridcell'] {
    white-space: normal;
    overflow-wrap: break-word;
    text-overflow: clip;
    padding-block: 0.25rem;
  }
  [part~='approval'] {
    max-width: 100%;
  }
  /* A badge too wide for the cell wraps: the label stays next to its icon and breaks between words,
     the review step moves to a line of its own. */
  [part~='approval']::part(base) {
    flex-wrap: wrap;
    white-space: normal;
    overflow-wrap: break-word;
    /* A pill on one line (the radius exceeds half its height), a rounded box when it wraps. */
    border-radius: min(var(--xecm-badge-radius, 999px), 0.8rem);
  }
  [part~='approval']::part(label) {
    flex: 1 1 0;
  }
  [part~='approval']::part(step) {
    flex: 0 1 auto;
    min-width: 0;
    overflow: visible;
  }
  .skeleton-row .cell::before {
    content: '';
    display: block;
    height: 0.8em;
    border-radius: 4px;
    background: var(--_skeleton);
    animation: xecm-pulse 1.5s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-row .cell::before {
      animation: none;
    }
  }
  [part~='status'],
  [part~='empty'] {
    padding: 1rem;
  }
  [part~='error'] {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    flex-wrap: wrap;
    padding: 0.75rem 1rem;
    color: var(--_danger);
  }
  /* The request reference under an error (selectable in one go, to paste into a ticket). */
  .reference {
    display: block;
    color: var(--_text-muted);
    font-size: 0.8125em;
    user-select: all;
  }
  [part~='footer'] {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    padding: 0.5rem;
  }
  [part~='dropzone'] {
    position: absolute;
    inset: 0;
    display: none;
    place-items: center;
    border: 2px dashed var(--_accent);
    border-radius: inherit;
    background: var(
      --xecm-document-list-drop-background,
      color-mix(in srgb, var(--_surface) 85%, var(--_accent))
    );
    font-weight: 600;
    pointer-events: none;
    z-index: 1;
  }
  :host([dragging]) [part~='dropzone'] {
    display: grid;
  }
`;
