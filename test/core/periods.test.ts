import { describe, expect, it } from 'vitest';
import {
  chooseFile,
  nominalEvaluationDate,
  periodLabel,
  periodProblem,
  periodRange,
  periodShortLabel,
  periodSlug,
  previousPeriod,
  sharedFileWarning,
  weeksInMonth,
  type Period,
} from '../../src/core/periods.js';

const week = (week: number, month: number, year: number): Period => ({ kind: 'week', week, month, year });

describe('weeks', () => {
  it('week N of month M starts on the N-th Monday of M', () => {
    expect(periodRange(week(2, 11, 2025))).toEqual({ start: '2025-11-10', end: '2025-11-16' });
    expect(periodRange(week(1, 11, 2025))).toEqual({ start: '2025-11-03', end: '2025-11-09' });
    expect(nominalEvaluationDate(week(2, 11, 2025))).toBe('2025-11-14');
  });

  it('a week may end in the next month or year', () => {
    // December 2025: Mondays 1, 8, 15, 22, 29; week 5 runs into January 2026.
    expect(weeksInMonth(12, 2025)).toBe(5);
    expect(periodRange(week(5, 12, 2025))).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(nominalEvaluationDate(week(5, 12, 2025))).toBe('2026-01-02');
  });

  it('the week before week 1 is the last week of the previous month, across years', () => {
    expect(previousPeriod(week(2, 11, 2025))).toEqual(week(1, 11, 2025));
    expect(previousPeriod(week(1, 11, 2025))).toEqual(week(4, 10, 2025));
    expect(previousPeriod(week(1, 1, 2026))).toEqual(week(5, 12, 2025));
  });

  it('labels weeks as the seeds do', () => {
    expect(periodLabel(week(2, 11, 2025))).toBe('tuần 02 tháng 11/2025');
    expect(periodShortLabel(week(1, 11, 2025), week(2, 11, 2025))).toBe('tuần 01 tháng 11');
    expect(periodShortLabel(week(5, 12, 2025), week(1, 1, 2026))).toBe('tuần 05 tháng 12/2025');
    expect(periodSlug(week(2, 11, 2025))).toBe('tuan-02-thang-11-2025');
  });

  it('refuses a week the month does not have', () => {
    expect(periodProblem(week(5, 11, 2025))).toContain('có 4 tuần');
    expect(periodProblem(week(0, 11, 2025))).not.toBeNull();
    expect(periodProblem(week(4, 11, 2025))).toBeNull();
  });
});

describe('months, quarters, years', () => {
  it('labels and ranges', () => {
    expect(periodLabel({ kind: 'month', month: 5, year: 2024 })).toBe('tháng 5/2024');
    expect(periodLabel({ kind: 'quarter', quarter: 2, year: 2024 })).toBe('Quý II năm 2024');
    expect(periodLabel({ kind: 'year', year: 2025 })).toBe('năm 2025');
    expect(periodRange({ kind: 'quarter', quarter: 2, year: 2024 })).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(periodRange({ kind: 'month', month: 2, year: 2024 })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(nominalEvaluationDate({ kind: 'quarter', quarter: 4, year: 2024 })).toBe('2025-01-01');
  });

  it('previous periods cross year ends', () => {
    expect(previousPeriod({ kind: 'month', month: 1, year: 2025 })).toEqual({ kind: 'month', month: 12, year: 2024 });
    expect(previousPeriod({ kind: 'quarter', quarter: 1, year: 2025 })).toEqual({ kind: 'quarter', quarter: 4, year: 2024 });
    expect(previousPeriod({ kind: 'year', year: 2025 })).toEqual({ kind: 'year', year: 2024 });
  });
});

describe('choosing the data file of a period', () => {
  const files = [
    { path: 'a-2024-06-28.xlsx', date: '2024-06-28' },
    { path: 'b-2024-07-02.xlsx', date: '2024-07-02' },
    { path: 'c-2024-07-15.xlsx', date: '2024-07-15' },
    { path: 'd-2025-11-12.xlsx', date: '2025-11-12' },
    { path: 'e-2025-11-14.xlsx', date: '2025-11-14' },
    { path: 'f-2025-11-17.xlsx', date: '2025-11-17' },
  ];

  it('a closed quarter uses the latest file of the 10 days after it ends (seed 002: 02/7/2024)', () => {
    expect(chooseFile({ kind: 'quarter', quarter: 2, year: 2024 }, files)?.file.path).toBe('b-2024-07-02.xlsx');
  });

  it('falls back to the latest file inside the period', () => {
    const inside = files.filter((f) => f.date !== '2024-07-02');
    expect(chooseFile({ kind: 'quarter', quarter: 2, year: 2024 }, inside)?.file.path).toBe('a-2024-06-28.xlsx');
  });

  it('a week uses the latest file dated inside it', () => {
    expect(chooseFile(week(2, 11, 2025), files)?.file.path).toBe('e-2025-11-14.xlsx');
    expect(chooseFile(week(1, 11, 2025), files)).toBeNull();
  });
});

describe('sharedFileWarning', () => {
  const files = [
    { path: 'd/2026-02-23.xlsx', date: '2026-02-23' },
    { path: 'd/2026-03-02.xlsx', date: '2026-03-02' },
    { path: 'd/2026-03-09.xlsx', date: '2026-03-09' },
  ];
  it('names the file that closes the month before and is also the newest of this month', () => {
    const march = { kind: 'month', month: 3, year: 2026 } as const;
    expect(chooseFile(march, files)?.file.path).toBe('d/2026-03-09.xlsx');
    expect(sharedFileWarning(march, files[2]!, files)).toBe(
      'Tệp d/2026-03-09.xlsx (ngày 09/3/2026) là dữ liệu của cả tháng 3/2026 và tháng 2/2026 (trong 10 ngày sau khi tháng 2/2026 kết thúc): ' +
        'văn bản của hai kỳ sẽ có cùng số liệu. Kiểm tra lại, hoặc chỉ định tệp bằng \u27E6input\u27E7.',
    );
  });
  it('says nothing when the month has a file of its own after the closing days, or for weeks', () => {
    const later = [...files, { path: 'd/2026-03-20.xlsx', date: '2026-03-20' }];
    expect(sharedFileWarning({ kind: 'month', month: 3, year: 2026 }, later[3]!, later)).toBeNull();
    expect(sharedFileWarning({ kind: 'week', week: 1, month: 3, year: 2026 }, files[1]!, files)).toBeNull();
  });
});
