import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { acquireOutputLock, LOCK_NAME, STALE_LOCK_MS, type LockHolder } from '../../src/io/output-lock.js';
import { dakindex, tempDir } from '../helpers/cli.js';

/** A PID no process has: above the kernel's limit. */
const DEAD_PID = 4_194_304 + 17;
const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak'];
const REPORT = '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx';

const holderOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_NAME), 'utf8')) as LockHolder;

function writeLock(dir: string, h: Partial<LockHolder>): void {
  const lock: LockHolder = { pid: DEAD_PID, host: hostname(), started: new Date().toISOString(), command: 'dakindex report --week current', token: 'other', ...h };
  writeFileSync(join(dir, LOCK_NAME), JSON.stringify(lock));
}

/** A clock that only moves when the lock sleeps. */
function fakeClock() {
  let t = Date.now();
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

describe('the output folder lock', () => {
  it('is a file in the folder naming this process, removed on release; the folder is created', async () => {
    const dir = join(tempDir(), 'out', 'tuan');
    const release = await acquireOutputLock(dir, { waitMs: 0 });
    expect(holderOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes a second run wait its time, then stop naming the folder, the command and the process', async () => {
    const dir = tempDir();
    const release = await acquireOutputLock(dir, { waitMs: 0 });
    const first = holderOf(dir);
    const clock = fakeClock();
    const told: string[] = [];
    const error = await acquireOutputLock(dir, { waitMs: 30_000, pollMs: 200, ...clock, onWait: (m) => told.push(m) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Thư mục ${dir} đang được lần chạy "dakindex[^"]*" \\(tiến trình ${process.pid}, đã chạy \\d+ giây\\) ghi; đã chờ 30 giây, không ghi văn bản nào\\.`),
    );
    // Polled until the deadline, told once.
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(clock.sleeps).toHaveLength(150);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(new RegExp(`^Thư mục ${dir} đang được lần chạy .*\\(tiến trình ${process.pid}, .* ghi; chờ tối đa 30 giây\\.\\.\\.\n$`));
    // The lock of the first run is untouched.
    expect(holderOf(dir).token).toBe(first.token);
    release();
  });

  it('is taken by the waiting run as soon as the other run releases it', async () => {
    const dir = tempDir();
    const release = await acquireOutputLock(dir, { waitMs: 0 });
    const clock = fakeClock();
    const sleep = async (ms: number) => {
      await clock.sleep(ms);
      if (clock.sleeps.length === 3) release();
    };
    const mine = await acquireOutputLock(dir, { waitMs: 30_000, now: clock.now, sleep });
    expect(clock.sleeps).toHaveLength(3);
    expect(holderOf(dir).pid).toBe(process.pid);
    mine();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });

  it('takes over the lock of a dead process at once, and one held for longer than a run can take', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: DEAD_PID });
    const release = await acquireOutputLock(dir, { waitMs: 0 });
    expect(holderOf(dir)).toMatchObject({ pid: process.pid });
    release();
    writeLock(dir, { pid: process.ppid, started: new Date(Date.now() - STALE_LOCK_MS - 60_000).toISOString() });
    const again = await acquireOutputLock(dir, { waitMs: 0 });
    expect(holderOf(dir)).toMatchObject({ pid: process.pid });
    again();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not take over a recent lock of another machine (a shared folder), and names that machine', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: DEAD_PID, host: 'may-van-thu' });
    await expect(acquireOutputLock(dir, { waitMs: 0 })).rejects.toThrow(`(tiến trình ${DEAD_PID} trên máy may-van-thu, đã chạy`);
    expect(holderOf(dir).host).toBe('may-van-thu');
  });

  it('waits for an unreadable lock while it is fresh (being written), takes it over once old', async () => {
    const dir = tempDir();
    const lock = join(dir, LOCK_NAME);
    writeFileSync(lock, '');
    await expect(acquireOutputLock(dir, { waitMs: 0 })).rejects.toThrow(`Thư mục ${dir} đang được một lần chạy khác ghi`);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lock, old, old);
    const release = await acquireOutputLock(dir, { waitMs: 0 });
    expect(holderOf(dir).pid).toBe(process.pid);
    release();
  });

  it('a release leaves alone a lock that is no longer its own', async () => {
    const dir = tempDir();
    const release = await acquireOutputLock(dir, { waitMs: 0 });
    writeLock(dir, { pid: process.ppid, token: 'someone-else' });
    release();
    expect(holderOf(dir).token).toBe('someone-else');
  });
});

