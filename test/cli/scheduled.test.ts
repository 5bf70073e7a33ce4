import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../src/core/periods.js';
import { relativePeriod } from '../../src/core/relative-period.js';
import { isoDateIn } from '../../src/cli/today.js';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';

const DATA = join(REPO, 'fixtures/daklak');
const FRIDAY = { DAKINDEX_TODAY: '2025-11-14' };
const WEEK2 = '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx';

/** A working folder with a configuration file, as an office sets one up. */
function office(config: object, name = 'dakindex.config.json'): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, name), JSON.stringify(config));
  return cwd;
}

describe('relative periods through the CLI', () => {
  it('--week current is the week of today in Asia/Ho_Chi_Minh (pinned by DAKINDEX_TODAY), and says so', async () => {
    const out = tempDir();
    const r = await dakindex(['report', '--week', 'current', '--data', DATA, '--out', out], REPO, FRIDAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Kỳ: tuần 02 tháng 11/2025 (tuần này)');
    expect(readdirSync(out)).toEqual([WEEK2]);
  });

  it('--week previous, with --json: the period and the note', async () => {
    const r = await dakindex(['report', '--week', 'previous', '--data', DATA, '--out', tempDir(), '--json'], REPO, FRIDAY);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.period).toMatchObject({ kind: 'week', week: 1, month: 11, year: 2025, label: 'tuần 01 tháng 11/2025' });
    expect(j.notes[0]).toBe('Kỳ: tuần 01 tháng 11/2025 (tuần trước)');
    expect(j.files[0]).toMatch(/2025-11-07_bao-cao-tuan-01-thang-11-2025\.docx$/);
  });

  it('--quarter previous and letter publish --month previous', async () => {
    const out = tempDir();
    const q = await dakindex(['report', '--quarter', 'previous', '--data', DATA, '--out', out], REPO, { DAKINDEX_TODAY: '2024-07-05' });
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout).toContain('Kỳ: Quý II năm 2024 (quý trước)');
    const p = await dakindex(['letter', 'publish', '--month', 'previous', '--data', DATA, '--out', out], REPO, { DAKINDEX_TODAY: '2024-06-10' });
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('Kỳ: tháng 5/2024 (tháng trước)');
    expect(readdirSync(out).sort()).toEqual(['2024-06-04_cong-van-cong-khai-thang-05-2024.docx', '2024-07-02_bao-cao-quy-2-2024.docx']);
  });

  it('batch --year previous, with the unit from DAKINDEX_MONTHS; --from must fall in that year', async () => {
    const out = tempDir();
    const env = { DAKINDEX_TODAY: '2026-03-01', DAKINDEX_MONTHS: '1' };
    const r = await dakindex(['batch', '--year', 'previous', '--from', '2025-11-01', '--data', DATA, '--out', out], REPO, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Tùy chọn không gõ trên dòng lệnh: --months (DAKINDEX_MONTHS)');
    expect(readdirSync(out).filter((f) => f.endsWith('.docx')).sort()).toEqual([
      '2025-11-14_bao-cao-thang-11-2025.docx',
      '2026-01-09_bao-cao-thang-12-2025.docx',
    ]);
    const wrongYear = await dakindex(['batch', '--year', 'previous', '--from', '2026-01-01', '--data', DATA, '--out', tempDir()], REPO, env);
    expect(wrongYear.code).toBe(2);
    expect(wrongYear.stderr).toContain('--from: ngày phải thuộc năm 2025 (--year previous)');
  });

  it('batch --year current leaves out the periods that have not begun, in one line', async () => {
    const r = await dakindex(['batch', '--year', 'current', '--months', '--data', DATA, '--out', tempDir()], REPO, { DAKINDEX_TODAY: '2026-03-01' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Chưa đến: 9 kỳ (tháng 4/2026 đến tháng 12/2026) bắt đầu sau hôm nay 01/3/2026, không tạo.');
    expect(r.stdout).toMatch(/\[1\/3\] .*tháng 1\/2026/);
    expect(r.stdout).not.toContain('tháng 4/2026');
  });

  it('without DAKINDEX_TODAY, today is the date in Vietnam', async () => {
    const expected = periodLabel(relativePeriod('week', 'current', isoDateIn('Asia/Ho_Chi_Minh', new Date())));
    const r = await dakindex(['report', '--week', 'current', '--data', join(REPO, 'fixtures/par-sipas'), '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cho ${expected} `);
  });

  it('refuses a relative period with what it already decides, and a DAKINDEX_TODAY that is no date', async () => {
    const both = await dakindex(['report', '--week', 'current', '--month', '11', '--data', DATA], REPO, FRIDAY);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--week current đã xác định tuần, tháng và năm: bỏ --month');
    const bad = await dakindex(['report', '--week', 'current', '--data', DATA], REPO, { DAKINDEX_TODAY: '2025-13-01' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DAKINDEX_TODAY=2025-13-01: ngày phải có dạng YYYY-MM-DD');
    const word = await dakindex(['report', '--month', 'truoc'], REPO, FRIDAY);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('--month: tháng phải là số, current hoặc previous');
  });
});

describe('options from the environment and the configuration file', () => {
  it('flag > environment > file > default, and tells where untyped options came from', async () => {
    const cwd = office({ defaults: { data: DATA, out: 'tu-tep' } });
    const week = ['report', '--week', 'current'];

    const file = await dakindex(week, cwd, FRIDAY);
    expect(file.code, file.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'tu-tep'))).toEqual([WEEK2]);
    const cfg = join(cwd, 'dakindex.config.json');
    expect(file.stderr).toContain(`Tùy chọn không gõ trên dòng lệnh: --data ${DATA} (${cfg}, defaults); --out tu-tep (${cfg}, defaults)`);

    const env = await dakindex(week, cwd, { ...FRIDAY, DAKINDEX_OUT: 'tu-bien' });
    expect(env.code, env.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'tu-bien'))).toEqual([WEEK2]);
    expect(env.stderr).toContain('--out tu-bien (DAKINDEX_OUT)');

    const flag = await dakindex([...week, '--out', 'tu-lenh'], cwd, { ...FRIDAY, DAKINDEX_OUT: 'tu-bien' });
    expect(flag.code, flag.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'tu-lenh'))).toEqual([WEEK2]);
    expect(flag.stderr).not.toContain('--out');

    // Without any source, the configuration's outDir default ("out").
    const none = await dakindex([...week, '--data', DATA], tempDir(), FRIDAY);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).not.toContain('Tùy chọn không gõ');
  });

  it('the period comes whole from the command line: the file’s week does not join a typed month', async () => {
    const cwd = office({ defaults: { data: DATA, week: 'current' } });
    const typed = await dakindex(['report', '--month', '10', '--year', '2025', '--out', tempDir(), '--json'], cwd, FRIDAY);
    expect(typed.code, typed.stderr).toBe(0);
    expect(JSON.parse(typed.stdout).period).toMatchObject({ kind: 'month', month: 10, year: 2025 });
    const fromFile = await dakindex(['report', '--out', tempDir(), '--json'], cwd, FRIDAY);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout).period).toMatchObject({ kind: 'week', week: 2, month: 11 });
    const fromEnv = await dakindex(['report', '--out', tempDir(), '--json'], cwd, { ...FRIDAY, DAKINDEX_MONTH: 'previous' });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(JSON.parse(fromEnv.stdout).period).toMatchObject({ kind: 'month', month: 10, year: 2025 });
  });

  it('boolean options from the environment and lists from the file', async () => {
    const cwd = office({ defaults: { out: 'out', sheet: ['Xã Phường'] } });
    mkdirSync(join(cwd, 'data'));
    copyFileSync(join(DATA, 'diem-766-2025-11-14.xlsx'), join(cwd, 'data', 'diem-766-2025-11-14.xlsx'));
    const first = await dakindex(['report', '--week', 'current'], cwd, FRIDAY);
    expect(first.code, first.stderr).toBe(0);
    const again = await dakindex(['report', '--week', 'current'], cwd, FRIDAY);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có; dùng --force để ghi đè');
    const forced = await dakindex(['report', '--week', 'current'], cwd, { ...FRIDAY, DAKINDEX_FORCE: '1' });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('--force (DAKINDEX_FORCE)');
    expect(forced.stderr).toContain('--sheet Xã Phường (');
  });

  it('a configuration file named by DAKINDEX_CONFIG, unless --config names another', async () => {
    const elsewhere = office({ defaults: { data: DATA, out: join(tempDir(), 'a') } }, 'van-phong.yaml');
    const other = office({ defaults: { data: DATA, out: join(tempDir(), 'b') } }, 'khac.yaml');
    const env = await dakindex(['report', '--week', 'current', '--json'], tempDir(), { ...FRIDAY, DAKINDEX_CONFIG: join(elsewhere, 'van-phong.yaml') });
    expect(env.code, env.stderr).toBe(0);
    expect(JSON.parse(env.stdout).files[0]).toMatch(/\/a\/2025-11-14_/);
    const flag = await dakindex(['report', '--week', 'current', '--json', '--config', join(other, 'khac.yaml')], tempDir(), {
      ...FRIDAY,
      DAKINDEX_CONFIG: join(elsewhere, 'van-phong.yaml'),
    });
    expect(flag.code, flag.stderr).toBe(0);
    expect(JSON.parse(flag.stdout).files[0]).toMatch(/\/b\/2025-11-14_/);
  });

  it('defaults apply to every command that has the option: check --json', async () => {
    const cwd = office({ defaults: { json: true } });
    const r = await dakindex(['check', join(DATA, 'diem-766-2025-11-14.xlsx')], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).date).toBe('2025-11-14');
  });

  it('stops on a bad value, naming the variable (exit 2) or the file and key (exit 1); unknown keys are errors', async () => {
    const env = await dakindex(['report', '--data', DATA], tempDir(), { DAKINDEX_WEEK: 'tuan-nay' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('DAKINDEX_WEEK=tuan-nay: tuần phải là số, current hoặc previous');

    const cwd = office({ defaults: { 'lock-wait': 'lâu' } });
    const file = await dakindex(['report', '--week', 'current', '--data', DATA], cwd, FRIDAY);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain(`${join(cwd, 'dakindex.config.json')}, defaults.lock-wait: số giây chờ phải là số`);

    const typo = office({ defaults: { wek: 'current', dataDir: 'x', version: true } });
    const unknown = await dakindex(['report', '--week', 'current', '--data', DATA], typo, FRIDAY);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('defaults: "wek", "dataDir", "version" không phải tùy chọn dùng được trong tệp cấu hình; các tùy chọn: ');
    expect(unknown.stderr).toContain('lock-wait');
    expect(existsSync(join(typo, 'out'))).toBe(false);
  });

  it('warns about a DAKINDEX_* variable that is no option, and still runs', async () => {
    const out = tempDir();
    const r = await dakindex(['report', '--week', 'current', '--data', DATA, '--out', out], REPO, { ...FRIDAY, DAKINDEX_OUTPUT: '/tmp/x' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Cảnh báo: biến môi trường DAKINDEX_OUTPUT không ứng với tùy chọn nào của dakindex, bỏ qua.');
    expect(readdirSync(out)).toEqual([WEEK2]);
  });
});

describe('help', () => {
  it('dakindex --help lists the exit codes and where options come from', async () => {
    const r = await dakindex(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Mã thoát:\n {2}0 {2}thành công\n {2}1 {2}lỗi dữ liệu/);
    expect(r.stdout).toMatch(/\n {2}2 {2}sai cách dùng/);
    expect(r.stdout).toContain('DAKINDEX_<TÊN>');
    expect(r.stdout).toContain('DAKINDEX_TODAY=YYYY-MM-DD');
  });

  it('report --help offers current and previous, and --lock-wait', async () => {
    const r = await dakindex(['report', '--help']);
    expect(r.stdout).toContain('current: tuần này, previous: tuần trước');
    expect(r.stdout).toContain('--lock-wait <GIÂY>');
  });
});

