import type { FileProgress } from '../api';

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
