import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { CellErrors, UsageError } from '../../src/core/errors.js';
import { readScoreFile, parseSheetRequest } from '../../src/io/readers/read-score-file.js';
import { readXlsx } from '../../src/io/readers/xlsx.js';
import { worksheetToGrid } from './exceljs-grid.js';
import { FIVE, SIX, sectionTable, vnTable, writeXlsx, type ScoreRow } from '../../fixtures/builders.js';
import { expectThrows, tempDir } from './helpers.js';

const config = DEFAULT_CONFIG;
const V6 = { ckmb: 14.53, tdgq: 18.62, dvctt: 8.85, tttt: 9.09, mdhl: 17.53, mdsh: 20.1 };

describe('xlsx reading', () => {
  it('reads formula cells by their cached result, shared formulas too', async () => {
    const file = join(tempDir(), 'f.xlsx');
    await writeXlsx(file, [
      {
        name: 'Cấp xã',
        rows: [
          ['Tên đơn vị', 'CKMB', 'TDGQ', 'Tổng điểm'],
          ['UBND xã A', 14.5, 18, { formula: 'SUM(B2:C2)', result: 32.5 }],
          ['UBND xã B', { formula: '14+0.25', result: 14.25 }, 18, { formula: 'SUM(B3:C3)', result: 32.25 }],
        ],
      },
    ]);
    const r = await readScoreFile(file, { config });
    const units = r.sheets[0]!.units;
    expect(units.map((u) => [u.name, u.values.ckmb?.value, u.total])).toEqual([
      ['UBND xã A', 14.5, 32.5],
      ['UBND xã B', 14.25, 32.25],
    ]);
  });

  it('lists a formula without cached result and an error cell', async () => {
    const file = join(tempDir(), 'f.xlsx');
    await writeXlsx(file, [
      {
        name: 'Cấp xã',
        rows: [
          ['Tên đơn vị', 'CKMB', 'TDGQ', 'Tổng điểm'],
          ['UBND xã A', 14.5, { error: '#DIV/0!' }, { formula: 'SUM(B2:C2)' }],
        ],
      },
    ]);
    const e = await expectThrows(readScoreFile(file, { config }), CellErrors);
    expect(e.message.split('\n')).toEqual([
      `${file}: 2 lỗi dữ liệu, không tạo văn bản:`,
      `  - ${file}, sheet "Cấp xã", dòng 2, cột C: ô lỗi "#DIV/0!"; cần điểm từ 0 đến 20 (Tiến độ, kết quả giải quyết)`,
      `  - ${file}, sheet "Cấp xã", dòng 2, cột D: ô công thức "=SUM(B2:C2)" không có kết quả dùng được (chưa tính, hoặc tính ra lỗi); hãy mở tệp bằng Excel, sửa công thức nếu lỗi rồi lưu lại (cần tổng điểm từ 0 đến 100)`,
    ]);
  });

  it('reads percent-formatted numbers as rates', async () => {
    const file = join(tempDir(), 'f.xlsx');
    await writeXlsx(file, [
      {
        name: 'Sở Ban',
        rows: [
          ['Tên cơ quan', 'Công khai, minh bạch', 'Số hóa hồ sơ'],
          ['Sở Y tế', 0.975, 0.75],
        ],
        numFmt: '0.0%',
      },
    ]);
    const r = await readScoreFile(file, { config });
    expect(r.sheets[0]!.units[0]!.values).toEqual({
      ckmb: { value: 97.5, kind: 'rate' },
      mdsh: { value: 75, kind: 'rate' },
    });
  });

  it('reads rich-text names and keeps the workbook sheet order', async () => {
    const file = join(tempDir(), 'f.xlsx');
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Xã Phường');
    a.addRow(['Tên đơn vị', 'Tổng điểm']);
    a.addRow([{ richText: [{ text: 'UBND xã ', font: { bold: true } }, { text: 'Ea Ly' }] }, 90]);
    const b = wb.addWorksheet('Sở Ban');
    b.addRow(['Tên cơ quan', 'Tổng điểm']);
    b.addRow(['Sở Y tế', 91]);
    await wb.xlsx.writeFile(file);
    const r = await readScoreFile(file, { config });
    expect(r.sheets.map((s) => [s.sheet, s.level, s.units[0]!.name])).toEqual([
      ['Xã Phường', 'xa', 'UBND xã Ea Ly'],
      ['Sở Ban', 'so', 'Sở Y tế'],
    ]);
  });

  it('reads a two-row merged header with merged section rows (five groups)', async () => {
    const file = join(tempDir(), 'f.xlsx');
    const rows = (names: string[]): ScoreRow[] =>
      names.map((name) => ({ name, values: { ckmb: 15, tdgq: 18, dvtt: 19.5, mdhl: 16, mdsh: 20 } }));
    const t = sectionTable({
      title: ['KẾT QUẢ', 'Số liệu ngày 02/7/2024'],
      groups: FIVE,
      formulaTotals: true,
      sections: [
        { heading: 'I. Sở, ban, ngành', rows: [...rows(['Sở Y tế']), { name: 'Sở Ngoại vụ', values: null }] },
        { heading: 'II. UBND cấp huyện', rows: rows(['UBND huyện Lắk']) },
        { heading: 'III. UBND cấp xã', rows: rows(['UBND xã Ea Ly', 'UBND thị trấn Phước An']) },
      ],
    });
    await writeXlsx(file, [{ name: 'Ket qua', rows: t.rows, merges: t.merges }]);
    const r = await readScoreFile(file, { config });
    expect(r.date).toMatchObject({ kind: 'dated', date: '2024-07-02', source: 'title' });
    expect(r.sheets.map((s) => [s.level, s.groups.join(','), s.units.map((u) => u.name)])).toEqual([
      ['so', 'ckmb,tdgq,dvtt,mdhl,mdsh', ['Sở Y tế', 'Sở Ngoại vụ']],
      ['huyen', 'ckmb,tdgq,dvtt,mdhl,mdsh', ['UBND huyện Lắk']],
      ['xa', 'ckmb,tdgq,dvtt,mdhl,mdsh', ['UBND xã Ea Ly', 'UBND thị trấn Phước An']],
    ]);
    expect(r.sheets[0]!.units[0]!.total).toBe(88.5);
    expect(r.sheets[0]!.units[1]!.values).toEqual({});
  });

  it('gives the same grid as exceljs\'s whole-workbook reader', async () => {
    const file = join(tempDir(), 'f.xlsx');
    const t = sectionTable({
      title: ['Số liệu ngày 02/7/2024'],
      groups: FIVE,
      formulaTotals: true,
      sections: [{ heading: 'I. Sở, ban, ngành', rows: [{ name: 'Sở Y tế', values: { ckmb: 15, tdgq: 18, dvtt: 19.5, mdhl: 16, mdsh: 20 } }] }],
    });
    await writeXlsx(file, [{ name: 'Ket qua', rows: t.rows, merges: t.merges }, { name: 'Trống', rows: [['ghi chú']] }]);
    const streamed = await readXlsx(readFileSync(file), file, config);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const loaded = wb.worksheets.map((ws) => worksheetToGrid(ws));
    const norm = (g: typeof streamed) =>
      g.map((x) => ({ ...x, merges: [...x.merges].sort((a, b) => a.top - b.top || a.left - b.left) }));
    expect(norm(streamed)).toEqual(norm(loaded));
    expect(streamed[0]!.merges).toHaveLength(t.merges.length);
  });

  it('reads only the sheets asked for with --sheet, with their level', async () => {
    const file = join(tempDir(), 'f.xlsx');
    const rows: ScoreRow[] = [{ name: 'Đắk Lắk', values: V6 }, { name: 'Gia Lai', values: V6 }];
    await writeXlsx(file, [
      { name: 'Điểm năm', rows: vnTable({ groups: SIX, totalColumn: true, rows }).rows },
      { name: 'Điểm tháng', rows: vnTable({ groups: SIX, totalColumn: true, rows }).rows },
    ]);
    const r = await readScoreFile(file, { config, sheets: [parseSheetRequest('diem thang=tinh')] });
    expect(r.sheets.map((s) => [s.sheet, s.level, s.units.length])).toEqual([['Điểm tháng', 'tinh', 2]]);
    expect(r.skippedSheets).toEqual([{ file, sheet: 'Điểm năm', reason: 'không được chọn bằng --sheet' }]);
    const e = await expectThrows(readScoreFile(file, { config, sheets: [{ name: 'Quý' }] }), UsageError);
    expect(e.message).toBe(`--sheet "Quý": không có sheet này trong ${file}; các sheet có: "Điểm năm", "Điểm tháng"`);
  });

  it('parses --sheet requests', () => {
    expect(parseSheetRequest('Xã Phường')).toEqual({ name: 'Xã Phường' });
    expect(parseSheetRequest('Điểm tháng=tinh')).toEqual({ name: 'Điểm tháng', level: 'tinh' });
    expect(parseSheetRequest('A=B=xa')).toEqual({ name: 'A=B', level: 'xa' });
    expect(() => parseSheetRequest('Điểm tháng=quan')).toThrow(UsageError);
  });
});
