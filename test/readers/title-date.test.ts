import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { DataError } from '../../src/core/errors.js';
import { readDataset } from '../../src/io/readers/read-dataset.js';
import { readScoreFile } from '../../src/io/readers/read-score-file.js';
import { titleDatesFromText } from '../../src/io/table/dates.js';
import type { CellValue } from '../../src/io/table/grid.js';
import { GridIndex } from '../../src/io/table/grid.js';
import { interpretGrid } from '../../src/io/table/interpret.js';
import { findTitleDate } from '../../src/io/table/title-date.js';
import { dakindex } from '../helpers/cli.js';
import { expectThrows, grid, tempDir } from './helpers.js';

const config = DEFAULT_CONFIG;

describe('data dates in a title text', () => {
  it.each([
    // Single dates, every way an office writes them.
    ['Số liệu tính đến ngày 14/11/2025', ['2025-11-14']],
    ['Số liệu ngày 04/6/2024', ['2024-06-04']],
    ['(ngày 02/7/2024)', ['2024-07-02']],
    ['tính đến 9.3.2026', ['2026-03-09']],
    ['Số liệu tính đến 14-11-2025', ['2025-11-14']],
    ['Số liệu tính đến ngày 14.11.2025', ['2025-11-14']],
    ['Tính đến ngày 14 tháng 11 năm 2025', ['2025-11-14']],
    ['Cập nhật ngày 14/11/2025', ['2025-11-14']],
    ['Cập nhật: 14/11/2025 08:30', ['2025-11-14']],
    ['Ngày xuất báo cáo: 14/11/2025', ['2025-11-14']],
    ['Ngày cập nhật: 9/3/2026', ['2026-03-09']],
    ['14/11/2025', ['2025-11-14']],
    ['Thời điểm: 2025-11-14', ['2025-11-14']],
    ['SỐ LIỆU NGÀY 04/06/2024', ['2024-06-04']],
    // NFD text (a Mac file name pasted in a title) folds the same.
    ['Số liệu ngày 14 tháng 11 năm 2025'.normalize('NFD'), ['2025-11-14']],
    // Ranges: the data as at their end.
    ['Số liệu từ ngày 01/11/2025 đến ngày 14/11/2025', ['2025-11-14']],
    ['Số liệu từ 01/11/2025 - 14/11/2025', ['2025-11-14']],
    ['01/11/2025 - 14/11/2025', ['2025-11-14']],
    ['01/11/2025–14/11/2025', ['2025-11-14']],
    ['Từ ngày 01 tháng 11 năm 2025 đến ngày 14 tháng 11 năm 2025', ['2025-11-14']],
    ['Kỳ đánh giá: từ 01.11.2025 tới 14.11.2025', ['2025-11-14']],
    ['Từ ngày 01/11/2025 đến hết ngày 14/11/2025', ['2025-11-14']],
    // The start of a range without its end is not a data date.
    ['Số liệu từ ngày 01/01/2025 đến nay', []],
    // Dates of legal documents and comparison references are not data dates.
    ['THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTG NGÀY 23/06/2022', []],
    ['Quyết định 766/QĐ-TTg ngày 23/6/2022; số liệu ngày 14/11/2025', ['2025-11-14']],
    ['Công văn số 07406/UBND-PVHCC ngày 06/11/2025, 06172/UBND-PVHCC ngày 20/10/2025', []],
    ['Theo 30/2020/NĐ-CP ngày 05/3/2020, số liệu ngày 14/11/2025', ['2025-11-14']],
    ['Số liệu ngày 14/11/2025 (so với ngày 07/11/2025)', ['2025-11-14']],
    ['Kết quả tuần 2/tháng 11 (tính đến 14/11/2025)', ['2025-11-14']],
    ['Kèm theo văn bản 45/VPUBND-KSTT ngày 10/11/2025', []],
    ['Thực hiện Kế hoạch số 12/KH-UBND, số liệu tính đến ngày 14/11/2025', ['2025-11-14']],
    ['Quyết định số 766/QĐ-TTg (ngày 23/6/2022)', []],
    // Not dates.
    ['ngày 31/02/2025', []],
    ['KẾT QUẢ ĐÁNH GIÁ THÁNG 11/2025', []],
    // Two data dates in one text: both kept, for the caller to refuse.
    ['Số liệu ngày 07/11/2025, cập nhật ngày 14/11/2025', ['2025-11-07', '2025-11-14']],
    ['14/11/2025 01/11/2025', ['2025-11-14', '2025-11-01']],
  ])('%s → %j', (text, dates) => {
    expect(titleDatesFromText(text)).toEqual(dates);
  });
});

