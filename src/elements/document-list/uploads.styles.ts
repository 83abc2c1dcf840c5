import { css } from 'lit';

/** Styles of the upload list; added to the list's shadow root when the upload code loads. */
export const uploadStyles = css`
  [part~='uploads'] {
    list-style: none;
    margin: 0;
    padding: 0 0.5rem;
  }
  [part~='upload'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(4rem, 10rem) auto;
    gap: 0.5rem;
    align-items: center;
    padding: 0.25rem 0;
  }
  [part~='upload'] .file {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [part~='upload'] .actions {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
  }
  [part~='upload'] .msg {
    grid-column: 1 / -1;
    font-size: 0.875em;
  }
  [part~='upload'][data-status='error'] .msg {
    color: var(--_danger);
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
  }
`;
