import { describe, expect, it } from 'vitest';
import { levelFromText, parseLevel } from '../../src/core/levels.js';

describe('levelFromText', () => {
  it.each([
    ['Sở Ban', 'so'],
    ['So ban', 'so'],
    ['Sở, ban, ngành', 'so'],
    ['Xã Phường', 'xa'],
    ['Cấp xã', 'xa'],
    ['Cấp huyện', 'huyen'],
    ['Tỉnh, thành phố', 'tinh'],
    ['Tinh thanh pho', 'tinh'],
    ['Số liệu', null],
    ['Điểm năm', null],
    ['Ket qua', null],
    ['Sheet1', null],
  ])('sheet %s → %s', (text, level) => {
    expect(levelFromText(text, 'sheet')).toBe(level);
  });

  it.each([
    ['I. Sở, ban, ngành', 'so'],
    ['I Sở, ban, ngành', 'so'],
    ['II. UBND cấp huyện', 'huyen'],
    ['III. UBND cấp xã', 'xa'],
    ['II. UBND xã, phường', 'xa'],
    ['a) Cấp tỉnh', 'so'],
    ['II Văn phòng đăng ký đất đai', null],
  ])('section %s → %s', (text, level) => {
    expect(levelFromText(text, 'section')).toBe(level);
  });

  it.each([
    ['UBND xã Ea Kar', 'xa'],
    ['UBND phường Tân An - tỉnh Đắk Lắk', 'xa'],
    ['UBND thị trấn Phước An', 'xa'],
    ['UBND huyện Krông Pắc', 'huyen'],
    ['UBND thị xã Buôn Hồ', 'huyen'],
    ['UBND thành phố Buôn Ma Thuột', 'huyen'],
    ['Thành phố Hà Nội', null],
    ['Sở Tư pháp', 'so'],
    ['Ban Dân tộc', 'so'],
    ['Thanh tra tỉnh', 'so'],
    ['UBND tỉnh Đắk Lắk', 'tinh'],
    ['Hà Nội', null],
  ])('unit %s → %s', (text, level) => {
    expect(levelFromText(text, 'unit')).toBe(level);
  });

  it.each([
    ['1', 'tinh'],
    ['2', 'so'],
    ['3', 'xa'],
    ['4', 'huyen'],
    ['01', 'tinh'],
    ['xa', 'xa'],
    ['huyen', 'huyen'],
    ['Cấp xã', 'xa'],
    ['Sở, ban, ngành', 'so'],
    ['Huyện', 'huyen'],
    ['7', null],
    ['abc', null],
  ])('code %s → %s', (text, level) => {
    expect(levelFromText(text, 'code')).toBe(level);
  });

  it('parses --sheet levels', () => {
    expect(parseLevel('tinh')).toBe('tinh');
    expect(parseLevel('so')).toBe('so');
    expect(parseLevel('Cấp xã')).toBe('xa');
    expect(parseLevel('quan')).toBeNull();
  });
});
