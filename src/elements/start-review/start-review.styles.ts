import { css } from 'lit';

export const startReviewStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    color: var(--_text);
  }
  button {
    font: inherit;
  }
  [part~='button'],
  [part~='submit'],
  [part~='cancel'],
  [part~='retry'] {
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.66);
    background: var(--_surface-raised);
    color: inherit;
    cursor: pointer;
  }
  [part~='button'],
  [part~='submit'] {
    background: var(--xecm-start-review-accent, var(--_accent));
    border-color: var(--xecm-start-review-accent, var(--_accent));
    color: var(--xecm-start-review-on-accent, var(--_on-accent));
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [part~='reason'] {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  [part~='error'] {
    color: var(--_danger);
    margin: 0 0 1rem;
  }
`;
