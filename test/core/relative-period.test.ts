import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodRange, type Period } from '../../src/core/periods.js';
import { relativePeriod, relativeWording } from '../../src/core/relative-period.js';

const week = (week: number, month: number, year: number): Period => ({ kind: 'week', week, month, year });

describe('periods relative to today', () => {
  it('the current week is the one whose Monday is the N-th Monday of its month', () => {
    // Friday 14/11/2025: Monday 10/11 is November's second Monday.
    expect(relativePeriod('week', 'current', '2025-11-14')).toEqual(week(2, 11, 2025));
    expect(relativePeriod('week', 'current', '2025-11-10')).toEqual(week(2, 11, 2025));
    expect(relativePeriod('week', 'current', '2025-11-16')).toEqual(week(2, 11, 2025));
    expect(relativePeriod('week', 'previous', '2025-11-14')).toEqual(week(1, 11, 2025));
  });

  it('a week whose Monday is in the previous month belongs to that month, across years', () => {
    // Sunday 02/11/2025: Monday 27/10 is October's fourth Monday.
    expect(relativePeriod('week', 'current', '2025-11-02')).toEqual(week(4, 10, 2025));
    expect(relativePeriod('week', 'previous', '2025-11-02')).toEqual(week(3, 10, 2025));
    // Thursday 01/01/2026: Monday 29/12/2025, December 2025's fifth Monday.
    expect(relativePeriod('week', 'current', '2026-01-01')).toEqual(week(5, 12, 2025));
    // Monday 05/01/2026 starts tuần 01 tháng 1/2026; the week before is tuần 05 tháng 12/2025.
    expect(relativePeriod('week', 'current', '2026-01-05')).toEqual(week(1, 1, 2026));
    expect(relativePeriod('week', 'previous', '2026-01-05')).toEqual(week(5, 12, 2025));
    // Monday 01/12/2025 is December's first Monday.
    expect(relativePeriod('week', 'current', '2025-12-01')).toEqual(week(1, 12, 2025));
  });

  it('months, quarters and years, and the ones before them across year ends', () => {
    expect(relativePeriod('month', 'current', '2025-11-14')).toEqual({ kind: 'month', month: 11, year: 2025 });
    expect(relativePeriod('month', 'previous', '2026-01-03')).toEqual({ kind: 'month', month: 12, year: 2025 });
    expect(relativePeriod('quarter', 'current', '2024-07-02')).toEqual({ kind: 'quarter', quarter: 3, year: 2024 });
    expect(relativePeriod('quarter', 'previous', '2024-07-02')).toEqual({ kind: 'quarter', quarter: 2, year: 2024 });
    expect(relativePeriod('quarter', 'previous', '2026-02-10')).toEqual({ kind: 'quarter', quarter: 4, year: 2025 });
    expect(relativePeriod('quarter', 'current', '2025-12-31')).toEqual({ kind: 'quarter', quarter: 4, year: 2025 });
    expect(relativePeriod('year', 'current', '2025-11-14')).toEqual({ kind: 'year', year: 2025 });
    expect(relativePeriod('year', 'previous', '2026-01-01')).toEqual({ kind: 'year', year: 2025 });
  });

  it('the current period of every kind contains today, and the previous one ends the day before it starts', () => {
    const day = fc.date({ min: new Date(Date.UTC(2001, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('week', 'month', 'quarter', 'year' as const), (d, kind) => {
        const today = d.toISOString().slice(0, 10);
        const current = periodRange(relativePeriod(kind, 'current', today));
        expect(current.start <= today && today <= current.end).toBe(true);
        const previous = periodRange(relativePeriod(kind, 'previous', today));
        const dayBefore = new Date(Date.parse(`${current.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(previous.end).toBe(dayBefore);
      }),
      { numRuns: 2000 },
    );
  });

  it('words the period as the office says it', () => {
    expect(relativeWording('week', 'current')).toBe('tuần này');
    expect(relativeWording('week', 'previous')).toBe('tuần trước');
    expect(relativeWording('month', 'previous')).toBe('tháng trước');
    expect(relativeWording('quarter', 'current')).toBe('quý này');
    expect(relativeWording('year', 'current')).toBe('năm nay');
    expect(relativeWording('year', 'previous')).toBe('năm trước');
  });
});
