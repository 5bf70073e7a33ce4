import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, isCommitteeName, nameKey, normalizeName, shortName, unitKind } from '../../src/core/names.js';

describe('foldVietnamese', () => {
  it('strips diacritics, đ, case and punctuation', () => {
    expect(foldVietnamese('Công khai, minh bạch (18)')).toBe('cong khai minh bach 18');
    expect(foldVietnamese('  ĐẮK  LẮK ')).toBe('dak lak');
    expect(foldVietnamese('TEN_COQUAN')).toBe('ten coquan');
    expect(foldVietnamese('Tỷ lệ (%)')).toBe('ty le');
    expect(foldVietnamese('Số hóa hồ sơ')).toBe(foldVietnamese('SỐ HOÁ HỒ SƠ'));
  });

  it('treats decomposed and composed input alike', () => {
    expect(foldVietnamese('Hòa'.normalize('NFD'))).toBe('hoa');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldVietnamese(foldVietnamese(s)) === foldVietnamese(s)));
  });
});

describe('normalizeName', () => {
  it('normalises NFC, spaces, NBSP and apostrophes', () => {
    expect(normalizeName('  UBND\u00a0xã   Ea  H’Leo ')).toBe("UBND xã Ea H'Leo");
    expect(normalizeName('Cư M‘gar')).toBe("Cư M'gar");
    expect(normalizeName('Cư M`gar')).toBe("Cư M'gar");
    expect(normalizeName('UBND xã Hòa Phú'.normalize('NFD'))).toBe('UBND xã Hòa Phú');
  });

  it('strips a trailing " - tỉnh X" in any case', () => {
    expect(normalizeName('UBND xã Ea Kar - tỉnh Đắk Lắk')).toBe('UBND xã Ea Kar');
    expect(normalizeName('UBND phường Tân An - Tỉnh Đắk Lắk')).toBe('UBND phường Tân An');
    expect(normalizeName('Sở Nội vụ – tỉnh Đắk Lắk')).toBe('Sở Nội vụ');
    expect(normalizeName('Sở Lao động - Thương binh và Xã hội')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(normalizeName('Bà Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeName(normalizeName(s)) === normalizeName(s)));
  });
});

describe('unitKind and shortName', () => {
  const cases: Array<[string, string, string]> = [
    ['UBND xã Ea Ly', 'xa', 'Ea Ly'],
    ['UBND phường Sông Cầu', 'phuong', 'Sông Cầu'],
    ['UBND thị trấn Ea Drăng', 'thi-tran', 'Ea Drăng'],
    ['Đặc khu Phú Quốc', 'dac-khu', 'Phú Quốc'],
    ['UBND huyện Lắk', 'huyen', 'Lắk'],
    ['UBND thị xã Buôn Hồ', 'thi-xa', 'Buôn Hồ'],
    ['UBND thành phố Buôn Ma Thuột', 'thanh-pho', 'Buôn Ma Thuột'],
    ['UBND TP. Buôn Ma Thuột', 'thanh-pho', 'Buôn Ma Thuột'],
    ['Ủy ban nhân dân xã Ea Kar', 'xa', 'Ea Kar'],
    ['UBND tỉnh Đắk Lắk', 'tinh', 'Đắk Lắk'],
    ['Tỉnh Đắk Lắk', 'tinh', 'Đắk Lắk'],
    ['Đắk Lắk', 'other', 'Đắk Lắk'],
    ['Sở Y tế', 'so', 'Sở Y tế'],
    ['Ban Quản lý các Khu công nghiệp tỉnh', 'so', 'Ban Quản lý các Khu công nghiệp tỉnh'],
    ['Thanh tra tỉnh', 'so', 'Thanh tra tỉnh'],
    ['Văn phòng UBND tỉnh', 'so', 'Văn phòng UBND tỉnh'],
    ['UBND xã Ea Kar - tỉnh Đắk Lắk', 'xa', 'Ea Kar'],
    ['Sơn La', 'other', 'Sơn La'],
    ['Sóc Trăng', 'other', 'Sóc Trăng'],
    ["UBND xã Cư M'gar", 'xa', "Cư M'gar"],
    ['UBND xã M’Drắk - tỉnh Đắk Lắk', 'xa', "M'Drắk"],
    ["Xã Ea H'Leo", 'xa', "Ea H'Leo"],
  ];
  it.each(cases)('%s → %s, "%s"', (name, kind, short) => {
    expect(unitKind(name)).toBe(kind);
    expect(shortName(name)).toBe(short);
  });

  it('tells a committee name', () => {
    expect(isCommitteeName('UBND thành phố Buôn Ma Thuột')).toBe(true);
    expect(isCommitteeName('Thành phố Hà Nội')).toBe(false);
  });
});

describe('nameKey', () => {
  it('matches the same unit across spellings', () => {
    expect(nameKey('UBND xã Ea Ly - tỉnh Đắk Lắk')).toBe(nameKey('UBND xã Ea Ly'));
    expect(nameKey('Xã Ea Ly')).toBe(nameKey('UBND xã EA LY'));
    expect(nameKey("Xã Cư M'gar")).toBe(nameKey('UBND xã Cư M’gar'));
    expect(nameKey('UBND tỉnh Đắk Lắk')).toBe(nameKey('Đắk Lắk'));
    expect(nameKey('Tỉnh Đắk Lắk')).toBe(nameKey('Đắk Lắk'));
    expect(nameKey('UBND xã Hoà Phú')).toBe(nameKey('UBND xã Hòa Phú'));
    expect(nameKey('UBND xã Ea H’Leo')).toBe(nameKey("UBND xã Ea H'Leo"));
    expect(nameKey('Sở Nội vụ - tỉnh Đắk Lắk')).toBe(nameKey('Sở Nội vụ'));
  });

  it('keeps different units apart', () => {
    expect(nameKey('UBND xã Ea Kar')).not.toBe(nameKey('UBND huyện Ea Kar'));
    expect(nameKey('UBND xã Buôn Đôn')).not.toBe(nameKey('UBND xã Buôn Hồ'));
    expect(nameKey('UBND xã Ea Ô')).not.toBe(nameKey('UBND xã Ea O'));
    expect(nameKey('UBND xã Ea Kar')).not.toBe(nameKey('UBND phường Ea Kar'));
  });
});
