/**
 * The trend's series, sentence and chart (src/core/trend.ts): the wording rules written at the top
 * of that file, on hand-picked series (ties, missing ranks, a gap, a change of the number of
 * provinces) and on many random ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation, ProvinceResult } from '../../src/core/evaluation.js';
import { formatScore } from '../../src/core/format-vi.js';
import { periodChartLabel, recentPeriods, type Period } from '../../src/core/periods.js';
import {
  chooseTrendFiles,
  provinceSeries,
  provinceTrend,
  trendChart,
  trendGaps,
  trendSentence,
  trendWording,
  type TrendEntry,
  type TrendPoint,
} from '../../src/core/trend.js';

const pt = (score: number, rank: number | null = null, of: number | null = rank === null ? null : 34, label = ''): TrendPoint => ({
  label,
  date: '2026-01-01',
  score,
  rank,
  of,
});

/** Points labelled "Quý I năm 2026", "Quý II năm 2026" … in order. */
function series(...points: [number, (number | null)?, (number | null)?][]): TrendPoint[] {
  return points.map(([score, rank = null, of], i) => pt(score, rank, of === undefined ? (rank === null ? null : 34) : of, `P${i + 1}`));
}

const sentence = (points: TrendPoint[], kind: Period['kind'] = 'month', consecutive = true) => trendSentence(points, kind, consecutive);

describe('the trend sentence: score', () => {
  it('the issue\'s example: rising every month for three months, rank better', () => {
    expect(sentence(series([86.14, 22], [86.9, 21], [87.65, 19], [88.72, 16]))).toBe(
      'Điểm số của tỉnh tăng liên tục 3 tháng, từ 86,14 lên 88,72 điểm; thứ hạng cải thiện liên tục 3 tháng, từ 22 lên 16/34',
    );
  });

  it('falling every period: "giảm liên tục", "xuống"', () => {
    expect(sentence(series([90, null], [89.5, null], [88.1, null]), 'quarter')).toBe('Điểm số của tỉnh giảm liên tục 2 quý, từ 90,0 xuống 88,1 điểm');
  });

  it('two points: no "liên tục" for a single step', () => {
    expect(sentence(series([86.14], [88.72]))).toBe('Điểm số của tỉnh tăng từ 86,14 lên 88,72 điểm');
    expect(sentence(series([88.72], [86.14]), 'year')).toBe('Điểm số của tỉnh giảm từ 88,72 xuống 86,14 điểm');
  });

  it('a tie between two periods breaks the streak: the first and last scores only', () => {
    expect(sentence(series([86.14], [87], [87], [88.72]))).toBe('Điểm số của tỉnh tăng từ 86,14 lên 88,72 điểm');
  });

  it('ups and downs: the net change from the first to the last', () => {
    expect(sentence(series([86], [89.2], [85.5], [87.35]))).toBe('Điểm số của tỉnh tăng từ 86,0 lên 87,35 điểm');
    expect(sentence(series([88], [86], [89], [87.01]))).toBe('Điểm số của tỉnh giảm từ 88,0 xuống 87,01 điểm');
  });

  it('the same score first and last, moving or not in between: "không thay đổi"', () => {
    expect(sentence(series([88.72], [88.72], [88.72]))).toBe('Điểm số của tỉnh không thay đổi (88,72 điểm)');
    expect(sentence(series([88.72], [90], [88.72]))).toBe('Điểm số của tỉnh không thay đổi (88,72 điểm)');
  });

  it('scores compare as printed: 88,724 and 88,72 are the same score, 88,726 is not', () => {
    expect(sentence(series([88.72], [88.724]))).toBe('Điểm số của tỉnh không thay đổi (88,72 điểm)');
    expect(sentence(series([88.72], [88.726]))).toBe('Điểm số của tỉnh tăng từ 88,72 lên 88,73 điểm');
    // A rise within a hundredth of a point is no step of a streak.
    expect(sentence(series([88.7], [88.704], [89]))).toBe('Điểm số của tỉnh tăng từ 88,7 lên 89,0 điểm');
  });

  it('a gap (periods not consecutive) never says "liên tục"', () => {
    expect(sentence(series([86.14, 22], [86.9, 21], [88.72, 16]), 'quarter', false)).toBe(
      'Điểm số của tỉnh tăng từ 86,14 lên 88,72 điểm; thứ hạng cải thiện từ 22 lên 16/34',
    );
  });

  it('names the unit of the report\'s kind', () => {
    const up = series([80], [81], [82]);
    expect(sentence(up, 'week')).toContain('tăng liên tục 2 tuần,');
    expect(sentence(up, 'month')).toContain('tăng liên tục 2 tháng,');
    expect(sentence(up, 'quarter')).toContain('tăng liên tục 2 quý,');
    expect(sentence(up, 'year')).toContain('tăng liên tục 2 năm,');
  });

  it('needs two points', () => {
    expect(() => sentence(series([88]))).toThrow(RangeError);
  });
});