describe('the lock through the CLI', () => {
  let holder: ChildProcess | null = null;
  afterEach(() => {
    holder?.kill();
    holder = null;
  });

  /** A live process standing for another dakindex run; `script` may release its lock. */
  function liveProcess(script = 'setTimeout(() => {}, 60000)'): Promise<ChildProcess> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, ['-e', `${script}; process.stdout.write('ready')`]);
      child.on('error', fail);
      child.stdout.once('data', () => done(child));
    });
  }

  it('a run stops after --lock-wait (here from DAKINDEX_LOCK_WAIT) while another process holds the folder, then runs once it died', async () => {
    const out = tempDir();
    holder = await liveProcess();
    writeLock(out, { pid: holder.pid!, command: 'dakindex report --week current' });
    const started = Date.now();
    const busy = await dakindex([...WEEK, '--out', out], undefined, { DAKINDEX_LOCK_WAIT: '0.5' });
    expect(busy.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(busy.stderr).toContain(`Thư mục ${out} đang được lần chạy "dakindex report --week current" (tiến trình ${holder.pid}, đã chạy`);
    expect(busy.stderr).toContain('đã chờ 0,5 giây, không ghi văn bản nào. Chạy lại sau, hoặc chờ lâu hơn với --lock-wait GIÂY.');
    expect(busy.stderr).toContain(`xóa tệp ${join(out, LOCK_NAME)}`);
    expect(readdirSync(out)).toEqual([LOCK_NAME]);

    const exited = new Promise((r) => holder!.once('exit', r));
    holder.kill();
    await exited;
    const r = await dakindex([...WEEK, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([REPORT]);
  });

  it('a run waits while the other run holds the folder and writes once it is released', async () => {
    const out = tempDir();
    const lock = join(out, LOCK_NAME);
    holder = await liveProcess(`setTimeout(() => require('node:fs').rmSync(${JSON.stringify(lock)}), 800); setTimeout(() => {}, 60000)`);
    writeLock(out, { pid: holder.pid! });
    const r = await dakindex([...WEEK, '--out', out, '--lock-wait', '20']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Thư mục ${out} đang được lần chạy "dakindex report --week current" (tiến trình ${holder.pid}, đã chạy`);
    expect(r.stderr).toContain('chờ tối đa 20 giây...');
    expect(readdirSync(out)).toEqual([REPORT]);
  });

  it('a batch takes the folder once for its whole run: refused while another run holds it, then writes every document and leaves no lock', async () => {
    const out = tempDir();
    holder = await liveProcess();
    writeLock(out, { pid: holder.pid! });
    const batch = ['batch', '--year', '2025', '--months', '--from', '2025-10-01', '--data', 'fixtures/daklak', '--out', out];
    const busy = await dakindex([...batch, '--lock-wait', '0']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`Thư mục ${out} đang được lần chạy "dakindex report --week current" (tiến trình ${holder.pid}, đã chạy`);
    expect(readdirSync(out)).toEqual([LOCK_NAME]);

    const exited = new Promise((r) => holder!.once('exit', r));
    holder.kill();
    await exited;
    const r = await dakindex(batch);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '2025-11-07_bao-cao-thang-10-2025.docx',
      '2025-11-14_bao-cao-thang-11-2025.docx',
      '2026-01-09_bao-cao-thang-12-2025.docx',
      'dakindex-manifest.json',
    ]);
  });

  it('--lock-wait must be a number of seconds', async () => {
    const r = await dakindex([...WEEK, '--out', tempDir(), '--lock-wait', 'lâu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lock-wait: số giây chờ phải là số');
  });
});
