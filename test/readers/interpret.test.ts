import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { describeOrigin } from '../../src/core/errors.js';
import { matchLabel } from '../../src/io/table/columns.js';
import { filenameDate } from '../../src/io/table/dates.js';
import { columnLetter, columnNumber } from '../../src/io/table/grid.js';
import { interpretGrid } from '../../src/io/table/interpret.js';
import { parseScore } from '../../src/io/table/values.js';
import { grid } from './helpers.js';

const opts = { file: 'f.xlsx', config: DEFAULT_CONFIG };
const SIX_HEADER = [
  'STT',
  'Tên đơn vị',
  'Công khai, minh bạch (18)',
  'Tiến độ, kết quả giải quyết (20)',
  'Dịch vụ công trực tuyến (12)',
  'Thanh toán trực tuyến (10)',
  'Mức độ hài lòng (18)',
  'Số hóa hồ sơ (22)',
  'Tổng điểm (100)',
];
const row6 = (i: number, name: string, v: number[], total?: number | null) => [
  i,
  name,
  ...v,
  total === undefined ? Math.round(v.reduce((a, b) => a + b, 0) * 100) / 100 : total,
];
const GOOD = [14.53, 18.62, 8.85, 9.09, 17.53, 20.1];

function messages(r: ReturnType<typeof interpretGrid>): string[] {
  return r.problems.map((p) => `${describeOrigin(p.origin)}: ${p.message}`);
}

describe('column labels', () => {
  it.each([
    ['Công khai, minh bạch (18)', 'ckmb', false],
    ['CÔNG KHAI MINH BẠCH', 'ckmb', false],
    ['Cong khai - minh bach (18 điểm)', 'ckmb', false],
    ['Tiến độ giải quyết', 'tdgq', false],
    ['TDGQ', 'tdgq', false],
    ['CLGQ', 'dvctt', false],
    ['Dịch vụ công trực tuyến (%)', 'dvctt', true],
    ['Tỷ lệ thanh toán trực tuyến', 'tttt', true],
    ['Cung cấp dịch vụ trực tuyến (22)', 'dvtt', false],
    ['Dịch vụ trực tuyến', 'dvtt', false],
    ['Điểm mức độ hài lòng', 'mdhl', false],
    ['MDSH', 'mdsh', false],
    ['Tổng điểm (100)', 'total', false],
    ['TONG_SCORE', 'total', false],
    ['Điểm', 'total', false],
    ['Xếp hạng', 'rank', false],
    ['ROW_STT', 'rank', false],
    ['TEN_COQUAN', 'name', false],
    ['Tỉnh/Thành phố', 'name', false],
    ['Cơ quan, đơn vị', 'name', false],
    ['MA_COQUAN', 'code', false],
    ['LOAI_COQUAN', 'level', false],
    ['Loại đơn vị', 'level', false],
  ])('%s → %s (rate %s)', (label, field, rate) => {
    expect(matchLabel(label)).toEqual({ field, rate });
  });

  it.each(['STT', 'Điểm theo nhóm chỉ số', 'Ghi chú', '', 'Tỷ lệ (%)'])('ignores %s', (label) => {
    expect(matchLabel(label)).toBeNull();
  });
});

describe('values, dates, columns', () => {
  it('parses score texts', () => {
    expect(parseScore('88,72')).toEqual({ ok: true, value: 88.72, percent: false });
    expect(parseScore(' 88.72 ')).toEqual({ ok: true, value: 88.72, percent: false });
    expect(parseScore('97.5%')).toEqual({ ok: true, value: 97.5, percent: true });
    expect(parseScore('9 7,5 %')).toEqual({ ok: true, value: 97.5, percent: true });
    expect(parseScore(14.530000000000001)).toEqual({ ok: true, value: 14.53, percent: false });
    expect(parseScore('9,5x').ok).toBe(false);
    expect(parseScore('#DIV/0!').ok).toBe(false);
    expect(parseScore('1.234,5').ok).toBe(false);
  });

  it('finds file-name dates', () => {
    expect(filenameDate('/data/diem-766-2025-11-14.xlsx')).toBe('2025-11-14');
    expect(filenameDate('export_2024_07_02.csv')).toBe('2024-07-02');
    expect(filenameDate('2024-01-01-then-2025-11-14.xlsx')).toBe('2025-11-14');
    expect(filenameDate('diem-766-2025-13-14.xlsx')).toBeNull();
    expect(filenameDate('/2025-11-14/diem.xlsx')).toBeNull();
  });

  it('converts column letters', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnNumber('AB')).toBe(28);
  });
});

