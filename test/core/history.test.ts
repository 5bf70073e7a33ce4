/**
 * The history's core (src/core/history.ts) on evaluations built in the test: one point per date,
 * the province's series and band counts, a unit's series found by name, streaks, and the points
 * of the last periods of a kind.
 */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { evaluate } from '../../src/core/evaluation.js';
import {
  bottomUnits,
  consecutiveWeeks,
  findStreak,
  historyRows,
  lastPeriods,
  onePerDate,
  pointsBetween,
  provinceSeries,
  unitSeries,
  type HistoryPoint,
} from '../../src/core/history.js';
import type { Level, SheetUnit } from '../../src/core/types.js';
import { dataset, SETTINGS, sheet, unit } from './engine-helpers.js';

/** A point: Đắk Lắk at `province` among three provinces (null: no province sheet), communes by total. */
function point(date: string, communes: Record<string, number | null>, province: number | null = null, extra: Partial<Record<Level, SheetUnit[]>> = {}): HistoryPoint {
  const sheets = [];
  if (province !== null) sheets.push(sheet('tinh', [unit('Đắk Lắk', 'tinh', province), unit('Gia Lai', 'tinh', 85), unit('Lâm Đồng', 'tinh', 91)]));
  for (const [level, units] of Object.entries(extra)) sheets.push(sheet(level as Level, units));
  sheets.push(sheet('xa', Object.entries(communes).map(([name, total]) => unit(name, 'xa', total))));
  return { date, path: `/data/d-${date}.xlsx`, evaluation: evaluate(dataset(sheets, date), SETTINGS) };
}

describe('points', () => {
  it('keeps one file per date, the one report would take (the later name), oldest first', () => {
    const files = [
      { path: '/d/b-2026-03-02.xlsx', date: '2026-03-02' },
      { path: '/d/a-2026-02-23.xlsx', date: '2026-02-23' },
      { path: '/d/a-2026-03-02.xlsx', date: '2026-03-02' },
    ];
    const { points, sameDate } = onePerDate(files);
    expect(points.map((p) => p.path)).toEqual(['/d/a-2026-02-23.xlsx', '/d/b-2026-03-02.xlsx']);
    expect(sameDate).toEqual([{ file: files[2], kept: files[0] }]);
  });

  it('selects dates from and to, both inclusive', () => {
    const dates = ['2026-02-16', '2026-02-23', '2026-03-02'].map((date) => ({ date }));
    expect(pointsBetween(dates, '2026-02-23').map((p) => p.date)).toEqual(['2026-02-23', '2026-03-02']);
    expect(pointsBetween(dates, undefined, '2026-02-23').map((p) => p.date)).toEqual(['2026-02-16', '2026-02-23']);
    expect(pointsBetween(dates, '2026-02-17', '2026-02-22')).toEqual([]);
  });
});

describe('the province and the band counts', () => {
  const points = [
    point('2026-02-16', { 'UBND xã Một': 95, 'UBND xã Hai': 85, 'UBND xã Ba': null }, 88.5),
    point('2026-02-23', { 'UBND xã Một': 96 }),
    point('2026-03-02', { 'UBND xã Một': 97, 'UBND xã Hai': 72.5 }, 92, { so: [unit('Sở Y tế', 'so', 65)] }),
  ];

  it('gives the province series a trend chart draws, and the dates without the province', () => {
    expect(provinceSeries(points)).toEqual({
      name: 'Đắk Lắk',
      points: [
        { date: '2026-02-16', score: 88.5, rank: 2, of: 3 },
        { date: '2026-03-02', score: 92, rank: 1, of: 3 },
      ],
      missing: ['2026-02-23'],
    });
  });

  it('counts the bands of each level present, restricted to the levels asked for', () => {
    const rows = historyRows(points);
    expect(rows.map((r) => [r.date, r.province?.rank ?? null, Object.keys(r.levels)])).toEqual([
      ['2026-02-16', 2, ['tinh', 'xa']],
      ['2026-02-23', null, ['xa']],
      ['2026-03-02', 1, ['tinh', 'so', 'xa']],
    ]);
    expect(rows[0]!.levels.xa).toEqual({ units: 3, rated: 2, counts: { 'xuat-sac': 1, tot: 1, kha: 0, 'trung-binh': 0, yeu: 0, 'khong-du-lieu': 1 } });
    expect(rows[2]!.levels.so!.counts['trung-binh']).toBe(1);
    expect(historyRows(points, ['so']).map((r) => Object.keys(r.levels))).toEqual([[], [], ['so']]);
  });
});

