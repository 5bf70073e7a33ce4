import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';
import { docxText } from '../helpers/seeds.js';

/**
 * The crontab line and the systemd units of README.md ("Chạy theo lịch"), run as they are written
 * (built CLI: `npm run build` first), in a temporary folder set up like the office's.
 */

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const PINNED = { DAKINDEX_TODAY: '2025-11-14' };
const REPORT = '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx';

function blocks(lang: string): string[] {
  return [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

function cronEntry(): { schedule: string; command: string } {
  const lines = blocks('crontab').flatMap((b) => b.split('\n')).filter((l) => /^(\S+\s+){5}\S/.test(l) && !l.startsWith('#') && !/^\w+=/.test(l));
  expect(lines, 'one crontab entry in README.md').toHaveLength(1);
  const m = /^((?:\S+\s+){4}\S+)\s+(.+)$/.exec(lines[0]!)!;
  return { schedule: m[1]!, command: m[2]! };
}

function unit(section: string): Map<string, string[]> {
  const block = blocks('ini').find((b) => b.includes(`[${section}]`));
  expect(block, `a systemd unit with [${section}] in README.md`).toBeDefined();
  const keys = new Map<string, string[]>();
  for (const line of block!.split('\n')) {
    const m = /^(\w+)=(.*)$/.exec(line);
    if (m) keys.set(m[1]!, [...(keys.get(m[1]!) ?? []), m[2]!]);
  }
  return keys;
}

/**
 * An office's working folder: a configuration file, the data folder copied from fixtures/daklak,
 * and dakindex installed as `npm install /opt/dakindex` does (a link to the source folder and its
 * command in node_modules/.bin).
 */
function officeFolder(): string {
  const dir = tempDir('dakindex-office-');
  cpSync(join(REPO, 'fixtures/daklak'), join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'dakindex.config.yaml'), 'defaults:\n  lock-wait: 120\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { dakindex: `file:${REPO}` } }));
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(REPO, join(dir, 'node_modules/dakindex'));
  symlinkSync('../dakindex/bin/dakindex.cjs', join(dir, 'node_modules/.bin/dakindex'));
  return dir;
}

function run(file: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') fail(err);
      else done({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

function expectWeeklyReport(dir: string): void {
  expect(readdirSync(join(dir, 'out'))).toEqual([REPORT]);
  expect(docxText(readFileSync(join(dir, 'out', REPORT))).text).toContain('tỉnh Đắk Lắk đạt 88,72 điểm');
}

describe('README: scheduled runs', () => {
  it('cron and the systemd timer fire at the same time: Friday 16:00 in Vietnam', () => {
    expect(cronEntry().schedule).toBe('0 16 * * 5');
    expect(unit('Timer').get('OnCalendar')).toEqual(['Fri *-*-* 16:00:00 Asia/Ho_Chi_Minh']);
    expect(unit('Service').get('WorkingDirectory')).toEqual([/^cd (\S+) && /.exec(cronEntry().command)![1]]);
  });

  it('runs the crontab command as written, in the office folder: the week of "today" is made', async () => {
    const { command } = cronEntry();
    const folder = /^cd (\S+) && /.exec(command)![1]!;
    const dir = officeFolder();
    const r = await run('/bin/sh', ['-c', command.replace(folder, dir)], REPO, PINNED);
    expect(r.code, r.stderr).toBe(0);
    expectWeeklyReport(dir);
    const log = readFileSync(join(dir, 'dakindex.log'), 'utf8');
    expect(log).toContain('Kỳ: tuần 02 tháng 11/2025 (tuần này)');
    expect(log).toContain(`Đã ghi báo cáo: ${join(dir, 'out', REPORT)}`);
    expect(log).toContain(`--lock-wait 120 (${join(dir, 'dakindex.config.yaml')}, defaults)`);
  }, 60_000);

  it('runs the systemd service’s ExecStart as written, in its WorkingDirectory', async () => {
    const service = unit('Service');
    const [execStart] = service.get('ExecStart')!;
    expect(execStart).not.toMatch(/["'$%\\]/); // plain words: systemd and a split on spaces agree
    const [file, ...args] = execStart!.split(/\s+/);
    const env = Object.fromEntries((service.get('Environment') ?? []).map((e) => e.split('=', 2) as [string, string]));
    const dir = officeFolder();
    const r = await run(file!, args, dir, { ...env, ...PINNED });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kỳ: tuần 02 tháng 11/2025 (tuần này)');
    expectWeeklyReport(dir);
  }, 60_000);
});
