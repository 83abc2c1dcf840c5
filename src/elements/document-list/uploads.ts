// Loaded on demand (dynamic import) when the user first chooses or drops files: the upload queue, its
// validation, rendering and styles are not part of what a page loads up front.
import type { LitElement, TemplateResult, nothing } from 'lit';
import type { BffClient } from '../../client/bff-client.js';
import { addStyles } from '../base/add-styles.js';
import type { documentList } from '../i18n/en/document-list.js';
import { renderUploads, uploadMessage } from './upload-list.js';
import { UploadQueue, type UploadEntry } from './upload-queue.js';
import { uploadStyles } from './uploads.styles.js';
import { validateUpload } from './upload-validation.js';

/**
 * Refusals of the request itself: the same file sent again would be refused again (its name, size or type,
 * a name already taken, no permission, no workspace), so no Retry; a change elsewhere comes first.
 */
const FINAL_CODES: ReadonlySet<string> = new Set([
  'bad-request',
  'payload-too-large',
  'unsupported-media-type',
  'name-conflict',
  'forbidden',
  'not-found',
  'workspace-not-found',
]);

export interface UploadsOptions {
  strings(): typeof documentList;
  bytes(n: number): string;
  /** The list's current limits (`max-upload-bytes`, `accept`). */
  rules(): { maxBytes: number | undefined; accept: string | undefined };
  /** The server refused a file or it could not be sent: `xecm-error` with this code and text. */
  failed(code: string, message: string): void;
}

/** The document list's uploads: validation, per-file progress, cancel, retry, results. */
export class Uploads {
  private readonly queue: UploadQueue;

  constructor(
    private readonly host: LitElement,
    private readonly options: UploadsOptions,
  ) {
    this.queue = new UploadQueue(host);
    addStyles(host, uploadStyles);
  }

  /** Validates and sends `files` to the workspace; the list reloads when the client invalidates it. */
  add(files: readonly File[], client: BffClient, workspaceId: string): void {
    const rules = this.options.rules();
    for (const file of files) {
      const rejection = validateUpload(file, rules);
      if (rejection) {
        this.queue.reject(file, rejection.code);
        continue;
      }
      this.report(
        this.queue.start(file, (f, signal, onProgress) =>
          client.uploadDocument(workspaceId, f, { signal, onProgress }),
        ),
      );
    }
  }

  render(): TemplateResult | typeof nothing {
    return renderUploads(this.queue.entries, this.options.strings(), this.options, {
      message: (code) => this.message(code),
      cancel: (id) => this.queue.cancel(id),
      dismiss: (id) => this.queue.dismiss(id),
      canRetry: (id) => this.canRetry(id),
      retry: (id) => this.retry(id),
    });
  }

  /** A failure another attempt may fix: the network, xECM or the BFF failed, not the request. */
  private canRetry(id: number): boolean {
    const code = this.queue.entries.find((e) => e.id === id)?.errorCode;
    return this.queue.canRetry(id) && !FINAL_CODES.has(code ?? '');
  }

  private retry(id: number): void {
    if (!this.canRetry(id)) return;
    const attempt = this.queue.retry(id);
    if (!attempt) return;
    this.report(attempt);
    // The Retry button is gone once the row shows progress; keep keyboard focus in that row.
    void this.host.updateComplete.then(() => {
      this.host.renderRoot
        .querySelector<HTMLElement>(`[part~='upload'][data-upload-id='${id}'] .icon-btn`)
        ?.focus();
    });
  }

  private report(attempt: Promise<UploadEntry>): void {
    void attempt.then((entry) => {
      if (entry.status === 'error') {
        const code = entry.errorCode ?? 'internal';
        this.options.failed(code, this.message(code));
      }
    });
  }

  private message(code: string | undefined): string {
    const { maxBytes, accept } = this.options.rules();
    return uploadMessage(this.options.strings(), code, {
      max: maxBytes === undefined ? undefined : this.options.bytes(maxBytes),
      accept,
    });
  }
}
