import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type UploadStatus = 'uploading' | 'done' | 'error' | 'canceled';

export interface UploadEntry {
  readonly id: number;
  readonly file: File;
  loaded: number;
  total: number;
  status: UploadStatus;
  /** Problem code of a failed upload (`name-conflict`, `payload-too-large`, `network` …). */
  errorCode?: string;
}

/** Sends one file; resolves on success, rejects with an error carrying `code` otherwise. */
export type UploadFn = (
  file: File,
  signal: AbortSignal,
  onProgress: (loaded: number, total: number) => void,
) => Promise<unknown>;

/**
 * Per-file upload state for the document list: progress, cancel, result. Files refused before sending
 * (size, type) enter the queue as errors straight away, so the user sees every file they chose.
 */
export class UploadQueue implements ReactiveController {
  entries: UploadEntry[] = [];
  private nextId = 1;
  private readonly controllers = new Map<number, AbortController>();
  /** How each sent file was sent, so a failed one can be sent again; refused files have none. */
  private readonly senders = new Map<number, UploadFn>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const id of [...this.controllers.keys()]) this.cancel(id);
  }

  reject(file: File, code: string): UploadEntry {
    const entry: UploadEntry = {
      id: this.nextId++,
      file,
      loaded: 0,
      total: file.size,
      status: 'error',
      errorCode: code,
    };
    this.entries = [...this.entries, entry];
    this.host.requestUpdate();
    return entry;
  }

  /** Starts an upload; the promise settles with the final entry and never rejects. */
  start(file: File, send: UploadFn): Promise<UploadEntry> {
    const entry: UploadEntry = { id: this.nextId++, file, loaded: 0, total: file.size, status: 'uploading' };
    this.senders.set(entry.id, send);
    this.entries = [...this.entries, entry];
    this.host.requestUpdate();
    return this.run(entry.id);
  }

  /** Whether a failed entry can be sent again (it was sent once; refused-before-sending files cannot). */
  canRetry(id: number): boolean {
    const entry = this.find(id);
    return entry?.status === 'error' && this.senders.has(id) && !this.controllers.has(id);
  }

  /**
   * Sends a failed entry's file again, in place (same row, same id). Resolves like {@link start};
   * `undefined` when the entry cannot be retried.
   */
  retry(id: number): Promise<UploadEntry> | undefined {
    if (!this.canRetry(id)) return undefined;
    this.patch(id, { status: 'uploading', loaded: 0, errorCode: undefined });
    return this.run(id);
  }

  private async run(id: number): Promise<UploadEntry> {
    const entry = this.find(id)!;
    const send = this.senders.get(id)!;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    try {
      await send(entry.file, controller.signal, (loaded, total) => {
        this.patch(id, { loaded, total: total || entry.total });
      });
      this.patch(id, { status: 'done', loaded: entry.total });
    } catch (error) {
      if (controller.signal.aborted) this.patch(id, { status: 'canceled' });
      else this.patch(id, { status: 'error', errorCode: codeOf(error) });
    } finally {
      this.controllers.delete(id);
    }
    return this.find(id) ?? entry;
  }

  cancel(id: number): void {
    this.controllers.get(id)?.abort();
  }

  dismiss(id: number): void {
    this.cancel(id);
    this.senders.delete(id);
    this.entries = this.entries.filter((e) => e.id !== id);
    this.host.requestUpdate();
  }

  get active(): boolean {
    return this.entries.some((e) => e.status === 'uploading');
  }

  private find(id: number): UploadEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  private patch(id: number, changes: Partial<UploadEntry>): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, ...changes } : e));
    this.host.requestUpdate();
  }
}

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return 'internal';
}