describe('the trend sentence: rank', () => {
  it('worse every period: "giảm liên tục", "xuống"', () => {
    expect(sentence(series([88, 16], [87, 18], [86, 25]))).toBe(
      'Điểm số của tỉnh giảm liên tục 2 tháng, từ 88,0 xuống 86,0 điểm; thứ hạng giảm liên tục 2 tháng, từ 16 xuống 25/34',
    );
  });

  it('a tied rank breaks the rank\'s streak, not the score\'s', () => {
    expect(sentence(series([86, 22], [87, 22], [88, 16]))).toBe(
      'Điểm số của tỉnh tăng liên tục 2 tháng, từ 86,0 lên 88,0 điểm; thứ hạng cải thiện từ 22 lên 16/34',
    );
  });

  it('the same rank first and last: "không thay đổi"', () => {
    expect(sentence(series([86, 16], [88, 14], [87, 16]))).toBe('Điểm số của tỉnh tăng từ 86,0 lên 87,0 điểm; thứ hạng không thay đổi (16/34)');
  });

  it('no rank, or one: no rank clause', () => {
    expect(sentence(series([86, null], [88, null]))).toBe('Điểm số của tỉnh tăng từ 86,0 lên 88,0 điểm');
    expect(sentence(series([86, null], [87, null], [88, 16]))).toBe('Điểm số của tỉnh tăng liên tục 2 tháng, từ 86,0 lên 88,0 điểm');
  });

  it('a missing rank at either end: the ranked point is named by its period, and no streak', () => {
    expect(sentence(series([86, null], [87, 22], [88, 20], [89, 16]))).toBe(
      'Điểm số của tỉnh tăng liên tục 3 tháng, từ 86,0 lên 89,0 điểm; thứ hạng cải thiện từ 22 (P2) lên 16/34',
    );
    expect(sentence(series([86, 22], [87, 20], [88, null]))).toBe(
      'Điểm số của tỉnh tăng liên tục 2 tháng, từ 86,0 lên 88,0 điểm; thứ hạng cải thiện từ 22 lên 20/34 (P2)',
    );
    // A rank missing in the middle: the ends compare, the streak is not claimed.
    expect(sentence(series([86, 22], [87, null], [88, 20], [89, 16]))).toBe(
      'Điểm số của tỉnh tăng liên tục 3 tháng, từ 86,0 lên 89,0 điểm; thứ hạng cải thiện từ 22 lên 16/34',
    );
  });

  it('ranks among different numbers of provinces do not compare: no verb, both shown', () => {
    expect(sentence(series([73.73, 31, 63], [86.14, 22, 34]), 'year')).toBe(
      'Điểm số của tỉnh tăng từ 73,73 lên 86,14 điểm; thứ hạng từ 31/63 chuyển thành 22/34',
    );
  });

  it('a published rank without the number ranked: no "/N"', () => {
    expect(sentence(series([86, 22, null], [88, 16, null]))).toBe('Điểm số của tỉnh tăng từ 86,0 lên 88,0 điểm; thứ hạng cải thiện từ 22 lên 16');
    // Known at one end only: the known number is written after the last rank.
    expect(sentence(series([86, 22, null], [88, 16, 34]))).toBe('Điểm số của tỉnh tăng từ 86,0 lên 88,0 điểm; thứ hạng cải thiện từ 22 lên 16/34');
  });
});