describe('a unit over time', () => {
  const points = [
    point('2024-06-04', { 'UBND xã Ea Kar': 70 }, null, { huyen: [unit('UBND huyện Ea Kar', 'huyen', 81)] }),
    point('2025-11-14', { 'UBND xã Ea Ly - tỉnh Đắk Lắk': 91, 'UBND xã Ea Kar': 88 }),
    point('2026-03-09', { "UBND xã Ea Ly": 89.69, 'UBND xã Ea Kar': null, 'UBND xã Cư M’gar': 90 }),
  ];

  it('matches the name as units are matched across dates, in any spelling', () => {
    for (const name of ['Ea Ly', 'xã Ea Ly', 'UBND XÃ EA LY', 'UBND xã Ea Ly - tỉnh Đắk Lắk']) {
      const found = unitSeries(points, name);
      expect(found.series?.points, name).toEqual([
        { date: '2025-11-14', score: 91, band: 'xuat-sac', rank: 1, of: 2 },
        { date: '2026-03-09', score: 89.69, band: 'tot', rank: 2, of: 2 },
      ]);
      expect(found.series?.absent).toEqual(['2024-06-04']);
      expect(found.series?.name).toBe('UBND xã Ea Ly');
    }
    expect(unitSeries(points, "Cư M'gar").series?.points).toHaveLength(1);
  });

  it('keeps a day without data as a point without score', () => {
    const s = unitSeries(points, 'xã Ea Kar').series!;
    expect(s.points.map((p) => [p.date, p.score, p.band, p.rank, p.of])).toEqual([
      ['2024-06-04', 70, 'kha', 1, 1],
      ['2025-11-14', 88, 'tot', 2, 2],
      ['2026-03-09', null, null, null, 2],
    ]);
  });

  it('is ambiguous when a short name fits two units; the level or the full name settles it', () => {
    const both = unitSeries(points, 'Ea Kar');
    expect(both.series).toBeNull();
    expect(both.candidates).toEqual([
      { name: 'UBND huyện Ea Kar', level: 'huyen' },
      { name: 'UBND xã Ea Kar', level: 'xa' },
    ]);
    expect(both.series === null && both.ambiguous).toBe(true);
    expect(unitSeries(points, 'Ea Kar', 'huyen').series?.points).toEqual([{ date: '2024-06-04', score: 81, band: 'tot', rank: 1, of: 1 }]);
    expect(unitSeries(points, 'UBND huyện Ea Kar').series?.level).toBe('huyen');
  });

  it('offers close names when none matches', () => {
    const none = unitSeries(points, 'Ea Lyy');
    expect(none.series).toBeNull();
    expect(none.candidates?.map((c) => c.name)).toEqual(['UBND xã Ea Ly']);
    expect(unitSeries(points, 'Krông Pắc').candidates).toEqual([]);
  });
});

