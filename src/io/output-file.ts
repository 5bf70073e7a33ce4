import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../core/errors.js';

const existsMessage = (file: string) => `Tệp ${file} đã có; dùng --force để ghi đè.`;

/**
 * Refuses to replace an existing output unless forced: a fast, friendly refusal before any work.
 * The final claim in writeFileAtomic is what makes the promise hold when two runs race.
 */
export function ensureWritable(file: string, force: boolean): void {
  const dir = dirname(file);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new DataError(`Không ghi được vào ${dir}: đây là một tệp, không phải thư mục (xem --out).`);
  }
  if (existsSync(file) && !force) throw new DataError(existsMessage(file));
}

/** Our temporary names: `.NAME.PID.tmp`, hidden, beside the final file. */
const TMP_NAME = /^\.(.+)\.(\d+)\.tmp$/;
/** A temporary file this old is a leftover even if its PID now belongs to another process. */
export const STALE_TMP_MS = 6 * 60 * 60 * 1000;

function tmpName(file: string, pid = process.pid): string {
  return join(dirname(file), `.${basename(file)}.${pid}.tmp`);
}

/** Whether a process with this PID exists on this machine. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run left in `dir`: ours by name, whose process is gone or
 * which are older than STALE_TMP_MS. A live run's temporary file is left alone.
 */
export function removeStaleTemporaryFiles(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      if (processAlive(pid) && now - st.mtimeMs < STALE_TMP_MS) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Gives `tmp` the name `file` only if no file has it, in one step; false when it exists. */
function claimName(tmp: string, file: string): boolean {
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (some network and FAT drives): an exclusive copy.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
  }
  try {
    copyFileSync(tmp, file, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Writes through a temporary name in the same folder, so a failed or interrupted run never leaves
 * a partial document. Without `force` the final name is claimed atomically (a hard link, which
 * fails when the name exists), so of two runs writing the same file at once exactly one succeeds;
 * with `force` the temporary file replaces the final one.
 */
export function writeFileAtomic(file: string, data: Uint8Array, force: boolean): void {
  const dir = dirname(file);
  const tmp = tmpName(file);
  let claimed = true;
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemporaryFiles(dir);
    writeFileSync(tmp, data);
    if (force) renameSync(tmp, file);
    else claimed = claimName(tmp, file);
  } catch (e) {
    throw new DataError(`Không ghi được ${file}: ${(e as Error).message}`);
  } finally {
    rmSync(tmp, { force: true });
  }
  if (!claimed) throw new DataError(existsMessage(file));
}

/**
 * Writes `file` unless it exists, through a temporary name like writeFileAtomic: true when
 * written, false (nothing written) when a file already has the name, even one created meanwhile.
 */
export function writeFileIfAbsent(file: string, data: Uint8Array | string): boolean {
  if (existsSync(file)) return false;
  const tmp = tmpName(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    return claimName(tmp, file);
  } catch (e) {
    throw new DataError(`Không ghi được ${file}: ${(e as Error).message}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