describe('the trend sentence on random series', () => {
  const point = fc.record({
    score: fc.integer({ min: 5000, max: 10000 }).map((c) => c / 100),
    rank: fc.option(fc.integer({ min: 1, max: 34 }), { nil: null }),
  });
  const arb = fc.tuple(fc.array(point, { minLength: 2, maxLength: 8 }), fc.boolean(), fc.constantFrom<Period['kind']>('week', 'month', 'quarter', 'year'));

  it('says "liên tục" of the score exactly when it moves the same way at every step of three or more consecutive periods', () => {
    fc.assert(
      fc.property(arb, ([raw, consecutive, kind]) => {
        const points = raw.map((p, i) => pt(p.score, p.rank, p.rank === null ? null : 34, `P${i}`));
        const text = trendSentence(points, kind, consecutive);
        const scorePart = text.split(';')[0]!;
        const steps = points.slice(1).map((p, i) => Math.sign(Math.round(p.score * 100) - Math.round(points[i]!.score * 100)));
        const same = steps.every((s) => s === steps[0]) && steps[0] !== 0;
        expect(scorePart.includes('liên tục')).toBe(consecutive && points.length >= 3 && same);
        if (scorePart.includes('liên tục')) expect(scorePart).toContain(`liên tục ${points.length - 1} `);
      }),
      { numRuns: 500 },
    );
  });

  it('always names the first and last score as printed, with the right verb', () => {
    fc.assert(
      fc.property(arb, ([raw, consecutive, kind]) => {
        const points = raw.map((p) => pt(p.score, p.rank));
        const text = trendSentence(points, kind, consecutive).split(';')[0]!;
        const a = formatScore(points[0]!.score);
        const b = formatScore(points.at(-1)!.score);
        const net = Math.round(points.at(-1)!.score * 100) - Math.round(points[0]!.score * 100);
        if (net === 0) expect(text).toBe(`Điểm số của tỉnh không thay đổi (${b} điểm)`);
        else expect(text).toMatch(new RegExp(`^Điểm số của tỉnh ${net > 0 ? 'tăng' : 'giảm'} .*từ ${a} ${net > 0 ? 'lên' : 'xuống'} ${b} điểm$`));
      }),
      { numRuns: 500 },
    );
  });

  it('has a rank clause exactly when two points have a rank, comparing the first and last ranked', () => {
    fc.assert(
      fc.property(arb, ([raw, consecutive, kind]) => {
        const points = raw.map((p) => pt(p.score, p.rank));
        const text = trendSentence(points, kind, consecutive);
        const ranked = points.filter((p) => p.rank !== null);
        expect(text.includes('; thứ hạng ')).toBe(ranked.length >= 2);
        if (ranked.length < 2) return;
        const [a, b] = [ranked[0]!.rank!, ranked.at(-1)!.rank!];
        const rank = text.split('; thứ hạng ')[1]!;
        if (a === b) expect(rank).toMatch(new RegExp(`^không thay đổi \\(${b}/34`));
        else expect(rank).toMatch(new RegExp(`^${b < a ? 'cải thiện' : 'giảm'} .*từ ${a}\\b.* ${b < a ? 'lên' : 'xuống'} ${b}/34`));
      }),
      { numRuns: 500 },
    );
  });
});

// ------------------------------------------------------------------ series, gaps, chart

const quarter = (quarter: number, year: number): Period => ({ kind: 'quarter', quarter, year });

function evaluation(date: string, province: Partial<ProvinceResult> | null): Evaluation & { date: string } {
  return {
    date,
    dateSource: 'title',
    levels: {},
    province: province ? { name: 'Đắk Lắk', score: 0, rank: null, of: null, groups: {}, ...province } : null,
    warnings: [],
  };
}

