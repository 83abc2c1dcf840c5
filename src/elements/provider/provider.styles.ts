import { css } from 'lit';

export const providerStyles = css`
  :host {
    display: contents;
  }
  :host([theme='light']) {
    --xecm-color-scheme: light;
  }
  :host([theme='dark']) {
    --xecm-color-scheme: dark;
  }
`;
