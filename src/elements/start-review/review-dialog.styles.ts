import { css } from 'lit';

/** Styles of the confirmation dialog; added to the element's shadow root when the dialog code loads. */
export const reviewDialogStyles = css`
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
  [part~='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
`;