/** Four quarters to Quý III năm 2026; `p[i]` null: no file; `undefined` province: a file without the province. */
function entries(...p: ({ score: number; rank?: number | null; of?: number | null } | null | 'no province')[]): TrendEntry[] {
  const periods = recentPeriods(quarter(3, 2026), p.length);
  return periods.map((period, i) => {
    const x = p[i]!;
    if (x === null) return { period, evaluation: null };
    return { period, evaluation: evaluation(`2026-0${i + 1}-02`, x === 'no province' ? null : { rank: null, of: null, ...x }) };
  });
}

describe('periods of the trend', () => {
  it('the last N periods of a kind end with the report\'s own, across years', () => {
    expect(recentPeriods(quarter(2, 2024), 4)).toEqual([quarter(3, 2023), quarter(4, 2023), quarter(1, 2024), quarter(2, 2024)]);
    expect(recentPeriods({ kind: 'month', month: 2, year: 2026 }, 3)).toEqual([
      { kind: 'month', month: 12, year: 2025 },
      { kind: 'month', month: 1, year: 2026 },
      { kind: 'month', month: 2, year: 2026 },
    ]);
    expect(recentPeriods({ kind: 'week', week: 1, month: 12, year: 2025 }, 2)).toEqual([
      { kind: 'week', week: 4, month: 11, year: 2025 },
      { kind: 'week', week: 1, month: 12, year: 2025 },
    ]);
    expect(recentPeriods({ kind: 'year', year: 2025 }, 1)).toEqual([{ kind: 'year', year: 2025 }]);
  });

  it('chart labels are short', () => {
    expect(periodChartLabel({ kind: 'month', month: 5, year: 2024 })).toBe('T5/2024');
    expect(periodChartLabel(quarter(1, 2024))).toBe('Quý I/2024');
    expect(periodChartLabel({ kind: 'year', year: 2024 })).toBe('Năm 2024');
    expect(periodChartLabel({ kind: 'week', week: 2, month: 11, year: 2025 })).toBe('Tuần 02 T11/2025');
  });
});

describe('the province\'s trend', () => {
  it('the series: one point per period with the province\'s score, its label, date, rank and number ranked', () => {
    const e = entries({ score: 86.14, rank: 22, of: 34 }, null, 'no province', { score: 88.72, rank: 16, of: 34 });
    expect(provinceSeries(e)).toEqual([
      { label: 'Quý IV năm 2025', date: '2026-01-02', score: 86.14, rank: 22, of: 34 },
      { label: 'Quý III năm 2026', date: '2026-04-02', score: 88.72, rank: 16, of: 34 },
    ]);
  });

  it('starts at the first period with the province, keeps the gaps after it, and says what came before', () => {
    const t = provinceTrend(entries(null, { score: 86 }, 'no province', { score: 88 }))!;
    expect(t.before).toEqual([quarter(4, 2025)]);
    expect(t.slots.map((s) => s.period)).toEqual([quarter(1, 2026), quarter(2, 2026), quarter(3, 2026)]);
    expect(trendGaps(t)).toEqual([quarter(2, 2026)]);
    expect(t.points.map((p) => p.score)).toEqual([86, 88]);
  });

  it('is null when the report\'s own period has no province score', () => {
    expect(provinceTrend(entries({ score: 86 }, { score: 87 }, 'no province'))).toBeNull();
    expect(provinceTrend(entries({ score: 86 }, null))).toBeNull();
  });

  it('is worded when it has two points: span, sentence, gaps; not with one', () => {
    const w = trendWording(provinceTrend(entries({ score: 86.14, rank: 22, of: 34 }, null, { score: 87, rank: 20, of: 34 }, { score: 88.72, rank: 16, of: 34 }))!);
    expect(w).toEqual({
      from: 'Quý IV năm 2025',
      to: 'Quý III năm 2026',
      // The gap: no streak claimed.
      sentence: 'Điểm số của tỉnh tăng từ 86,14 lên 88,72 điểm; thứ hạng cải thiện từ 22 lên 16/34',
      gaps: 'Quý I năm 2026',
    });
    expect(trendWording(provinceTrend(entries(null, null, null, { score: 88 }))!)).toBeNull();
    expect(trendWording(provinceTrend(entries({ score: 86 }, null, null, { score: 88 }))!)!.gaps).toBe('Quý I năm 2026 và Quý II năm 2026');
  });

  it('the chart: a category per period from the first point, a gap (null, not 0) where a period has none, ranks reversed from 1 to the number ranked', () => {
    const chart = trendChart(provinceTrend(entries(null, { score: 86.14, rank: 22, of: 34 }, null, { score: 88.72, rank: 16, of: 34 }))!, 'Đắk Lắk');
    expect(chart.title).toBe('Điểm số, thứ hạng của tỉnh Đắk Lắk');
    expect(chart.categories).toEqual(['Quý I/2026', 'Quý II/2026', 'Quý III/2026']);
    expect(chart.series).toEqual([
      { name: 'Điểm số', values: [86.14, null, 88.72], axis: 'left', axisTitle: 'Điểm', reversed: false, decimals: 2, bounds: { min: 0, max: 100 } },
      { name: 'Thứ hạng', values: [22, null, 16], axis: 'right', axisTitle: 'Thứ hạng (1 là cao nhất)', reversed: true, decimals: 0, bounds: { min: 1, max: 34 } },
    ]);
  });

  it('the chart has no rank series when no point has a rank', () => {
    const chart = trendChart(provinceTrend(entries({ score: 86 }, { score: 88 }))!, 'Đắk Lắk');
    expect(chart.series.map((s) => s.name)).toEqual(['Điểm số']);
  });
});

