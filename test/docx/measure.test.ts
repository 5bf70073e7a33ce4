/** Text widths from the shipped metrics against the reference widths of the spec (nd30.md §12). */
import { describe, expect, it } from 'vitest';
import { emWidth, faceOf, longestLineWidth, textWidth } from '../../src/io/docx/measure.js';
import { mmToTwips } from '../../src/io/docx/units.js';

describe('textWidth', () => {
  it('matches the spec reference widths to the twip', () => {
    expect(textWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 13, 'bold')).toBeCloseTo(5424, -0.5);
    expect(textWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, 'bold')).toBeCloseTo(5007, -0.5);
    expect(textWidth('Độc lập - Tự do - Hạnh phúc', 14, 'bold')).toBeCloseTo(3428, -0.5);
    expect(textWidth('Độc lập - Tự do - Hạnh phúc', 13, 'bold')).toBeCloseTo(3183, -0.5);
    expect(textWidth('Đắk Lắk, ngày 25 tháng 12 năm 2025', 14, 'italic')).toBeCloseTo(4231, -0.5);
    expect(textWidth('Kính gửi:', 14)).toBeCloseTo(1077, -0.5);
  });

  it('measures tone marks as their base letter, horns and đ as their own letters', () => {
    expect(emWidth('ầ')).toBe(emWidth('a'));
    expect(emWidth('Ắ', 'bold')).toBe(emWidth('A', 'bold'));
    expect(emWidth('ờ')).toBe(emWidth('ơ'));
    expect(emWidth('ơ')).toBeGreaterThan(emWidth('o'));
    expect(emWidth('ự')).toBe(emWidth('ư'));
    expect(emWidth('đ')).toBeGreaterThan(0);
    // Decomposed input is measured like precomposed input.
    expect(emWidth('Việt'.normalize('NFD'))).toBe(emWidth('Việt'));
  });

  it('distinguishes faces and is not a character count', () => {
    expect(emWidth('VĂN PHÒNG', 'bold')).toBeGreaterThan(emWidth('VĂN PHÒNG', 'regular'));
    expect(emWidth('iiii')).toBeLessThan(emWidth('MMMM') / 2);
    expect(faceOf(true, true)).toBe('boldItalic');
    expect(faceOf(false, true)).toBe('italic');
  });

  it('gives the longest line of several', () => {
    expect(longestLineWidth(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK'], 13, 'bold')).toBe(textWidth('ỦY BAN NHÂN DÂN', 13, 'bold'));
    expect(longestLineWidth([], 13)).toBe(0);
  });
});

describe('units', () => {
  it('converts the default margins', () => {
    expect([20, 20, 30, 15].map(mmToTwips)).toEqual([1134, 1134, 1701, 850]);
  });
});
