/**
 * `dakindex history` through run() on a copy of fixtures/daklak (nine dated exports, four of them
 * consecutive weeks): the known series as text, JSON and CSV, one unit's series, the units that
 * stay at the bottom, and what it tells of the files it cannot use.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FACTS } from '../../fixtures/make-fixtures.js';
import { dakindex, tempDir } from '../helpers/cli.js';
import { dataCopy } from './helpers.js';

const data = dataCopy();
const history = (...args: string[]) => dakindex(['history', '--data', data, ...args]);

/** The communes of a streak listing, in its order. */
const listed = (stdout: string) => [...stdout.matchAll(/^\s*\d+\s+(UBND .+?)\s{2,}/gm)].map((m) => m[1]);

describe('dakindex history', () => {
  it('prints one row per date, newest last: the province score and rank, the band counts of each level', async () => {
    const r = await history();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        `Lịch sử trong ${data}: 9 ngày đánh giá, từ 04/6/2024 đến 09/3/2026`,
        '',
        '                                         Sở, ban, ngành        Cấp huyện         Cấp xã',
        'Ngày        Điểm tỉnh Đắk Lắk  Xếp hạng  XS  T  K  TB  Y  KDL  XS  T   K  TB  Y  XS   T   K  TB  Y',
        '04/6/2024               73,73     31/63   1  5  7   3  1    0   0  2  10   3  0   2  30  95  57  0',
        '02/7/2024                   -         -   0  4  7   5  0    1   0  1  12   2  0   1  26  99  58  0',
        '07/11/2025              88,45     18/34  10  3  0   1  0    0   -  -   -   -  -  92  10   0   0  0',
        '14/11/2025              88,72     16/34  10  3  0   1  0    0   -  -   -   -  -  87  15   0   0  0',
        '09/01/2026              83,86     33/34   8  5  1   0  0    0   -  -   -   -  -  70  30   2   0  0',
        '16/02/2026              92,40     25/34   9  5  0   0  0    0   -  -   -   -  -  95   7   0   0  0',
        '23/02/2026              92,95     24/34  10  4  0   0  0    0   -  -   -   -  -  95   7   0   0  0',
        '02/3/2026               93,41     22/34  11  3  0   0  0    0   -  -   -   -  -  95   7   0   0  0',
        '09/3/2026               93,79     21/34  11  3  0   0  0    0   -  -   -   -  -  93   9   0   0  0',
        '',
        'Số đơn vị theo xếp loại (XS: Xuất sắc, T: Tốt, K: Khá, TB: Trung bình, Y: Yếu, KDL: không có dữ liệu); "-": không có bảng điểm của cấp đó.',
        '',
      ].join('\n'),
    );
    // The one reading warning of the data (the province's published total of 04/6/2024), on stderr.
    expect(r.stderr).toContain('Đắk Lắk: tổng điểm công bố 73,73 khác tổng các nhóm 68,7');
  });

  it('gives the same series as JSON: ISO dates, numbers, the facts the fixtures were made with', async () => {
    const r = await history('--json');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.province).toBe('Đắk Lắk');
    expect(j.levels).toEqual(['so', 'huyen', 'xa']);
    const byDate = Object.fromEntries(j.points.map((p: { date: string }) => [p.date, p]));
    expect(Object.keys(byDate)).toEqual(['2024-06-04', '2024-07-02', '2025-11-07', '2025-11-14', '2026-01-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09']);
    expect(byDate['2024-06-04'].province).toEqual({ score: FIXTURE_FACTS['2024-06-04'].daklak.total, rank: 31, of: 63 });
    expect(byDate['2024-07-02'].province).toBeNull();
    expect(byDate['2025-11-07'].province).toEqual({ score: FIXTURE_FACTS['2025-11-07'].daklakTotal, rank: FIXTURE_FACTS['2025-11-07'].daklakRank, of: 34 });
    expect(byDate['2025-11-14'].province).toEqual({ score: 88.72, rank: 16, of: 34 });
    for (const d of ['2026-02-16', '2026-02-23', '2026-03-02'] as const) {
      expect(byDate[d].province).toEqual({ score: FIXTURE_FACTS[d].daklak.total, rank: FIXTURE_FACTS[d].daklak.rank, of: 34 });
      expect(byDate[d].levels.so.counts).toMatchObject({ 'xuat-sac': FIXTURE_FACTS[d].agencyBands[0], tot: FIXTURE_FACTS[d].agencyBands[1] });
    }
    expect(byDate['2026-03-09'].province).toEqual({ score: 93.79, rank: 21, of: 34 });
    expect(byDate['2025-11-14'].levels.xa).toEqual({
      units: 102,
      rated: 102,
      counts: { 'xuat-sac': 87, tot: 15, kha: 0, 'trung-binh': 0, yeu: 0, 'khong-du-lieu': 0 },
    });
    expect(byDate['2024-07-02'].levels.huyen.counts).toMatchObject({ 'xuat-sac': 0, tot: 1, kha: 12, 'trung-binh': 2 });
    expect(byDate['2026-03-09'].file).toBe(join(data, 'diem-766-2026-03-09.xlsx'));
    expect(j.skipped).toEqual([]);
  });

  it('restricts the levels with --level and the dates with --from and --to', async () => {
    const r = await history('--level', 'xa', '--from', '2025-11-14', '--to', '2026-02-23', '--json');
    const j = JSON.parse(r.stdout);
    expect(j.points.map((p: { date: string }) => p.date)).toEqual(['2025-11-14', '2026-01-09', '2026-02-16', '2026-02-23']);
    expect(j.points.every((p: { levels: object }) => Object.keys(p.levels).join() === 'xa')).toBe(true);
    // A date the fixtures' 2025-11-14 warning does not concern: no warning about 04/6/2024.
    expect(j.warnings).toEqual([]);
    const text = await history('--level', 'tinh', '--from', '2026-03-09');
    expect(text.stdout).toContain('Tỉnh, thành phố');
    expect(text.stdout).toMatch(/^09\/3\/2026\s+93,79\s+21\/34\s+\d+\s+\d+/m);
    const none = await history('--from', '2025-01-01', '--to', '2025-06-30');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Không có ngày đánh giá nào từ 01/01/2025 đến 30/6/2025');
    expect(none.stderr).toContain('có các ngày: 04/6/2024, 02/7/2024, 07/11/2025');
  });

  it('writes CSV for Excel: byte order mark, ";" separators, decimal comma, ISO dates, CRLF', async () => {
    const r = await history('--csv', '--from', '2026-03-02');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\ufeffNgày;Điểm tỉnh;Xếp hạng;Số tỉnh, thành phố;Sở, ban, ngành: Xuất sắc;')).toBe(true);
    const lines = r.stdout.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    const head = lines[0]!.split(';');
    const row = lines[2]!.split(';');
    expect(row.length).toBe(head.length);
    const cell = (name: string) => row[head.indexOf(name)];
    expect([cell('Ngày'), cell('Điểm tỉnh'), cell('Xếp hạng'), cell('Số tỉnh, thành phố'), cell('Cấp xã: Xuất sắc'), cell('Cấp xã: Tốt')]).toEqual([
      '2026-03-09',
      '93,79',
      '21',
      '34',
      '93',
      '9',
    ]);
    // No district sheet on these dates: no "Cấp huyện" columns.
    expect(head.some((h) => h.startsWith('Cấp huyện'))).toBe(false);
    expect(cell('Tệp')).toBe(join(data, 'diem-766-2026-03-09.xlsx'));
    expect((await history('--csv', '--json')).code).toBe(2);
  });

  it('gives one unit over time with --unit, by any spelling of its name', async () => {
    const r = await history('--unit', 'ea ly', '--from', '2026-01-01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        'UBND xã Ea Ly (cấp xã): 5 ngày đánh giá, từ 09/01/2026 đến 09/3/2026',
        '',
        'Ngày         Điểm  Xếp loại  Xếp hạng',
        '09/01/2026  91,59  Xuất sắc    60/102',
        '16/02/2026  89,10  Tốt         97/102',
        '23/02/2026  90,50  Xuất sắc    94/102',
        '02/3/2026   89,31  Tốt         98/102',
        '09/3/2026   89,69  Tốt         96/102',
        '',
      ].join('\n'),
    );
    const csv = await history('--unit', 'UBND xã Ea Ly', '--csv', '--from', '2026-03-09');
    expect(csv.stdout).toBe('\ufeffNgày;Đơn vị;Cấp;Điểm;Xếp loại;Xếp hạng;Số đơn vị có điểm\r\n2026-03-09;UBND xã Ea Ly;cấp xã;89,69;Tốt;96;102\r\n');
    const all = JSON.parse((await history('--unit', 'Ea Ly', '--json')).stdout).unit;
    expect(all.absent).toEqual(['2024-06-04', '2024-07-02']);
    expect(all.points.map((p: { date: string }) => p.date)[0]).toBe('2025-11-07');
  });

  it('names close units when --unit matches none (exit 1), and asks for more when it matches several (exit 2)', async () => {
    const none = await history('--unit', 'Ea Lyy');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Không có đơn vị "Ea Lyy" trong lịch sử. Tên gần giống: UBND xã Ea Ly (cấp xã)');
    const two = await history('--unit', 'Ea Kar');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--unit "Ea Kar" ứng với nhiều đơn vị: UBND huyện Ea Kar (cấp huyện)');
    expect((await history('--unit', 'UBND huyện Ea Kar')).code).toBe(0);
  });

  it('lists with --streaks the units in the bottom N at each of the last K dates', async () => {
    const four = await history('--level', 'xa', '--streaks', '--bottom', '7', '--streak', '4');
    expect(four.code, four.stderr).toBe(0);
    expect(four.stdout.split('\n')[0]).toBe(
      'Cấp xã: 03 đơn vị nằm trong nhóm 07 đơn vị có điểm thấp nhất tại cả 04 lần đánh giá gần nhất (16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026; liên tục 04 tuần):',
    );
    expect(listed(four.stdout)).toEqual(['UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng']);
    expect(four.stdout).toContain('UBND xã Xuân Lộc  86,90 (100/102)  87,40 (100/102)  87,05 (100/102)  87,12 (100/102)');
    const three = await history('--streaks', '--bottom', '7', '--streak', '3');
    expect(listed(three.stdout)).toEqual(['UBND xã Dur Kmăl', 'UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng']);
    const two = await history('--streaks', '--bottom', '7', '--streak', '2');
    expect(listed(two.stdout)).toEqual(['UBND xã Ea Ly', 'UBND phường Sông Cầu', 'UBND xã Dur Kmăl', 'UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng']);
    // Up to 02/3/2026, Cư Pui was in the bottom seven three weeks in a row.
    const before = await history('--streaks', '--bottom', '7', '--streak', '3', '--to', '2026-03-02');
    expect(listed(before.stdout)).toEqual(['UBND xã Cư Pui', 'UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng']);
    const below = await history('--streaks', '--below', '89', '--streak', '2', '--json');
    const streak = JSON.parse(below.stdout).streak;
    expect(streak.units.map((u: { shortName: string }) => u.shortName)).toEqual(['Dur Kmăl', 'Xuân Lộc', 'Vụ Bổn', 'Ea Drăng']);
    expect([streak.dates, streak.weekly, streak.choice]).toEqual([['2026-03-02', '2026-03-09'], true, { below: 89 }]);
  });

  it('says when the last K dates are not consecutive weeks, and when there are too few', async () => {
    const five = await history('--streaks', '--bottom', '7', '--streak', '5');
    expect(five.stdout.split('\n')[0]).toContain('(09/01/2026, 16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026; các ngày không phải 05 tuần liên tiếp)');
    const many = await history('--streaks', '--bottom', '7', '--streak', '20');
    expect(many.code).toBe(1);
    expect(many.stderr).toContain('Lịch sử chỉ có 9 ngày đánh giá có điểm cấp xã');
    const none = await history('--streaks', '--below', '84', '--streak', '4');
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('Cấp xã: 00 đơn vị có điểm dưới 84 tại cả 04 lần đánh giá gần nhất (16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026; liên tục 04 tuần).\n');
  });

  it('refuses streak options without --streaks and --streaks without them (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['--streak', '3'], '--streak: chỉ dùng cùng --streaks'],
      [['--bottom', '7', '--streak', '3'], '--streak, --bottom: chỉ dùng cùng --streaks'],
      [['--streaks', '--bottom', '7'], '--streaks cần --streak K'],
      [['--streaks', '--streak', '3'], '--streaks cần --bottom N'],
      [['--streaks', '--streak', '1', '--bottom', '3'], '--streak: số lần đánh giá phải từ 2 trở lên'],
      [['--streaks', '--streak', '3', '--bottom', '3', '--unit', 'Ea Ly'], 'dùng --streaks hoặc --unit'],
      [['--from', '2026-03-09', '--to', '2026-01-01'], '--from 2026-03-09 sau --to 2026-01-01'],
      [['--level', 'tỉnh'], '--level: cấp phải là tinh, so, huyen hoặc xa'],
    ];
    for (const [args, message] of cases) {
      const r = await history(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });

  it('takes --bottom from the configuration defaults only with --streaks', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dakindex.config.yaml'), 'defaults:\n  bottom: 7\n');
    const plain = await dakindex(['history', '--data', data, '--from', '2026-03-09'], dir);
    expect(plain.code, plain.stderr).toBe(0);
    const streaks = await dakindex(['history', '--data', data, '--streaks', '--streak', '4'], dir);
    expect(streaks.code, streaks.stderr).toBe(0);
    expect(listed(streaks.stdout)).toEqual(['UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng']);
  });

  it('lists every file it cannot use with why, and still prints the others', async () => {
    const dir = dataCopy();
    writeFileSync(join(dir, 'hong-2026-03-10.xlsx'), 'không phải tệp Excel');
    writeFileSync(join(dir, 'khong-ngay.csv'), 'Tên đơn vị;Tổng điểm\nUBND xã A;91,5\n');
    writeFileSync(join(dir, 'sai-2026-03-11.csv'), 'Tên đơn vị;Tổng điểm\nUBND xã A;9,5x\n');
    copyFileSync(join(dir, 'diem-766-2026-03-09.xlsx'), join(dir, 'ban-sao-2026-03-09.xlsx'));
    const r = await dakindex(['history', '--data', dir, '--from', '2026-03-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 ngày đánh giá, từ 02/3/2026 đến 09/3/2026');
    expect(r.stderr).toContain('Tệp bỏ qua (4):');
    expect(r.stderr).toContain(`${join(dir, 'hong-2026-03-10.xlsx')}: `);
    expect(r.stderr).toContain(`${join(dir, 'khong-ngay.csv')}: không có ngày trong tiêu đề hay tên tệp`);
    expect(r.stderr).toMatch(/sai-2026-03-11\.csv: 1 lỗi dữ liệu:\n {4}- .*dòng 2, cột B: giá trị "9,5x"/);
    // Two files of one date: the one report would take is kept, the other named.
    expect(r.stderr).toContain(`${join(dir, 'ban-sao-2026-03-09.xlsx')}: cùng ngày 09/3/2026 với ${join(dir, 'diem-766-2026-03-09.xlsx')}, dùng tệp đó`);
    const j = JSON.parse((await dakindex(['history', '--data', dir, '--json'])).stdout);
    expect(j.skipped.map((s: { file: string }) => s.file.slice(dir.length + 1)).sort()).toEqual([
      'ban-sao-2026-03-09.xlsx',
      'hong-2026-03-10.xlsx',
      'khong-ngay.csv',
      'sai-2026-03-11.csv',
    ]);
  });

  it('stops when no file of the folder can be used (exit 1), naming them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ghi-chu.csv'), 'Tên đơn vị;Tổng điểm\nUBND xã A;91,5\n');
    const r = await dakindex(['history', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không có tệp điểm nào có ngày đánh giá đọc được trong ${dir}.`);
    expect(r.stderr).toContain('ghi-chu.csv: không có ngày trong tiêu đề hay tên tệp');
    const missing = await dakindex(['history', '--data', join(dir, 'khong-co')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy thư mục dữ liệu');
  });
});