describe('the files of the trend\'s periods', () => {
  const month = (m: number): Period => ({ kind: 'month', month: m, year: 2026 });
  const months = [5, 6, 7, 8, 9].map(month);
  const files = (...dates: string[]) => dates.map((date) => ({ path: `/d/diem-766-${date}.xlsx`, date }));
  const chosen = (periods: Period[], f: ReturnType<typeof files>, before: string) =>
    chooseTrendFiles(periods, f, before).map((t) => t.choice?.file.date ?? (t.standsFor ? `(${t.standsFor.file.date})` : null));

  it('each month its file of the days after it, as `report` chooses', () => {
    expect(chosen(months, files('2026-06-02', '2026-07-03', '2026-08-04', '2026-09-02', '2026-10-02'), '2026-11-03')).toEqual([
      '2026-06-02', '2026-07-03', '2026-08-04', '2026-09-02', '2026-10-02',
    ]);
  });

  it('a missing download leaves its month empty; the files before it keep their months (no shift)', () => {
    // No file in the days after July: 03/7 is inside July too, but it closes June.
    const t = chooseTrendFiles(months, files('2026-06-02', '2026-07-03', '2026-09-02', '2026-10-02'), '2026-11-03');
    expect(t.map((x) => x.choice?.file.date ?? null)).toEqual(['2026-06-02', '2026-07-03', null, '2026-09-02', '2026-10-02']);
    expect(t[2]!.standsFor).toEqual({ file: files('2026-07-03')[0], period: month(6) });
  });

  it('files dated inside their months stand for them', () => {
    expect(chosen(months, files('2026-05-20', '2026-06-18', '2026-07-25', '2026-08-14', '2026-09-28'), '2026-10-30')).toEqual([
      '2026-05-20', '2026-06-18', '2026-07-25', '2026-08-14', '2026-09-28',
    ]);
  });

  it('only files older than the report\'s own data; none for a period without any', () => {
    // June would take 02/6 too (inside it): May's, so June has none, and says why.
    expect(chosen(months, files('2026-06-02', '2026-10-02', '2026-10-05'), '2026-10-02')).toEqual(['2026-06-02', '(2026-06-02)', null, null, null]);
  });

  it('weeks take the latest file inside each', () => {
    const weeks = recentPeriods({ kind: 'week', week: 2, month: 11, year: 2025 }, 3);
    expect(chosen(weeks, files('2025-10-31', '2025-11-05', '2025-11-07', '2025-11-14'), '2025-11-14')).toEqual(['2025-10-31', '2025-11-07', null]);
  });
});
