import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
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

/**
 * The calls that put a finished temporary file under its final name: where Windows refuses to
 * replace a document open in Word (EBUSY, EPERM). A small seam of its own so that the tests can play
 * that machine on any system (vi.spyOn(finalName, 'rename')); nothing else should change it.
 */
export const finalName = {
  rename: (from: string, to: string): void => renameSync(from, to),
  link: (from: string, to: string): void => linkSync(from, to),
  copyExclusive: (from: string, to: string): void => copyFileSync(from, to, constants.COPYFILE_EXCL),
  /** Waits (synchronously) before trying a busy replacement again. */
  sleep: (ms: number): void => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
};

/**
 * Waits before each new try of a replacement the system called busy. A virus scanner or the search
 * indexer holds a new file for a moment on Windows; a document open in Word stays busy, and is
 * reported after the last try, a second later.
 */
export const BUSY_RETRY_MS = [100, 300, 600];

/** Error codes of a file another program holds open (Windows: a sharing violation, access denied). */
const BUSY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

/** A document could not replace its old version because another program holds that file. */
export class FileInUseError extends DataError {
  constructor(
    readonly file: string,
    readonly errorCode: string,
  ) {
    super(fileInUseMessage(file, errorCode));
  }
}

/** Which program the user should close the file in, by its kind. */
function holderOf(file: string): string {
  switch (extname(file).toLowerCase()) {
    case '.docx':
      return 'Word';
    case '.pdf':
      return 'trình đọc PDF (Adobe Reader, trình duyệt...)';
    default:
      return 'chương trình đang mở nó';
  }
}

function fileInUseMessage(file: string, code: string): string {
  const holder = holderOf(file);
  return (
    `Không thay được ${file}: tệp đang được mở trong ${holder} hoặc một chương trình khác đang giữ nó (${code}). ` +
    `Hãy đóng tệp ${basename(file)} trong ${holder} rồi chạy lại. Tệp cũ vẫn được giữ nguyên.`
  );
}

/** Replaces `file` by `tmp`, trying again while the old file is busy; a FileInUseError when it stays so. */
function replace(tmp: string, file: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      finalName.rename(tmp, file);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      // Busy only means "open elsewhere" when there is an old file to replace.
      if (!BUSY_CODES.has(code) || !existsSync(file)) throw e;
      const wait = BUSY_RETRY_MS[attempt];
      if (wait === undefined) throw new FileInUseError(file, code);
      finalName.sleep(wait);
    }
  }
}

/** Gives `tmp` the name `file` only if no file has it, in one step; false when it exists. */
function claimName(tmp: string, file: string): boolean {
  try {
    finalName.link(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (some network and FAT drives): an exclusive copy.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
  }
  try {
    finalName.copyExclusive(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Removes our temporary file, whatever happened; a scanner holding it a moment is waited for. */
function removeTemporary(tmp: string): void {
  try {
    rmSync(tmp, { force: true, maxRetries: 3, retryDelay: 100 });
  } catch {
    // Left for removeStaleTemporaryFiles of a later run; the error that matters is the write's.
  }
}

/**
 * Writes through a temporary name in the same folder, so a failed or interrupted run never leaves
 * a partial document. Without `force` the final name is claimed atomically (a hard link, which
 * fails when the name exists), so of two runs writing the same file at once exactly one succeeds;
 * with `force` the temporary file replaces the final one. An old file another program holds open
 * (Word on Windows) stays as it was, and the error (FileInUseError) says to close it.
 */
export function writeFileAtomic(file: string, data: Uint8Array, force: boolean): void {
  const dir = dirname(file);
  const tmp = tmpName(file);
  let claimed = true;
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemporaryFiles(dir);
    writeFileSync(tmp, data);
    if (force) replace(tmp, file);
    else claimed = claimName(tmp, file);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`Không ghi được ${file}: ${(e as Error).message}`);
  } finally {
    removeTemporary(tmp);
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
    removeTemporary(tmp);
  }
}
