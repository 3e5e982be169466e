import type { ImportReport, ImportStreamLine } from '@verity/contract';
import { ApiError, AUTH_REQUIRED_EVENT } from '../../lib/api';
import { DetailedApiError } from './http';

export interface ImportCallbacks {
  /** Fraction of the file sent (0..1). */
  onSent: (fraction: number) => void;
  /** Rows the server has read and written so far. */
  onRows: (rows: number) => void;
}

/**
 * Sends a catalog file and follows the import as the server writes it: with
 * `Accept: application/x-ndjson` the server answers a line per written batch, then the report
 * (apps/server/src/imports/imports.routes.ts). XMLHttpRequest, because it reports both the
 * upload's progress and the answer as it arrives.
 */
export function importCatalog(file: File, contentType: string, { onSent, onRows }: ImportCallbacks) {
  return new Promise<ImportReport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('content-type', contentType);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onSent(event.loaded / event.total);
    };
    xhr.upload.onload = () => onSent(1);

    let read = 0;
    let report: ImportReport | undefined;
    let stopped: ApiError | undefined;
    const readLines = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      for (const line of text.slice(read, end).split('\n')) {
        if (line.trim() === '') continue;
        const parsed = JSON.parse(line) as ImportStreamLine;
        if ('progress' in parsed) onRows(parsed.progress.rows);
        else if ('report' in parsed) report = parsed.report;
        else stopped = new ApiError(parsed.error.code, 200, parsed.error.requestId);
      }
      read = end;
    };
    xhr.onprogress = readLines;
    xhr.onerror = () => reject(new ApiError('NETWORK_ERROR', 0));
    xhr.onload = () => {
      try {
        readLines();
      } catch {
        return reject(new ApiError('UNEXPECTED_RESPONSE', xhr.status));
      }
      if (report) return resolve(report);
      if (stopped) return reject(stopped);
      let error: { code?: string; details?: unknown } | undefined;
      try {
        error = (JSON.parse(xhr.responseText) as { error?: typeof error }).error;
      } catch {
        error = undefined;
      }
      if (error?.code === 'AUTH_REQUIRED') window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
      reject(new DetailedApiError(error?.code ?? 'UNEXPECTED_RESPONSE', xhr.status, error?.details));
    };
    xhr.send(file);
  });
}
