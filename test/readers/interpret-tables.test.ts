/**
 * Issue 7 kinds 3, 5, 6, 7 and the U+FFFD guard, on grids: summary rows, fraction rates, invisible
 * characters, tables side by side and one under another, repeated headers, damaged text.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { describeOrigin } from '../../src/core/errors.js';
import { interpretGrid } from '../../src/io/table/interpret.js';
import type { CellValue } from '../../src/io/table/grid.js';
import { grid } from './helpers.js';

const opts = { file: 'f.xlsx', config: DEFAULT_CONFIG };
const HEADER = ['STT', 'Tên đơn vị', 'CKMB', 'TDGQ', 'DVCTT', 'TTTT', 'MDHL', 'MDSH', 'Tổng điểm'];
const round2 = (n: number) => Math.round(n * 100) / 100;

function unitRow(i: number, name: string, v: number[]): CellValue[] {
  return [i, name, ...v, round2(v.reduce((a, b) => a + b, 0))];
}
const A = [14.5, 18.6, 8.8, 9.1, 17.5, 20.1];
const B = [15.5, 19.6, 10.8, 10, 16.5, 21.1];
const C = [12.5, 17.6, 11.8, 8, 15.5, 18.1];
const mean = A.map((_, i) => round2((A[i]! + B[i]! + C[i]!) / 3));
const sum = A.map((_, i) => round2(A[i]! + B[i]! + C[i]!));
const COMMUNES = [unitRow(1, 'UBND xã Ea Ly', A), unitRow(2, 'UBND xã Ea Kar', B), unitRow(3, 'UBND phường Tân An', C)];

const names = (r: ReturnType<typeof interpretGrid>) => r.sheets.flatMap((s) => s.units.map((u) => u.name));
const messages = (r: ReturnType<typeof interpretGrid>) => r.problems.map((p) => `${describeOrigin(p.origin)}: ${p.message}`);

describe('summary rows are not units', () => {
  it.each([
    ['Trung bình'],
    ['Trung bình cộng'],
    ['Điểm bình quân chung'],
    ['TỔNG CỘNG'],
    ['Cấp xã'],
  ])('skips "%s" by its label and lists it', (label) => {
    const r = interpretGrid(grid('Xã Phường', [HEADER, ...COMMUNES, [null, label, ...mean, round2(mean.reduce((a, b) => a + b, 0))]]), opts);
    expect(r.problems).toEqual([]);
    expect(names(r)).toEqual(['UBND xã Ea Ly', 'UBND xã Ea Kar', 'UBND phường Tân An']);
    expect(r.skippedRows).toEqual([expect.objectContaining({ file: 'f.xlsx', sheet: 'Xã Phường', row: 5, label })]);
  });

  it('skips a row whose figures are the mean of the units above, whatever its label', () => {
    const total = round2(mean.reduce((a, b) => a + b, 0));
    const r = interpretGrid(grid('Xã Phường', [HEADER, ...COMMUNES, [null, 'Bình quân 3 xã', ...mean, total]]), opts);
    expect(names(r)).toHaveLength(3);
    expect(r.skippedRows[0]).toMatchObject({ row: 5, label: 'Bình quân 3 xã', reason: expect.stringMatching(/trung bình/) });
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/Bình quân 3 xã/);
  });

  it('skips a row whose figures are the sum of the units above (past the group maxima)', () => {
    const total = round2(sum.reduce((a, b) => a + b, 0));
    const r = interpretGrid(grid('Xã Phường', [HEADER, ...COMMUNES, [null, 'Cộng toàn bộ', ...sum, total]]), opts);
    expect(r.problems).toEqual([]);
    expect(r.skippedRows[0]).toMatchObject({ row: 5, reason: expect.stringMatching(/tổng/) });
  });

  it("skips the province's own line under its communes and says so", () => {
    const r = interpretGrid(grid('Xã Phường', [HEADER, ...COMMUNES, unitRow(4, 'Tỉnh Đắk Lắk', [16, 19, 11, 9, 17, 20])]), opts);
    expect(names(r)).toHaveLength(3);
    expect(r.skippedRows[0]).toMatchObject({ row: 5, label: 'Tỉnh Đắk Lắk', reason: expect.stringMatching(/dòng của tỉnh/) });
    expect(r.warnings).toHaveLength(1);
  });

  it('keeps a unit whose name has no prefix when its figures are its own', () => {
    const r = interpretGrid(grid('Xã Phường', [HEADER, ...COMMUNES, unitRow(4, 'Hòa Phú', [16, 19, 11, 9, 17, 20])]), opts);
    expect(names(r)).toContain('Hòa Phú');
    expect(r.skippedRows).toEqual([]);
  });

  it('keeps "Trung bình" as a band in a band column', () => {
    const r = interpretGrid(
      grid('Xã Phường', [[...HEADER, 'Xếp loại'], [...unitRow(1, 'UBND xã Ea Ly', [9, 10, 6, 5, 9, 11]), 'Trung bình']]),
      opts,
    );
    expect(names(r)).toEqual(['UBND xã Ea Ly']);
  });
});

describe('agency rates written as fractions', () => {
  const RATE_HEADER = ['Tên cơ quan', 'CKMB (%)', 'TDGQ (%)', 'DVCTT (%)', 'TTTT (%)', 'MDHL (%)', 'MDSH (%)'];

  it('reads every rate ≤ 1 as a fraction × 100 and warns once', () => {
    const r = interpretGrid(
      grid('Sở Ban', [RATE_HEADER, ['Sở Y tế', 0.975, 1, 0.92, 0.995, 1, 0.75], ['Sở Tư pháp', 1, 0.98, 1, 1, 0.99, 0.8]]),
      opts,
    );
    const u = r.sheets[0]!.units;
    expect(u[0]!.values.ckmb).toEqual({ value: 97.5, kind: 'rate' });
    expect(u[0]!.values.mdsh).toEqual({ value: 75, kind: 'rate' });
    expect(u[1]!.values.tdgq).toEqual({ value: 98, kind: 'rate' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toMatch(/phân số và nhân 100/);
  });

  it('leaves rates alone when one is above 1, and "%" cells always', () => {
    const r = interpretGrid(
      grid('Sở Ban', [RATE_HEADER, ['Sở Y tế', 0.5, 1, 92, 99.5, 100, 75], ['Sở Tư pháp', '0,9%', '1%', '1%', '1%', '1%', '1%']]),
      opts,
    );
    expect(r.sheets[0]!.units[0]!.values.ckmb!.value).toBe(0.5);
    expect(r.sheets[0]!.units[1]!.values.ckmb!.value).toBe(0.9);
    expect(r.warnings).toEqual([]);
  });
});

describe('invisible characters and damaged text', () => {
  it.each(['200B', '200C', '200D', '2060', 'FEFF', '00AD'])('removes U+%s from names', (code) => {
    const ch = String.fromCharCode(parseInt(code, 16));
    const r = interpretGrid(grid('Xã Phường', [HEADER, unitRow(1, `UBND xã Hò${ch}a Phú`, A)]), opts);
    expect(names(r)).toEqual(['UBND xã Hòa Phú']);
  });

  it('refuses a name or a label holding U+FFFD, located', () => {
    const r = interpretGrid(grid('Xã Phường', [[...HEADER.slice(0, 8), 'T\ufffdng điểm'], unitRow(1, 'UBND x\ufffd\ufffd Ea Ly', A)]), opts);
    const m = messages(r);
    expect(m).toHaveLength(2);
    expect(m[0]).toMatch(/dòng 1, cột I: nhãn cột "T\ufffdng điểm" có ký tự lỗi/);
    expect(m[1]).toMatch(/dòng 2, cột B: tên đơn vị "UBND x\ufffd\ufffd Ea Ly" có ký tự lỗi .*sai bảng mã/);
  });
});

describe('tables a sheet holds', () => {
  it('reads a second table beside the first (communes in A–I, agencies in K–R)', () => {
    const rows: CellValue[][] = [
      [...HEADER, null, 'Tên cơ quan', 'CKMB', 'TDGQ', 'DVCTT', 'TTTT', 'MDHL', 'MDSH', 'Tổng điểm'],
      [...COMMUNES[0]!, null, 'Sở Y tế', ...A, round2(A.reduce((a, b) => a + b, 0))],
      [...COMMUNES[1]!, null, 'Sở Tư pháp', ...B, round2(B.reduce((a, b) => a + b, 0))],
      [...COMMUNES[2]!],
    ];
    const r = interpretGrid(grid('Kết quả', rows), opts);
    expect(r.problems).toEqual([]);
    expect(r.sheets.map((s) => [s.level, s.units.map((u) => `${u.name} ${u.origin.column}`)])).toEqual([
      ['xa', ['UBND xã Ea Ly B', 'UBND xã Ea Kar B', 'UBND phường Tân An B']],
      ['so', ['Sở Y tế K', 'Sở Tư pháp K']],
    ]);
  });

  it('reads a second table under the first, with its own header', () => {
    const r = interpretGrid(
      grid('Kết quả', [
        ['I. UBND cấp xã'],
        HEADER,
        ...COMMUNES,
        null,
        ['II. Sở, ban, ngành'],
        ['Tên cơ quan', 'Công khai, minh bạch (%)', 'Tiến độ giải quyết (%)', 'DVCTT (%)', 'TTTT (%)', 'MDHL (%)', 'MDSH (%)'],
        ['Sở Y tế', 90, 100, 95, 100, 98, 80],
      ]),
      opts,
    );
    expect(r.problems).toEqual([]);
    expect(r.sheets.map((s) => [s.level, s.units.length])).toEqual([
      ['xa', 3],
      ['so', 1],
    ]);
    expect(r.sheets[1]!.units[0]!.values.ckmb).toEqual({ value: 90, kind: 'rate' });
  });

  it('skips a header repeated on each printed page and lists it', () => {
    const r = interpretGrid(grid('Xã Phường', [HEADER, COMMUNES[0]!, COMMUNES[1]!, HEADER, COMMUNES[2]!]), opts);
    expect(r.problems).toEqual([]);
    expect(names(r)).toHaveLength(3);
    expect(r.skippedRows).toEqual([expect.objectContaining({ row: 4, reason: expect.stringMatching(/tiêu đề lặp lại/) })]);
  });

  it('says where the figures are when a sheet of scores has no header it can read', () => {
    const rows: CellValue[][] = [['Bảng tổng hợp'], ['Thứ tự', 'Địa bàn', 'A', 'B', 'C'], ...COMMUNES.map((c) => c.slice(0, 7))];
    const r = interpretGrid(grid('Xã Phường', rows), opts);
    expect(r.skipped).toMatch(/ô số từ dòng 3 \(cột A–G\) giống bảng điểm/);
  });

  it('says where the header is when it sits below row 30', () => {
    const rows: Array<CellValue[] | null> = Array.from({ length: 34 }, () => ['...']);
    const r = interpretGrid(grid('Xã Phường', [...rows, HEADER, ...COMMUNES]), opts);
    expect(r.skipped).toMatch(/có dòng tiêu đề ở dòng 35/);
  });
});
