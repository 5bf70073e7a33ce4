import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256, in hex, of bytes or of a string's UTF-8. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of a file's bytes; null when it cannot be read (no such file). */
export function fileSha256(path: string): string | null {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return null;
  }
  return sha256(data);
}
