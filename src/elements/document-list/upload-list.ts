import { html, nothing, svg, type TemplateResult } from 'lit';
import type { documentList } from '../i18n/en/document-list.js';
import type { UploadEntry } from './upload-queue.js';

interface UploadActions {
  message(code: string | undefined): string;
  cancel(id: number): void;
  dismiss(id: number): void;
}

interface Formatter {
  bytes(n: number): string;
}

const closeIcon = svg`<path d="M4 4l8 8m0-8l-8 8" stroke="currentColor" stroke-width="1.6"/>`;

/** The clear, user-facing text for an upload problem code. */
export function uploadMessage(
  t: typeof documentList,
  code: string | undefined,
  rules: { max: string | undefined; accept: string | undefined },
): string {
  switch (code) {
    case 'payload-too-large':
      return rules.max ? t.tooLarge(rules.max) : t.tooLargeServer;
    case 'unsupported-media-type':
      return rules.accept ? t.typeNotAllowed(rules.accept) : t.typeRejected;
    case 'name-conflict':
      return t.nameConflict;
    case 'forbidden':
      return t.uploadForbidden;
    default:
      return t.uploadFailed;
  }
}

/** Per-file progress, cancel and result of the uploads started in this list. */
export function renderUploads(
  entries: readonly UploadEntry[],
  t: typeof documentList,
  fmt: Formatter,
  actions: UploadActions,
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<ul part="uploads" aria-label=${t.uploads}>
    ${entries.map((e) => {
      const name = e.file.name;
      const uploading = e.status === 'uploading';
      return html`<li part="upload" data-status=${e.status}>
        <span class="file" title=${name}><bdi>${name}</bdi></span>
        ${
          uploading
            ? html`<progress
                max=${e.total || 1}
                .value=${e.loaded}
                aria-label=${t.uploading(name)}
              ></progress>`
            : html`<span class="hint">${fmt.bytes(e.total)}</span>`
        }
        <button
          class="icon-btn"
          aria-label=${uploading ? t.cancelUpload(name) : t.dismiss(name)}
          title=${uploading ? t.cancel : t.close}
          @click=${() => (uploading ? actions.cancel(e.id) : actions.dismiss(e.id))}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${closeIcon}</svg>
        </button>
        ${
          e.status === 'error'
            ? html`<span class="msg" role="alert">${actions.message(e.errorCode)}</span>`
            : e.status === 'done'
              ? html`<span class="msg" role="status">${t.uploaded}</span>`
              : e.status === 'canceled'
                ? html`<span class="msg" role="status">${t.canceled}</span>`
                : nothing
        }
      </li>`;
    })}
  </ul>`;
}
