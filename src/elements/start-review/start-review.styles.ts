import { css } from 'lit';

export const startReviewStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
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
  button:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  [part~='reason'] {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  [part~='dialog'] {
    width: min(32rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--xecm-start-review-dialog-background, var(--_surface));
    color: inherit;
  }
  [part~='dialog']::backdrop {
    background: var(--xecm-start-review-backdrop, #0006);
  }
  [part~='title'] {
    margin: 0 0 1rem;
    font-size: 1.15em;
  }
  fieldset {
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  legend,
  label.block {
    display: block;
    margin-bottom: 0.35rem;
    font-weight: 600;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: 0.15rem 0;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 5rem;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.66);
    padding: 0.4rem;
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
    margin: 0.25rem 0 1rem;
  }
  [part~='error'] {
    color: var(--_danger);
    margin: 0 0 1rem;
  }
  [part~='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  bdi {
    unicode-bidi: isolate;
  }
`;
