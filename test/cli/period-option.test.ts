import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { periodFromOptions, relativePeriodNote } from '../../src/cli/period-option.js';
import { isoDateIn, officeToday } from '../../src/cli/today.js';

const TODAY = '2025-11-14';

describe('period options with current and previous', () => {
  it('--week current|previous alone names week, month and year', () => {
    expect(periodFromOptions({ week: 'current' }, TODAY)).toEqual({ kind: 'week', week: 2, month: 11, year: 2025 });
    expect(periodFromOptions({ week: 'previous' }, TODAY)).toEqual({ kind: 'week', week: 1, month: 11, year: 2025 });
  });

  it('refuses what a relative week or quarter already decides', () => {
    expect(() => periodFromOptions({ week: 'current', month: 11 }, TODAY)).toThrow(new UsageError('--week current đã xác định tuần, tháng và năm: bỏ --month'));
    expect(() => periodFromOptions({ week: 'previous', year: 2025, quarter: 1 }, TODAY)).toThrow(/bỏ --quarter, --year/);
    expect(() => periodFromOptions({ quarter: 'previous', year: 2024 }, TODAY)).toThrow(/--quarter previous đã xác định quý và năm: bỏ --year/);
    expect(() => periodFromOptions({ month: 'previous', year: 2024 }, TODAY)).toThrow(/--month previous đã xác định tháng và năm: bỏ --year/);
  });

  it('a relative month sets month and year; a relative year only the year', () => {
    expect(periodFromOptions({ month: 'previous' }, '2026-01-03')).toEqual({ kind: 'month', month: 12, year: 2025 });
    expect(periodFromOptions({ week: 1, month: 'previous' }, TODAY)).toEqual({ kind: 'week', week: 1, month: 10, year: 2025 });
    expect(periodFromOptions({ year: 'previous', month: 5 }, TODAY)).toEqual({ kind: 'month', month: 5, year: 2024 });
    expect(periodFromOptions({ year: 'current' }, TODAY)).toEqual({ kind: 'year', year: 2025 });
    expect(periodFromOptions({ quarter: 'previous' }, '2024-07-02')).toEqual({ kind: 'quarter', quarter: 2, year: 2024 });
  });

  it('without --year, the year of today; numbers still checked', () => {
    expect(periodFromOptions({ month: 3 }, '2031-06-01')).toEqual({ kind: 'month', month: 3, year: 2031 });
    expect(() => periodFromOptions({ week: 5, month: 'current' }, TODAY)).toThrow('tháng 11/2025 có 4 tuần (tính theo ngày thứ Hai), không có tuần 5');
    expect(() => periodFromOptions({}, TODAY)).toThrow(/current\|previous/);
  });

  it('tells which period a relative option resolved to, and nothing for absolute ones', () => {
    const p = periodFromOptions({ week: 'previous' }, TODAY);
    expect(relativePeriodNote({ week: 'previous' }, p)).toBe('Kỳ: tuần 01 tháng 11/2025 (tuần trước)');
    const q = periodFromOptions({ week: 1, month: 'previous' }, TODAY);
    expect(relativePeriodNote({ week: 1, month: 'previous' }, q)).toBe('Kỳ: tuần 01 tháng 10/2025 (tháng trước)');
    expect(relativePeriodNote({ year: 'current' }, { kind: 'year', year: 2025 })).toBe('Kỳ: năm 2025 (năm nay)');
    expect(relativePeriodNote({ week: 2, month: 11, year: 2025 }, { kind: 'week', week: 2, month: 11, year: 2025 })).toBeNull();
  });
});

describe('today in Asia/Ho_Chi_Minh', () => {
  it('is the Vietnamese calendar date whatever the machine zone (UTC+7)', () => {
    expect(isoDateIn('Asia/Ho_Chi_Minh', new Date('2025-11-13T16:59:59Z'))).toBe('2025-11-13');
    expect(isoDateIn('Asia/Ho_Chi_Minh', new Date('2025-11-13T17:00:00Z'))).toBe('2025-11-14');
    expect(officeToday({}, new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('DAKINDEX_TODAY pins it, and must be a real date', () => {
    expect(officeToday({ DAKINDEX_TODAY: '2025-11-14' }, new Date('2030-01-01T00:00:00Z'))).toBe('2025-11-14');
    expect(officeToday({ DAKINDEX_TODAY: '' }, new Date('2025-11-13T17:00:00Z'))).toBe('2025-11-14');
    expect(() => officeToday({ DAKINDEX_TODAY: '2025-02-30' })).toThrow(UsageError);
    expect(() => officeToday({ DAKINDEX_TODAY: '14/11/2025' })).toThrow('DAKINDEX_TODAY=14/11/2025: ngày phải có dạng YYYY-MM-DD');
  });
});
