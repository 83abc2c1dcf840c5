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
  /*
   * The whole row (label) picks the workflow, and rows are at least 28 px apart, so each radio's
   * target clears the 24 px of WCAG 2.5.8 (axe target-size) even on a host page with a small type scale.
   */
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    box-sizing: border-box;
    min-block-size: max(28px, 1.75em);
    padding: 0.15rem 0.25rem;
    margin-inline: -0.25rem;
    border-radius: calc(var(--_radius) * 0.66);
    cursor: pointer;
  }
  .choice:hover {
    background: var(--_surface-raised);
  }
  .choice input {
    flex: none;
    margin: 0;
    inline-size: max(16px, 1.1em);
    block-size: max(16px, 1.1em);
    accent-color: var(--xecm-start-review-accent, var(--_accent));
    cursor: inherit;
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
