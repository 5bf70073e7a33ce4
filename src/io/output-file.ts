import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../core/errors.js';

/** Refuses to replace an existing output unless forced. Checked before any work is written. */
export function ensureWritable(file: string, force: boolean): void {
  const dir = dirname(file);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new DataError(`Không ghi được vào ${dir}: đây là một tệp, không phải thư mục (xem --out).`);
  }
  if (existsSync(file) && !force) {
    throw new DataError(`Tệp ${file} đã có; dùng --force để ghi đè.`);
  }
}

/**
 * Writes through a temporary name in the same folder and renames it into place, so a failed or
 * interrupted run never leaves a partial document.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written there.
    }
    throw new DataError(`Không ghi được ${file}: ${(e as Error).message}`);
  }
}