describe('interpretGrid: headers', () => {
  it('finds a header below title rows and reads the title date', () => {
    const g = grid('Xã Phường', [
      ['KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP'],
      ['Số liệu tính đến ngày 14/11/2025'],
      null,
      SIX_HEADER,
      row6(1, 'UBND xã Ea Kar - tỉnh Đắk Lắk', GOOD),
    ]);
    const r = interpretGrid(g, opts);
    expect(r.skipped).toBeNull();
    expect(r.titleDate).toMatchObject({ kind: 'one', date: '2025-11-14' });
    expect(r.sheets).toHaveLength(1);
    const s = r.sheets[0]!;
    expect(s.level).toBe('xa');
    expect(s.groups).toEqual(['ckmb', 'tdgq', 'dvctt', 'tttt', 'mdhl', 'mdsh']);
    expect(s.units[0]).toEqual({
      name: 'UBND xã Ea Kar',
      level: 'xa',
      values: {
        ckmb: { value: 14.53, kind: 'points' },
        tdgq: { value: 18.62, kind: 'points' },
        dvctt: { value: 8.85, kind: 'points' },
        tttt: { value: 9.09, kind: 'points' },
        mdhl: { value: 17.53, kind: 'points' },
        mdsh: { value: 20.1, kind: 'points' },
      },
      total: 88.72,
      origin: { file: 'f.xlsx', sheet: 'Xã Phường', row: 5, column: 'B' },
    });
  });

  it('finds a header on row 12, in any column order, ignoring unknown columns', () => {
    const rows: Array<Array<string | number | null> | null> = Array.from({ length: 11 }, (_, i) => [`dòng ${i + 1}`]);
    rows.push(['Ghi chú', 'TDGQ', 'Tên đơn vị', 'CKMB', 'CLGQ', 'TTTT', 'MDHL', 'MDSH']);
    rows.push(['x', 18.62, 'UBND xã Ea Ly', 14.53, 8.85, 9.09, 17.53, 20.1]);
    const r = interpretGrid(grid('Cấp xã', rows), opts);
    const u = r.sheets[0]!.units[0]!;
    expect(u.origin).toEqual({ file: 'f.xlsx', sheet: 'Cấp xã', row: 13, column: 'C' });
    expect(u.values.tdgq).toEqual({ value: 18.62, kind: 'points' });
    expect(u.total).toBeUndefined();
  });

  it('does not look for a header past row 30', () => {
    const rows: Array<Array<string | number | null> | null> = Array.from({ length: 30 }, () => ['...']);
    rows.push(SIX_HEADER, row6(1, 'UBND xã Ea Ly', GOOD));
    const r = interpretGrid(grid('Cấp xã', rows), opts);
    expect(r.sheets).toHaveLength(0);
    expect(r.skipped).toMatch(/không tìm thấy dòng tiêu đề/);
  });

  it('combines a two-row merged header (five groups)', () => {
    const g = grid(
      'Ket qua',
      [
        ['Số liệu ngày 02/7/2024'],
        ['STT', 'Tên đơn vị', 'Điểm theo nhóm chỉ số', null, null, null, null, 'Tổng điểm'],
        [null, null, 'Công khai, minh bạch (18)', 'Tiến độ, kết quả giải quyết (20)', 'Cung cấp dịch vụ trực tuyến (22)', 'Mức độ hài lòng (18)', 'Số hóa hồ sơ (22)'],
        ['I. Sở, ban, ngành'],
        [1, 'Sở Tư pháp', 15, 18, 19, 16, 20, 88],
      ],
      [
        { top: 2, left: 1, bottom: 3, right: 1 },
        { top: 2, left: 2, bottom: 3, right: 2 },
        { top: 2, left: 3, bottom: 2, right: 7 },
        { top: 2, left: 8, bottom: 3, right: 8 },
        { top: 4, left: 1, bottom: 4, right: 8 },
      ],
    );
    const r = interpretGrid(g, opts);
    expect(r.titleDate).toMatchObject({ kind: 'one', date: '2024-07-02' });
    const s = r.sheets[0]!;
    expect(s.level).toBe('so');
    expect(s.groups).toEqual(['ckmb', 'tdgq', 'dvtt', 'mdhl', 'mdsh']);
    expect(s.units[0]!.values.dvtt).toEqual({ value: 19, kind: 'points' });
    expect(s.units[0]!.total).toBe(88);
    expect(s.units[0]!.origin.row).toBe(5);
  });

  it('combines a two-row header without merges and reads rates from a heading', () => {
    const g = grid('Sở Ban', [
      ['STT', 'Tên cơ quan', 'Tỷ lệ đạt được (%)'],
      [null, null, 'CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH'],
      [1, 'Sở Y tế', 80, 90, 100, 100, 95, 75],
    ]);
    const s = interpretGrid(g, opts).sheets[0]!;
    expect(s.units[0]!.values.mdsh).toEqual({ value: 75, kind: 'rate' });
    expect(s.units[0]!.values.ckmb).toEqual({ value: 80, kind: 'rate' });
  });

  it('reads rates from "(%)" headers and from % cells', () => {
    const g = grid('Sở Ban', [
      ['Tên cơ quan', 'Công khai, minh bạch (%)', 'Tiến độ, kết quả giải quyết', 'Số hóa hồ sơ (22)'],
      ['Sở Y tế', 97.5, '95%', 16.5],
      ['Sở Tư pháp', '100', '88,5', 20],
    ]);
    const s = interpretGrid(g, opts).sheets[0]!;
    expect(s.units[0]!.values).toEqual({
      ckmb: { value: 97.5, kind: 'rate' },
      tdgq: { value: 95, kind: 'rate' },
      mdsh: { value: 16.5, kind: 'points' },
    });
    expect(s.units[1]!.values.tdgq).toEqual({ value: 88.5, kind: 'rate' });
  });

  it('skips a row of column numbers and a row of maxima under the header', () => {
    const g = grid('Cấp xã', [
      SIX_HEADER,
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
      [null, null, 18, 20, 12, 10, 18, 22, 100],
      row6(1, 'UBND xã Ea Ly', GOOD),
    ]);
    const r = interpretGrid(g, opts);
    expect(r.problems).toEqual([]);
    expect(r.sheets[0]!.units.map((u) => u.name)).toEqual(['UBND xã Ea Ly']);
  });
});

