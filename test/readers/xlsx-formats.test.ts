import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { readScoreFile } from '../../src/io/readers/read-score-file.js';
import { readXlsx } from '../../src/io/readers/xlsx.js';
import { formatCodeKind } from '../../src/io/readers/xlsx-styles.js';
import { tempDir } from './helpers.js';
import { esc, rawXlsx, sheetRows, type RawCell } from './xlsx-raw.js';

const config = DEFAULT_CONFIG;

const CUSTOM: Array<[number, string]> = [
  [164, 'dd/mm/yyyy'],
  [165, '0.0"%"'],
  [166, '[$-42A]d mmmm yyyy'],
  [167, '0.0%'],
  [168, '"ngày" 0'],
  [169, 'h:mm'],
  [170, '#,##0.00 [$₫-42A]'],
];
/** cellXfs: the style index is the position in this list, the value the numFmtId. */
const XFS = [0, 14, 9, 10, 164, 165, 166, 167, 168, 169, 170, 22];
const S = Object.fromEntries(XFS.map((id, i) => [id, i])) as Record<number, number>;
const STYLES =
  `<numFmts count="${CUSTOM.length}">${CUSTOM.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` +
  `<cellXfs count="${XFS.length}">${XFS.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</cellXfs>`;

const n = (v: number, fmt: number): RawCell => ({ n: v, s: S[fmt]! });

describe('xlsx number formats', () => {
  it('reads date-formatted serials and date cells as d/m/yyyy, other numbers as numbers (1900 system)', async () => {
    const sheetData =
      sheetRows([
        [n(45975, 14), n(45975, 164), n(45975.75, 166), n(45975.5, 22), n(45975, 0), n(45975, 168), n(0.5, 169), n(1234.5, 170)],
        [n(1, 14), n(59, 14), n(60, 14), n(61, 14), n(0, 14)],
      ]) + '<row r="3"><c r="A3" t="d"><v>2025-11-14T00:00:00Z</v></c><c r="B3" t="d"><v>2024-07-02</v></c></row>';
    const [grid] = await readXlsx(rawXlsx({ sheets: [{ name: 'Ngày', sheetData }], styles: STYLES }), 'f.xlsx', config);
    expect(grid!.rows).toEqual([
      { row: 1, cells: ['14/11/2025', '14/11/2025', '14/11/2025', '14/11/2025', 45975, 45975, 0.5, 1234.5] },
      { row: 2, cells: ['1/1/1900', '28/2/1900', '29/2/1900', '1/3/1900', 0] },
      { row: 3, cells: ['14/11/2025', '2/7/2024'] },
    ]);
  });

  it('counts serials from 1/1/1904 when the workbook says date1904', async () => {
    const sheetData = sheetRows([[n(44513, 14), n(0, 164), n(44513, 0)]]);
    const [grid] = await readXlsx(rawXlsx({ sheets: [{ name: 'Mac', sheetData }], styles: STYLES, date1904: true }), 'f.xlsx', config);
    expect(grid!.rows).toEqual([{ row: 1, cells: ['14/11/2025', '1/1/1904', 44513] }]);
  });

  it('reads percent formats as rates: built-in 9 and 10, custom codes with % outside quotes', async () => {
    const sheetData = sheetRows([[n(0.975, 9), n(0.9125, 10), n(1, 167), n(97.5, 165), n(0.5, 0)]]);
    const [grid] = await readXlsx(rawXlsx({ sheets: [{ name: 'Tỷ lệ', sheetData }], styles: STYLES }), 'f.xlsx', config);
    expect(grid!.rows).toEqual([{ row: 1, cells: ['97.5%', '91.25%', '100%', 97.5, 0.5] }]);
  });

  it('tells format codes apart by what lies outside quotes and brackets', () => {
    expect(['0%', '0.00%', '[Red]0.0%;[Blue]-0.0%'].map(formatCodeKind)).toEqual(['percent', 'percent', 'percent']);
    expect(['d/m/yyyy', 'mm-dd-yy', '[$-F800]dddd, mmmm dd, yyyy', 'mmm yyyy', 'yyyy'].map(formatCodeKind)).toEqual(Array(5).fill('date'));
    expect(['General', '0.00', '"ngày" 0', '0.0"%"', 'h:mm', '[h]:mm:ss', '#,##0 [$₫-42A]', '0.00E+00', '@'].map(formatCodeKind)).toEqual(
      Array(9).fill('plain'),
    );
  });

  it('dates a sheet by "Số liệu tính đến ngày" and a real date cell written by Excel tools', async () => {
    const file = join(tempDir(), 'o-ngay.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xã Phường');
    ws.addRow(['Số liệu tính đến ngày', new Date(Date.UTC(2025, 10, 14))]);
    ws.addRow([]);
    ws.addRow(['STT', 'Tên đơn vị', 'Tổng điểm (100)']);
    ws.addRow([1, 'UBND xã Ea Ly', 90.5]);
    await wb.xlsx.writeFile(file);
    const r = await readScoreFile(file, { config });
    expect(r.date).toMatchObject({ kind: 'dated', date: '2025-11-14', source: 'title' });
    expect(r.sheets[0]!.units.map((u) => [u.name, u.total])).toEqual([['UBND xã Ea Ly', 90.5]]);
  });

  it('dates a sheet by a date-formatted serial of a 1904 workbook', async () => {
    const file = join(tempDir(), 'mac.xlsx');
    const sheetData = sheetRows([['Số liệu tính đến ngày', n(44513, 14)], [], ['STT', 'Tên đơn vị', 'Tổng điểm (100)'], [1, 'UBND xã Ea Ly', 90.5]]);
    writeFileSync(file, rawXlsx({ sheets: [{ name: 'Xã Phường', sheetData }], styles: STYLES, date1904: true }));
    const r = await readScoreFile(file, { config });
    expect(r.date).toMatchObject({ kind: 'dated', date: '2025-11-14', source: 'title' });
    expect(r.sheets[0]!.units.map((u) => [u.name, u.total])).toEqual([['UBND xã Ea Ly', 90.5]]);
  });
});
