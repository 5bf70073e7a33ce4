import { describe, expect, it } from 'vitest';
import {
  BLANK,
  formatCount,
  formatDocumentNumber,
  formatPercent,
  formatPercentChange,
  formatPlaceDate,
  formatRankChange,
  formatScore,
  formatScoreChange,
  formatShortDate,
  formatTableChange,
  formatTableScore,
  joinAnd,
  roman,
  round,
} from '../../src/core/format-vi.js';

describe('numbers as the seeds write them', () => {
  it('writes scores with a decimal comma and one or two decimals', () => {
    expect(formatScore(88.72)).toBe('88,72');
    expect(formatScore(20.1)).toBe('20,1');
    expect(formatScore(10)).toBe('10,0');
    expect(formatScore(73.73)).toBe('73,73');
    expect(formatScore(16.5)).toBe('16,5');
    expect(formatScore(89.995)).toBe('90,0');
    expect(formatScore(0)).toBe('0,0');
  });

  it('writes table figures and changes with two decimals, as the portal shows them', () => {
    expect(formatTableScore(18)).toBe('18,00');
    expect(formatTableScore(97.3)).toBe('97,30');
    expect(formatTableScore(88.72)).toBe('88,72');
    expect(formatTableScore(89.995)).toBe('90,00');
    expect(formatTableScore(0)).toBe('0,00');
    expect(formatTableScore(-0.001)).toBe('0,00');
    expect(formatTableChange(1)).toBe('+1,00');
    expect(formatTableChange(0.27)).toBe('+0,27');
    expect(formatTableChange(-1.05)).toBe('-1,05');
    expect(formatTableChange(-0.3)).toBe('-0,30');
    expect(formatTableChange(0)).toBe('0,00');
    expect(formatTableChange(0.004)).toBe('0,00');
  });

  it('rounds half away from zero without float noise', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(88.72 - 88.45, 2)).toBe(0.27);
  });

  it('writes changes in words and signs', () => {
    expect(formatScoreChange(0.27)).toBe('tăng 0,27 điểm');
    expect(formatScoreChange(-1.05)).toBe('giảm 1,05 điểm');
    expect(formatScoreChange(3.3)).toBe('tăng 3,3 điểm');
    expect(formatScoreChange(0.001)).toBe('không thay đổi');
    expect(formatPercent(83.65)).toBe('83,65%');
    expect(formatPercentChange(6.23)).toBe('tăng 6,23%');
  });

  it('pads counts and rank changes to two digits', () => {
    expect(formatCount(4)).toBe('04');
    expect(formatCount(87)).toBe('87');
    expect(formatCount(102)).toBe('102');
    expect(formatRankChange(12)).toBe('tăng 12 bậc');
    expect(formatRankChange(-5)).toBe('giảm 05 bậc');
    expect(formatRankChange(9, 'cải thiện')).toBe('cải thiện 09 bậc');
  });

  it('numbers appendices in Roman numerals and joins lists', () => {
    expect([1, 2, 3, 4, 9].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'IX']);
    expect(joinAnd(['A'])).toBe('A');
    expect(joinAnd(['A', 'B', 'C'])).toBe('A, B và C');
  });
});

describe('dates padded as Nghị định 30 says', () => {
  it('pads days below 10 and months 1 and 2 only', () => {
    expect(formatShortDate('2025-11-14')).toBe('14/11/2025');
    expect(formatShortDate('2024-06-04')).toBe('04/6/2024');
    expect(formatShortDate('2024-07-02')).toBe('02/7/2024');
    expect(formatShortDate('2026-01-09')).toBe('09/01/2026');
    expect(formatShortDate('2024-02-27')).toBe('27/02/2024');
    expect(formatShortDate('2026-03-09')).toBe('09/3/2026');
  });

  it('writes the place and date line, blank day when unissued', () => {
    expect(formatPlaceDate('Đắk Lắk', { year: 2025, month: 11 })).toBe(`Đắk Lắk, ngày ${BLANK} tháng 11 năm 2025`);
    expect(formatPlaceDate('Đắk Lắk', { year: 2025, month: 2, day: 5 })).toBe('Đắk Lắk, ngày 05 tháng 02 năm 2025');
    expect(formatPlaceDate('Đắk Lắk', { year: 2025, month: 12, day: 25 })).toBe('Đắk Lắk, ngày 25 tháng 12 năm 2025');
  });

  it('writes the number line, blank when unnumbered', () => {
    expect(formatDocumentNumber('BC-VPUBND', 5)).toBe('Số: 05/BC-VPUBND');
    expect(formatDocumentNumber('UBND-PVHCC', 123)).toBe('Số: 123/UBND-PVHCC');
    expect(formatDocumentNumber('BC-VPUBND')).toMatch(/^Số: {2,}\/BC-VPUBND$/);
  });
});