describe('interpretGrid: levels', () => {
  it('takes levels from section rows, resets on an unknown numbered section', () => {
    const g = grid('Ket qua', [
      SIX_HEADER,
      ['I. Sở, ban, ngành'],
      row6(1, 'Văn phòng Đăng ký', GOOD),
      ['II', 'UBND cấp huyện'],
      row6(1, 'UBND huyện Lắk', GOOD),
      [null, 'III. UBND cấp xã'],
      row6(1, 'Hòa Phú', GOOD),
      row6(2, 'UBND phường Tân An', GOOD),
      ['IV. Đơn vị khác'],
      row6(1, 'Sở Y tế', GOOD),
    ]);
    const r = interpretGrid(g, opts);
    expect(r.problems).toEqual([]);
    expect(r.sheets.map((s) => [s.level, s.units.map((u) => u.name)])).toEqual([
      ['so', ['Văn phòng Đăng ký', 'Sở Y tế']],
      ['huyen', ['UBND huyện Lắk']],
      ['xa', ['Hòa Phú', 'UBND phường Tân An']],
    ]);
  });

  it('prefers a level column to sections, sheet name and unit names', () => {
    const g = grid('Sở Ban', [
      ['TEN', 'LOAI_COQUAN', 'CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH', 'TONG_SCORE'],
      ['I. Sở, ban, ngành'],
      ['Đắk Lắk', 1, ...GOOD, 88.72],
      ['UBND xã Ea Kar', 3, ...GOOD, 88.72],
      ['Sở Y tế', null, ...GOOD, 88.72],
    ]);
    const r = interpretGrid(g, opts);
    expect(r.sheets.map((s) => [s.level, s.units.length])).toEqual([
      ['tinh', 1],
      ['xa', 1],
      ['so', 1],
    ]);
  });

  it('lets --sheet NAME=LEVEL override everything', () => {
    const g = grid('Điểm tháng', [
      ['TEN', 'LOAI_COQUAN', 'TONG_SCORE'],
      ['Đắk Lắk', 2, 88.72],
      ['Gia Lai', 2, 90.1],
    ]);
    const r = interpretGrid(g, { ...opts, level: 'tinh' });
    expect(r.sheets.map((s) => [s.level, s.units.length])).toEqual([['tinh', 2]]);
    expect(r.sheets[0]!.groups).toEqual([]);
  });

  it('falls back to the sheet name, then unit names', () => {
    const byName = interpretGrid(grid('Tỉnh, thành phố', [['Tỉnh/Thành phố', 'Tổng điểm'], ['Hà Nội', 90]]), opts);
    expect(byName.sheets[0]!.level).toBe('tinh');
    const byUnit = interpretGrid(
      grid('Sheet1', [['Đơn vị', 'Điểm'], ['UBND xã Ea Ly', 90], ['Sở Y tế', 91], ['UBND huyện Lắk', 70]]),
      opts,
    );
    expect(byUnit.sheets.map((s) => s.level)).toEqual(['xa', 'so', 'huyen']);
  });

  it('reports units whose level nothing tells, once per sheet', () => {
    const r = interpretGrid(grid('Điểm năm', [['Đơn vị', 'Điểm'], ['Hà Nội', 90], ['Gia Lai', 91]]), opts);
    expect(messages(r)).toEqual([
      'f.xlsx, sheet "Điểm năm", dòng 2, cột A: không xác định được cấp của 2 đơn vị (ví dụ "Hà Nội"); cần cột cấp, dòng mục ("I. Sở, ban, ngành"), tên sheet theo cấp, hoặc chỉ định --sheet "Điểm năm=CẤP" (CẤP: tinh, so, huyen, xa)',
    ]);
  });

  it('reports an unknown level code', () => {
    const r = interpretGrid(grid('X', [['TEN', 'LOAI_COQUAN', 'TONG_SCORE'], ['Gia Lai', 9, 90]]), opts);
    expect(messages(r)).toEqual([
      'f.xlsx, sheet "X", dòng 2, cột B: giá trị cấp "9" không rõ; cần 1 (tỉnh), 2 (sở, ban, ngành), 3 (xã, phường), 4 (huyện) hoặc tên cấp',
    ]);
  });
});

