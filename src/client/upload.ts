import { abortError } from './abort.js';
import { networkError, type RawResponse } from './http.js';

export interface UploadRequest {
  headers: Record<string, string>;
  withCredentials: boolean;
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
}

/** `fetch` cannot report upload progress yet, so uploads use XMLHttpRequest. */
export function uploadWithProgress(url: string, file: File, req: UploadRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const { signal } = req;
    if (signal?.aborted) return reject(abortError(signal));
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const cleanup = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.withCredentials = req.withCredentials;
    for (const [name, value] of Object.entries(req.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) =>
      req.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size),
    );
    xhr.addEventListener('load', () => {
      cleanup();
      // Some paths (service workers, tiny files) never fire upload progress; a finished upload is 100%.
      req.onProgress?.(file.size, file.size);
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('content-type') ?? '',
        text: xhr.responseText,
      });
    });
    xhr.addEventListener('error', () => {
      cleanup();
      reject(networkError());
    });
    xhr.addEventListener('abort', () => {
      cleanup();
      reject(abortError(signal));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