const HEADER: CellValue[] = ['STT', 'Tên đơn vị', 'Tổng điểm'];
const ROW: CellValue[] = [1, 'UBND xã Ea Ly', 88.72];

describe('findTitleDate', () => {
  const titleOf = (rows: Array<CellValue[] | null>) => {
    const g = grid('Xã', [...rows, HEADER, ROW]);
    return findTitleDate(new GridIndex(g), rows.length + 1);
  };

  it('gives none, or the one date with the row and text it came from', () => {
    expect(titleOf([['KẾT QUẢ ĐÁNH GIÁ']])).toEqual({ kind: 'none' });
    expect(titleOf([['KẾT QUẢ'], ['Số liệu từ ngày 01/11/2025 đến ngày 14/11/2025']])).toEqual({
      kind: 'one',
      date: '2025-11-14',
      row: 2,
      text: 'Số liệu từ ngày 01/11/2025 đến ngày 14/11/2025',
    });
  });

  it('reads a date cell next to its label cell, and a range split over two rows', () => {
    expect(titleOf([['KẾT QUẢ'], ['Ngày cập nhật:', null, '14/11/2025']])).toMatchObject({ kind: 'one', date: '2025-11-14', row: 2 });
    expect(titleOf([['Từ ngày:', '01/11/2025'], ['Đến ngày:', '14/11/2025']])).toMatchObject({ kind: 'one', date: '2025-11-14', row: 2 });
  });

  it('keeps one date given twice, and ignores the decision that the title cites', () => {
    expect(
      titleOf([['Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022'], ['Số liệu ngày 14/11/2025'], ['Cập nhật ngày 14/11/2025']]),
    ).toMatchObject({ kind: 'one', date: '2025-11-14', row: 2 });
  });

  it('gives every candidate when two different dates remain possible', () => {
    expect(titleOf([['Số liệu ngày 07/11/2025'], ['Cập nhật ngày 14/11/2025']])).toEqual({
      kind: 'ambiguous',
      candidates: [
        { date: '2025-11-07', row: 1, text: 'Số liệu ngày 07/11/2025' },
        { date: '2025-11-14', row: 2, text: 'Cập nhật ngày 14/11/2025' },
      ],
    });
    expect(titleOf([['Số liệu tính đến ngày 14/11/2025'], [null, '07/11/2025']])).toMatchObject({ kind: 'ambiguous' });
  });

  it('reaches interpretGrid’s result', () => {
    const r = interpretGrid(grid('Xã', [['Số liệu từ 01/11/2025 - 14/11/2025'], HEADER, ROW]), { file: 'f.xlsx', config });
    expect(r.titleDate).toMatchObject({ kind: 'one', date: '2025-11-14' });
  });
});

