import { nothing, type LitElement, type TemplateResult } from 'lit';
import type { BffClient } from '../../client/bff-client.js';
import type { Uploads, UploadsOptions } from './uploads.js';

/**
 * The list's uploads, with their code (queue, validation, rendering, styles) imported when the user
 * first chooses or drops files: most visits never upload, so most pages never load it.
 */
export class LazyUploads {
  private uploads?: Uploads;
  private loading?: Promise<Uploads>;

  constructor(
    private readonly host: LitElement,
    private readonly options: UploadsOptions,
  ) {}

  /** Validates and sends `files`; rejects only when the upload code could not be loaded. */
  async add(files: readonly File[], client: BffClient, workspaceId: string): Promise<void> {
    (await this.load()).add(files, client, workspaceId);
  }

  render(): TemplateResult | typeof nothing {
    return this.uploads?.render() ?? nothing;
  }

  private load(): Promise<Uploads> {
    return (this.loading ??= import('./uploads.js').then(
      ({ Uploads }) => (this.uploads = new Uploads(this.host, this.options)),
      (error: unknown) => {
        this.loading = undefined; // try again next time
        throw error;
      },
    ));
  }
}