describe('units at the bottom', () => {
  it('takes the N lowest with any tied with the N-th, or those strictly below a score, never units without data', () => {
    const level = point('2026-03-09', { 'UBND xã A': 95, 'UBND xã B': 88, 'UBND xã C': 88, 'UBND xã D': 80, 'UBND xã E': null }).evaluation.levels.xa!;
    expect(bottomUnits(level, { bottom: 2 }).map((u) => u.shortName)).toEqual(['B', 'C', 'D']);
    expect(bottomUnits(level, { bottom: 9 }).map((u) => u.shortName)).toEqual(['A', 'B', 'C', 'D']);
    expect(bottomUnits(level, { below: 88 }).map((u) => u.shortName)).toEqual(['D']);
  });

  const weeks = [
    point('2026-01-09', { 'UBND xã A': 80, 'UBND xã B': 95, 'UBND xã C': 81, 'UBND xã D': 99 }),
    point('2026-02-16', { 'UBND xã A': 82, 'UBND xã B': 83, 'UBND xã C': 97, 'UBND xã D': 99 }),
    point('2026-02-23', { 'UBND xã A': 84, 'UBND xã B': 85, 'UBND xã C': 98, 'UBND xã D': 99 }),
    // Sunday of the next week: one date in each of three consecutive weeks.
    point('2026-03-08', { 'UBND xã A': 86, 'UBND xã B': 97, 'UBND xã C': 87, 'UBND xã D': 99 }),
  ];

  it('keeps the units at the bottom at each of the last K dates, best last score first', () => {
    const s = findStreak(weeks, { level: 'xa', choice: { bottom: 2 }, length: 3 });
    expect(s.dates).toEqual(['2026-02-16', '2026-02-23', '2026-03-08']);
    expect(s.weekly).toBe(true);
    expect(s.units.map((u) => u.shortName)).toEqual(['A']);
    expect(s.units[0]!.points).toEqual([
      { date: '2026-02-16', score: 82, rank: 4, of: 4 },
      { date: '2026-02-23', score: 84, rank: 4, of: 4 },
      { date: '2026-03-08', score: 86, rank: 4, of: 4 },
    ]);
    expect(findStreak(weeks, { level: 'xa', choice: { bottom: 2 }, length: 2, until: '2026-02-23' }).units.map((u) => u.shortName)).toEqual(['B', 'A']);
    expect(findStreak(weeks, { level: 'xa', choice: { below: 86 }, length: 3 }).units).toEqual([]);
    expect(findStreak(weeks, { level: 'xa', choice: { below: 87 }, length: 3 }).units.map((u) => u.shortName)).toEqual(['A']);
  });

  it('says when the dates are not consecutive weeks', () => {
    const s = findStreak(weeks, { level: 'xa', choice: { bottom: 2 }, length: 4 });
    expect(s.dates[0]).toBe('2026-01-09');
    expect(s.weekly).toBe(false);
    expect(s.units.map((u) => u.shortName)).toEqual(['A']);
  });

  it('counts only the dates with scores at the level; too few is a data error that lists them', () => {
    const withGap = [...weeks.slice(0, 2), { ...weeks[2]!, evaluation: evaluate(dataset([sheet('so', [unit('Sở Y tế', 'so', 90)])], '2026-02-23'), SETTINGS) }, weeks[3]!];
    expect(findStreak(withGap, { level: 'xa', choice: { bottom: 2 }, length: 3 }).dates).toEqual(['2026-01-09', '2026-02-16', '2026-03-08']);
    expect(() => findStreak(weeks, { level: 'xa', choice: { bottom: 1 }, length: 5 })).toThrow(DataError);
    expect(() => findStreak(weeks, { level: 'xa', choice: { bottom: 1 }, length: 3, until: '2026-02-20' })).toThrow(
      'Lịch sử chỉ có 2 ngày đánh giá có điểm cấp xã đến ngày 20/02/2026 (09/01/2026, 16/02/2026), cần 3 ngày liên tiếp.',
    );
  });

  it('consecutive weeks are Monday-to-Sunday weeks, one date in each', () => {
    expect(consecutiveWeeks(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'])).toBe(true);
    expect(consecutiveWeeks(['2025-11-07', '2025-11-14'])).toBe(true);
    // Friday, then the Monday after: consecutive weeks.
    expect(consecutiveWeeks(['2025-11-14', '2025-11-17'])).toBe(true);
    // Sunday and the Monday after it are in two weeks; Monday and Sunday of one week are not.
    expect(consecutiveWeeks(['2026-03-08', '2026-03-09'])).toBe(true);
    expect(consecutiveWeeks(['2026-03-02', '2026-03-08'])).toBe(false);
    expect(consecutiveWeeks(['2026-01-09', '2026-02-16'])).toBe(false);
    // Across a year's end.
    expect(consecutiveWeeks(['2025-12-26', '2026-01-02', '2026-01-09'])).toBe(true);
  });
});

describe('the last periods of a kind (a trend chart)', () => {
  const files = ['2025-09-05', '2025-10-03', '2025-10-31', '2025-11-07', '2025-11-14', '2025-12-05'].map((date) => ({ path: `/d/${date}.xlsx`, date }));

  it('chooses for each month the file report would choose, oldest first', () => {
    const months = lastPeriods(files, { kind: 'month', month: 11, year: 2025 }, 4);
    expect(months.map((m) => [m.label, m.point?.date ?? null, m.reason])).toEqual([
      ['tháng 8/2025', '2025-09-05', 'tệp mới nhất trong 10 ngày sau khi kỳ kết thúc'],
      ['tháng 9/2025', '2025-10-03', 'tệp mới nhất trong 10 ngày sau khi kỳ kết thúc'],
      ['tháng 10/2025', '2025-11-07', 'tệp mới nhất trong 10 ngày sau khi kỳ kết thúc'],
      ['tháng 11/2025', '2025-12-05', 'tệp mới nhất trong 10 ngày sau khi kỳ kết thúc'],
    ]);
    // The items given are returned, not copies.
    expect(months[3]!.point).toBe(files[5]);
  });

  it('never lets one file stand for two periods, and leaves a period without a file empty', () => {
    // Without 05/12, November would take 14/11 (its latest inside), and October 07/11 (before it).
    const months = lastPeriods(files.slice(0, 5), { kind: 'month', month: 11, year: 2025 }, 3);
    expect(months.map((m) => m.point?.date ?? null)).toEqual(['2025-10-03', '2025-11-07', '2025-11-14']);
    const quarters = lastPeriods(files, { kind: 'quarter', quarter: 4, year: 2025 }, 3);
    expect(quarters.map((q) => [q.label, q.point?.date ?? null])).toEqual([
      ['Quý II năm 2025', null],
      ['Quý III năm 2025', '2025-10-03'],
      ['Quý IV năm 2025', '2025-12-05'],
    ]);
    const weeks = lastPeriods(files, { kind: 'week', week: 2, month: 11, year: 2025 }, 2);
    expect(weeks.map((w) => [w.label, w.point?.date])).toEqual([
      ['tuần 01 tháng 11/2025', '2025-11-07'],
      ['tuần 02 tháng 11/2025', '2025-11-14'],
    ]);
  });
});
