/** Hands a file to the browser's (or Electron's) download, under this name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the bytes by the next task; the URL is released so the blob can be freed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
