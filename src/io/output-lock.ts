import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../core/errors.js';
import { processAlive } from './output-file.js';

/**
 * One run at a time per output folder: a run writing documents holds `.dakindex.lock` in the folder;
 * a second run waits for it a bounded time, then stops with a message naming the folder and the
 * other process. A lock whose process has died (killed, machine restarted) is taken over.
 */

export const LOCK_NAME = '.dakindex.lock';
/** A lock this old is stale even if its PID is alive again: no run takes hours, the PID was reused. */
export const STALE_LOCK_MS = 6 * 60 * 60 * 1000;
/** An unreadable lock (its writer died between creating and filling it) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  started: string;
  /** The command line of the run, for the message. */
  command: string;
  token: string;
}

export interface OutputLockOptions {
  /** How long to wait for another run, in milliseconds; 0 = do not wait. */
  waitMs: number;
  /** Told once when the folder is busy and the run starts waiting. */
  onWait?: (message: string) => void;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Takes the lock of `dir` (created if missing); returns the function that releases it. */
export async function acquireOutputLock(dir: string, options: OutputLockOptions): Promise<() => void> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const poll = options.pollMs ?? 200;
  const path = join(dir, LOCK_NAME);
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: new Date(now()).toISOString(),
    command: ['dakindex', ...process.argv.slice(2)].join(' '),
    token: randomUUID(),
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DataError(`Không tạo được thư mục ${dir}: ${(e as Error).message}`);
  }
  const deadline = now() + options.waitMs;
  let told = false;
  for (;;) {
    if (create(path, mine)) return () => release(path, mine.token);
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (isStale(holder, path, now())) {
      takeOver(path, holder);
      continue;
    }
    const left = deadline - now();
    if (left <= 0) throw new DataError(busyMessage(dir, path, holder, options.waitMs, now()));
    if (!told) {
      told = true;
      options.onWait?.(`Thư mục ${dir} đang được ${describeHolder(holder, now())} ghi; chờ tối đa ${seconds(options.waitMs)} giây...\n`);
    }
    await sleep(Math.min(poll, left));
  }
}

/** Creates the lock with its content in one step: a filled temporary file linked to the lock's name. */
function create(path: string, holder: LockHolder): boolean {
  // Named like output-file.ts's temporary files, so that a run killed right here leaves nothing behind.
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(holder));
    try {
      linkSync(tmp, path);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    }
    // File systems without hard links: an exclusive create (a reader may briefly see it empty).
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } catch (e) {
    throw new DataError(`Không tạo được tệp khóa ${path}: ${(e as Error).message}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The lock's holder; null when the file cannot be read as a lock; 'gone' when it vanished. */
function readHolder(path: string): LockHolder | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new DataError(`Không đọc được tệp khóa ${path}: ${(e as Error).message}`);
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.started === 'string' && typeof h.token === 'string') {
      return { pid: h.pid, host: h.host, started: h.started, token: h.token, command: typeof h.command === 'string' ? h.command : '' };
    }
  } catch {
    // Not a lock we wrote, or one being written: judged by its age below.
  }
  return null;
}

function isStale(holder: LockHolder | null, path: string, now: number): boolean {
  if (holder === null) {
    try {
      return now - statSync(path).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return false;
    }
  }
  const age = now - Date.parse(holder.started);
  if (age > STALE_LOCK_MS) return true;
  // Another machine's process (a shared network folder) cannot be checked: it holds until it is old.
  return holder.host === hostname() && !processAlive(holder.pid);
}

/**
 * Removes a stale lock so that the next attempt can create ours. The lock is moved aside first and
 * checked: when another run has meanwhile taken over and made a fresh lock, that one is put back.
 */
function takeOver(path: string, stale: LockHolder | null): void {
  const aside = `${path}-aside.${process.pid}.tmp`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new DataError(`Không thay được tệp khóa cũ ${path}: ${(e as Error).message}`);
  }
  const moved = readHolder(aside);
  const same = stale === null ? moved === null : moved !== null && moved !== 'gone' && moved.token === stale.token;
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // A third run holds the name now; the lock moved aside is that run's concern no more.
    }
  }
  rmSync(aside, { force: true });
}

function release(path: string, token: string): void {
  const holder = readHolder(path);
  if (holder !== null && holder !== 'gone' && holder.token === token) rmSync(path, { force: true });
}

const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', ',');

function describeHolder(holder: LockHolder | null, now: number): string {
  if (holder === null) return 'một lần chạy khác';
  const age = Math.max(0, Math.round((now - Date.parse(holder.started)) / 1000));
  const where = holder.host === hostname() ? '' : ` trên máy ${holder.host}`;
  const what = holder.command ? ` "${holder.command}"` : '';
  return `lần chạy${what} (tiến trình ${holder.pid}${where}, đã chạy ${age} giây)`;
}

function busyMessage(dir: string, path: string, holder: LockHolder | null, waitMs: number, now: number): string {
  const waited = waitMs > 0 ? `đã chờ ${seconds(waitMs)} giây` : 'không chờ (--lock-wait 0)';
  return (
    `Thư mục ${dir} đang được ${describeHolder(holder, now)} ghi; ${waited}, không ghi văn bản nào. ` +
    `Chạy lại sau, hoặc chờ lâu hơn với --lock-wait GIÂY. ` +
    `Nếu chắc chắn không còn lần chạy nào khác, xóa tệp ${path}.`
  );
}
