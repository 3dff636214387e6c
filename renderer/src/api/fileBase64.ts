// Each slice is a multiple of 3 bytes, so the slices' base64 strings join into one valid
// encoding without building a single binary string the size of the file.
const SLICE = 3 * 64 * 1024;
const CALL_LIMIT = 0x8000;

function sliceToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CALL_LIMIT) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CALL_LIMIT));
  }
  return btoa(binary);
}

/** A chosen file's content as base64, as the importStart operation takes it. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(sliceToBase64(bytes.subarray(i, i + SLICE)));
  return parts.join('');
}