describe('interpretGrid: rows and values', () => {
  it('reads no-data units, skips blank, section and total rows', () => {
    const g = grid('Sở Ban', [
      SIX_HEADER,
      row6(1, 'Sở Y tế', GOOD),
      [2, 'Sở Ngoại vụ'],
      null,
      [null, null],
      row6(3, 'Sở Tư pháp', GOOD),
      [null, 'Tổng cộng', 100, 100, 100, 100, 100, 100, 600],
      ['Cộng', null, 1, 2, 3, 4, 5, 6, 21],
      [null, 'Ghi chú: số liệu có thể thay đổi theo thời gian'],
      [null, '(*) Đơn vị chưa phát sinh hồ sơ'],
      [null, 'Người lập biểu'],
    ]);
    const r = interpretGrid(g, opts);
    expect(r.problems).toEqual([]);
    const units = r.sheets[0]!.units;
    expect(units.map((u) => u.name)).toEqual(['Sở Y tế', 'Sở Ngoại vụ', 'Sở Tư pháp']);
    expect(units[1]!.values).toEqual({});
    expect(units[1]!.total).toBeUndefined();
  });

  it('reads text numbers with either decimal mark, formulas by their result', () => {
    const g = grid('Cấp xã', [
      SIX_HEADER,
      [1, 'UBND xã Ea Ly', '14,53', ' 18.62 ', '8,85', 9.09, '17,53', '20,1', '88,72'],
    ]);
    const u = interpretGrid(g, opts).sheets[0]!.units[0]!;
    expect(u.values.ckmb!.value).toBe(14.53);
    expect(u.values.tdgq!.value).toBe(18.62);
    expect(u.total).toBe(88.72);
  });

  it('collects every cell problem of a grid with file, sheet, row, column, value and expectation', () => {
    const g = grid('Xã Phường', [
      SIX_HEADER,
      [1, 'UBND xã A', '9,5x', 18, 8, 9, 17, 20, 81.5],
      [2, 'UBND xã B', '#DIV/0!', -1, 8, 9, 17, 20, 50],
      [3, 'UBND xã C', 19, 18, 13, 9, 17, 20, 96],
      [4, 'UBND xã D', 14, 18, 8, null, 17, null, 57],
      [5, 'UBND xã E', null, null, null, null, null, null, 88],
      [6, 'UBND xã F', 14, 18, 8, 9, 17, 20, 101],
      [7, 'UBND xã G', '=SUM(A1:B1)', 18, 8, 9, 17, 20, 86],
    ]);
    const r = interpretGrid(g, opts);
    expect(messages(r)).toEqual([
      'f.xlsx, sheet "Xã Phường", dòng 2, cột C: giá trị "9,5x" không phải là số; cần điểm từ 0 đến 18 (Công khai, minh bạch)',
      'f.xlsx, sheet "Xã Phường", dòng 3, cột C: ô lỗi "#DIV/0!"; cần điểm từ 0 đến 18 (Công khai, minh bạch)',
      'f.xlsx, sheet "Xã Phường", dòng 3, cột D: giá trị "-1" là số âm; cần điểm từ 0 đến 20 (Tiến độ, kết quả giải quyết)',
      'f.xlsx, sheet "Xã Phường", dòng 4, cột C: giá trị "19" vượt điểm tối đa của nhóm; cần điểm từ 0 đến 18 (Công khai, minh bạch)',
      'f.xlsx, sheet "Xã Phường", dòng 4, cột E: giá trị "13" vượt điểm tối đa của nhóm; cần điểm từ 0 đến 12 (Dịch vụ công trực tuyến)',
      'f.xlsx, sheet "Xã Phường", dòng 5, cột F: thiếu điểm nhóm "Thanh toán trực tuyến" (cột F), "Số hóa hồ sơ" (cột H) trong khi các nhóm khác có điểm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu',
      'f.xlsx, sheet "Xã Phường", dòng 6, cột C: có tổng điểm nhưng thiếu điểm các nhóm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu',
      'f.xlsx, sheet "Xã Phường", dòng 7, cột I: giá trị "101" vượt 100 điểm; cần tổng điểm từ 0 đến 100',
      'f.xlsx, sheet "Xã Phường", dòng 8, cột C: ô công thức "=SUM(A1:B1)" không có kết quả dùng được (chưa tính, hoặc tính ra lỗi); hãy mở tệp bằng Excel, sửa công thức nếu lỗi rồi lưu lại (cần điểm từ 0 đến 18 (Công khai, minh bạch))',
    ]);
    expect(r.sheets).toEqual([]);
  });

  it('refuses values without a unit name after the first unit', () => {
    const g = grid('Cấp xã', [['Tên đơn vị', 'Tổng điểm'], ['UBND xã A', 90], [null, 80]]);
    expect(messages(interpretGrid(g, opts))).toEqual([
      'f.xlsx, sheet "Cấp xã", dòng 3, cột A: dòng có điểm nhưng thiếu tên đơn vị; cần tên đơn vị',
    ]);
  });

  it('checks rates against 100', () => {
    const g = grid('Sở Ban', [
      ['Tên cơ quan', 'Công khai, minh bạch (%)', 'Số hóa hồ sơ (%)'],
      ['Sở Y tế', '120%', 99],
    ]);
    expect(messages(interpretGrid(g, opts))).toEqual([
      'f.xlsx, sheet "Sở Ban", dòng 2, cột B: giá trị "120%" vượt 100%; cần tỷ lệ từ 0 đến 100% (Công khai, minh bạch)',
    ]);
  });

  it('refuses the same unit twice in a level unless the figures are identical', () => {
    const g = grid('Xã Phường', [
      SIX_HEADER,
      row6(1, 'UBND xã Ea Ly', GOOD),
      row6(2, 'UBND xã Ea Ly - tỉnh Đắk Lắk', GOOD),
      row6(3, 'UBND xã EA LY', [14.53, 18.62, 8.85, 9.09, 17.53, 20.0]),
    ]);
    const r = interpretGrid(g, opts);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'đơn vị "UBND xã Ea Ly" có hai dòng cùng số liệu (dòng 2 và 3); dùng dòng 2',
    ]);
    expect(messages(r)).toEqual([
      'f.xlsx, sheet "Xã Phường", dòng 4, cột B: đơn vị "UBND xã EA LY" trùng với dòng 2 (cùng cấp xã) nhưng số liệu khác; cần mỗi đơn vị một dòng',
    ]);
  });

  it('keeps units of the same name at different levels', () => {
    const g = grid('Ket qua', [
      ['TEN', 'LOAI_COQUAN', 'TONG_SCORE'],
      ['Krông Búk', 3, 90],
      ['Krông Búk', 4, 80],
    ]);
    const r = interpretGrid(g, opts);
    expect(r.problems).toEqual([]);
    expect(r.sheets.map((s) => s.level)).toEqual(['xa', 'huyen']);
  });

  it('reads the published rank and warns about a bad one', () => {
    const g = grid('Tỉnh, thành phố', [
      ['Tỉnh/Thành phố', 'Tổng điểm', 'Xếp hạng'],
      ['Đắk Lắk', 88.72, 16],
      ['Gia Lai', 90, 'mười'],
    ]);
    const r = interpretGrid(g, opts);
    expect(r.sheets[0]!.units[0]!.publishedRank).toBe(16);
    expect(r.sheets[0]!.units[1]!.publishedRank).toBeUndefined();
    expect(r.warnings[0]!.message).toMatch(/thứ hạng "mười"/);
    expect(r.warnings[0]!.origin).toEqual({ file: 'f.xlsx', sheet: 'Tỉnh, thành phố', row: 3, column: 'C' });
  });

  it('keeps codes', () => {
    const g = grid('Cấp xã', [['TEN', 'MA_COQUAN', 'TONG_SCORE'], ['UBND xã Ea Ly', 'H15.187', 90]]);
    expect(interpretGrid(g, opts).sheets[0]!.units[0]!.code).toBe('H15.187');
  });

  it('skips a sheet whose header has no unit rows', () => {
    const r = interpretGrid(grid('Sở Ban', [SIX_HEADER]), opts);
    expect(r.skipped).toMatch(/không có dòng đơn vị nào/);
  });
});
