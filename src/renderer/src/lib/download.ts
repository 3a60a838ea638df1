import type { FileMethod, Input } from '../../../shared/api';
import { fetchFile, type FileProgress } from '../api';

/**
 * Fetches what a file method answers (reporting progress) and saves it through the browser's
 * download flow; resolves with the file's name.
 */
export async function saveFile<M extends FileMethod>(
  method: M,
  input: Input<M>,
  onProgress?: (progress: FileProgress) => void,
): Promise<string> {
  const file = await fetchFile(method, input, onProgress);
  downloadBlob(file.fileName, file.blob);
  return file.fileName;
}

/** Saves bytes as a file through the browser's download flow (the app never writes files itself). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // revoking at once can cancel the download in some browsers; a minute is plenty
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) =>
  bytes < 10 * MB ? (bytes / MB).toFixed(1) : Math.round(bytes / MB).toLocaleString('en');

/** "Preparing the file…" until the first byte, then "Receiving 45 of 175 MB". */
export function describeProgress({ received, total }: FileProgress): string {
  if (received === 0) return 'Preparing the file…';
  return total === null
    ? `Receiving ${megabytes(received)} MB`
    : `Receiving ${megabytes(received)} of ${megabytes(total)} MB`;
}