/** A score workbook whose title rows are `title` (cells may be real dates). */
async function workbook(file: string, title: Array<Array<string | Date | null>>, dateFormat = 'dd/mm/yyyy'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cấp xã');
  for (const cells of title) {
    const row = ws.addRow(cells);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = dateFormat;
    });
  }
  ws.addRow(['STT', 'Tên đơn vị', 'Công khai, minh bạch', 'Tổng điểm']);
  ws.addRow([1, 'UBND xã Ea Ly', 14.53, 88.72]);
  ws.addRow([2, 'UBND xã Ea Kar', 15, 90.1]);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('title dates in real files', () => {
  it('reads a real date cell (an Excel serial in a date format) beside its label', async () => {
    const dir = tempDir();
    const file = await workbook(join(dir, 'xa.xlsx'), [['KẾT QUẢ ĐÁNH GIÁ'], ['Ngày cập nhật:', new Date(Date.UTC(2025, 10, 14))]]);
    const ds = await readDataset([file], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2025-11-14', 'title']);
    const other = await workbook(join(dir, 'xa2.xlsx'), [[new Date(Date.UTC(2026, 2, 9))]], 'd mmmm yyyy');
    expect((await readDataset([other], { config })).date).toBe('2026-03-09');
  });

  it('dates a range title on its end, not its start', async () => {
    const file = await workbook(join(tempDir(), 'xa.xlsx'), [['Số liệu từ ngày 01/11/2025 đến ngày 14/11/2025']]);
    const r = await readScoreFile(file, { config });
    expect(r.date).toMatchObject({ kind: 'dated', date: '2025-11-14', source: 'title' });
  });

  it('refuses two data dates in one sheet’s title with a located message, unless --date settles it', async () => {
    const file = await workbook(join(tempDir(), 'xa-2025-11-14.xlsx'), [['Số liệu ngày 07/11/2025'], ['Cập nhật ngày 14/11/2025']]);
    const e = await expectThrows(readDataset([file], { config }), DataError);
    expect(e.message).toBe(
      `${file}, sheet "Cấp xã": tiêu đề ghi 2 ngày số liệu khác nhau (dòng 1 "Số liệu ngày 07/11/2025": 07/11/2025; ` +
        'dòng 2 "Cập nhật ngày 14/11/2025": 14/11/2025); không biết số liệu là của ngày nào. Dùng --date YYYY-MM-DD để chỉ định ngày đánh giá.',
    );
    const ds = await readDataset([file], { config, date: '2025-11-14' });
    expect([ds.date, ds.dateSource]).toEqual(['2025-11-14', 'option']);
    expect(ds.warnings).toEqual([]);
  });

  it('refuses through the CLI with exit 1, and runs with --date', async () => {
    const file = await workbook(join(tempDir(), 'xa.xlsx'), [['Số liệu tính đến ngày 14/11/2025', null, '07/11/2025']]);
    const r = await dakindex(['check', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tiêu đề ghi 2 ngày số liệu khác nhau');
    expect(r.stderr).toContain('Dùng --date YYYY-MM-DD');
    const ok = await dakindex(['check', file, '--json', '--date', '2025-11-14']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ date: '2025-11-14', dateSource: 'option' });
  });

  it('is one rule for the folder scan and the reader: title first, then name, one warning when they differ', async () => {
    const data = tempDir();
    // Named for the 7th, titled the 14th: chosen for week 2 (10–16/11), as the reader dates it.
    await workbook(join(data, 'diem-2025-11-07.xlsx'), [['Số liệu từ ngày 01/11/2025 đến ngày 14/11/2025']]);
    const out = tempDir();
    const r = await dakindex(['check', join(data, 'diem-2025-11-07.xlsx')]);
    expect((r.stdout + r.stderr).match(/khác ngày trong tên tệp/g)).toHaveLength(1);
    const rep = await dakindex(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', data, '--out', out]);
    expect(rep.stdout).toContain('diem-2025-11-07.xlsx (ngày 14/11/2025');
    expect((rep.stdout + rep.stderr).match(/khác ngày trong tên tệp/g)).toHaveLength(1);
  });

  it('lists a data-folder file whose title gives two dates as undated, with the reason', async () => {
    const data = tempDir();
    await workbook(join(data, 'a.xlsx'), [['Số liệu ngày 07/11/2025'], ['Cập nhật ngày 14/11/2025']]);
    await workbook(join(data, 'b.xlsx'), [['Số liệu ngày 14/11/2025']]);
    const rep = await dakindex(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', data, '--out', tempDir()]);
    expect(rep.stdout).toMatch(/b\.xlsx \(ngày 14\/11\/2025/);
    expect(rep.stdout).toMatch(/Bỏ qua vì không xác định được ngày hoặc không đọc được: .*a\.xlsx \(sheet "Cấp xã": tiêu đề ghi 2 ngày số liệu khác nhau/);
  });
});
