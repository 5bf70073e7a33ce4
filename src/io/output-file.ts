import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../core/errors.js';

/** Refuses to replace an existing output unless forced. Checked before any work is written. */
export function ensureWritable(file: string, force: boolean): void {
  if (existsSync(file) && !force) {
    throw new DataError(`Tệp ${file} đã có; dùng --force để ghi đè.`);
  }
}

/**
 * Writes through a temporary name in the same folder and renames it into place, so a failed or
 * interrupted run never leaves a partial document.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new DataError(`Không ghi được ${file}: ${(e as Error).message}`);
  }
}
