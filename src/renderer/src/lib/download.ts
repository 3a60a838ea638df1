/** Saves text as a file through the browser's download flow (the app never writes files itself). */
export function downloadText(fileName: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
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
