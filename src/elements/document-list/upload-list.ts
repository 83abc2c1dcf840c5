import { html, nothing, svg, type TemplateResult } from 'lit';
import type { documentList } from '../i18n/en/document-list.js';
import type { UploadEntry } from './upload-queue.js';
import { MAX_FILE_NAME_LENGTH } from './upload-validation.js';

interface UploadActions {
  message(code: string | undefined): string;
  cancel(id: number): void;
  dismiss(id: number): void;
  canRetry(id: number): boolean;
  retry(id: number): void;
}

interface Formatter {
  bytes(n: number): string;
}

const closeIcon = svg`<path d="M4 4l8 8m0-8l-8 8" stroke="currentColor" stroke-width="1.6"/>`;

/**
 * The clear, user-facing text for an upload problem code, in the user's language. Never the server's
 * `detail`: that is English and written for developers.
 */
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
    // The only input of an upload the BFF judges with a 400 is the file name.
    case 'bad-request':
      return t.uploadBadName;
    case 'name-empty':
      return t.nameEmpty;
    case 'name-too-long':
      return t.nameTooLong(MAX_FILE_NAME_LENGTH);
    case 'name-direction':
      return t.nameDirection;
    case 'unauthenticated':
      return t.uploadSignedOut;
    case 'workspace-not-found':
    case 'not-found':
      return t.uploadNoWorkspace;
    case 'network':
      return t.uploadOffline;
    case 'upstream-error':
    case 'upstream-timeout':
    case 'upstream-unavailable':
    case 'store-unavailable':
    case 'rate-limited':
    case 'bad-response':
    case 'internal':
      return t.uploadTryLater;
    default:
      return t.uploadFailed;
  }
}

/** Per-file progress, cancel, retry and result of the uploads started in this list. */
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
      return html`<li part="upload" data-status=${e.status} data-upload-id=${e.id}>
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
        <span class="actions">
          ${
            actions.canRetry(e.id)
              ? html`<button
                  class="btn retry"
                  part="upload-retry"
                  aria-label=${t.retryUpload(name)}
                  @click=${() => actions.retry(e.id)}
                >
                  ${t.retry}
                </button>`
              : nothing
          }
          <button
            class="icon-btn"
            aria-label=${uploading ? t.cancelUpload(name) : t.dismiss(name)}
            title=${uploading ? t.cancel : t.close}
            @click=${() => (uploading ? actions.cancel(e.id) : actions.dismiss(e.id))}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${closeIcon}</svg>
          </button>
        </span>
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
