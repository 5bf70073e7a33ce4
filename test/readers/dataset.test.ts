import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { DataError, UsageError } from '../../src/core/errors.js';
import { peekFileDate, readDataset } from '../../src/io/readers/read-dataset.js';
import { expectThrows, tempDir } from './helpers.js';

const config = DEFAULT_CONFIG;
const fx = (p: string) => new URL(`../../fixtures/${p}`, import.meta.url).pathname;
const summary = (ds: Awaited<ReturnType<typeof readDataset>>) =>
  ds.sheets.map((s) => `${s.sheet}:${s.level}:${s.units.length}:${s.groups.length}`);

describe('reader layouts (fixtures/layouts)', () => {
  it('CSV with ; , decimal comma and BOM', async () => {
    const ds = await readDataset([fx('layouts/csv-semicolon-bom.csv')], { config });
    expect(summary(ds)).toEqual(['csv-semicolon-bom:xa:5:6']);
    expect(ds.date).toBe('2025-11-14');
    expect(ds.dateSource).toBe('title');
  });

  it('CSV with , and quoted names', async () => {
    const ds = await readDataset([fx('layouts/csv-comma.csv')], { config });
    expect(summary(ds)).toEqual(['csv-comma:so:4:6']);
    expect(ds.sheets[0]!.units.map((u) => u.name)).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(ds.dateSource).toBe('unknown');
    expect(ds.date).toBeNull();
  });

  it('HTML table saved as .xls', async () => {
    const ds = await readDataset([fx('layouts/html-table.xls')], { config });
    expect(summary(ds)).toEqual(['html-table:so:4:6', 'html-table:xa:5:6']);
    expect(ds.date).toBe('2025-11-14');
    const u = ds.sheets[0]!.units[0]!;
    expect(Object.values(u.values).every((v) => v.kind === 'rate')).toBe(true);
    expect(u.name).not.toContain('\u00a0');
  });

  it('API codes with LOAI_COQUAN', async () => {
    const ds = await readDataset([fx('layouts/api-codes.xlsx')], { config });
    expect(summary(ds)).toEqual(['Sheet1:tinh:3:6', 'Sheet1:so:4:6', 'Sheet1:xa:5:6']);
    expect(ds.sheets[1]!.units.every((u) => !u.name.includes('tỉnh Đắk Lắk'))).toBe(true);
    expect(ds.sheets[0]!.units.map((u) => u.publishedRank)).toEqual([1, 2, 3]);
  });

  it('five groups', async () => {
    const ds = await readDataset([fx('layouts/five-group.xlsx')], { config });
    expect(summary(ds)).toEqual(['Cấp huyện:huyen:5:5']);
    expect(ds.sheets[0]!.groups).toEqual(['ckmb', 'tdgq', 'dvtt', 'mdhl', 'mdsh']);
  });

  it('header on row 12', async () => {
    const ds = await readDataset([fx('layouts/header-row-12.xlsx')], { config });
    expect(summary(ds)).toEqual(['Xã Phường:xa:5:6']);
    expect(ds.sheets[0]!.units[0]!.origin.row).toBe(13);
    expect(ds.date).toBe('2025-11-14');
  });

  it('a sheet with no header is skipped with a reason', async () => {
    const ds = await readDataset([fx('layouts/no-header.xlsx')], { config });
    expect(summary(ds)).toEqual(['Sở Ban:so:4:6']);
    expect(ds.skippedSheets).toEqual([
      {
        file: fx('layouts/no-header.xlsx'),
        sheet: 'Ghi chú',
        reason: 'không tìm thấy dòng tiêu đề (cột tên đơn vị và cột điểm) trong 30 dòng đầu',
      },
    ]);
  });

  it('two sheets of one level: stops and lists them; --sheet chooses', async () => {
    const file = fx('layouts/two-province-sheets.xlsx');
    const e = await expectThrows(readDataset([file], { config }), DataError);
    expect(e.message).toBe(
      'Có nhiều bảng cùng một cấp, không biết dùng bảng nào:\n' +
        `  - tỉnh, thành phố: ${file} (sheet "Điểm năm", 3 đơn vị); ${file} (sheet "Điểm tháng", 3 đơn vị)\n` +
        'Lệnh report và letter tự chọn theo kỳ khi tên sheet có "tuần", "tháng", "quý" hoặc "năm"; lệnh này không có kỳ.\n' +
        'Hãy chọn một sheet cho mỗi cấp bằng --sheet (các sheet của cấp khác vẫn được đọc):\n' +
        '  - tỉnh, thành phố: --sheet "Điểm năm" hoặc --sheet "Điểm tháng"',
    );
    const ds = await readDataset([file], { config, sheets: [{ name: 'Điểm tháng', level: 'tinh' }] });
    expect(summary(ds)).toEqual(['Điểm tháng:tinh:3:6']);
    const empty = await expectThrows(readDataset([file], { config, sheets: [] }), DataError);
    expect(empty.message).toContain('Có nhiều bảng cùng một cấp');
  });
});

describe('readDataset', () => {
  it('merges files of different levels and dates them from titles', async () => {
    const ds = await readDataset([fx('layouts/csv-semicolon-bom.csv'), fx('layouts/csv-comma.csv')], { config });
    expect(summary(ds)).toEqual(['csv-semicolon-bom:xa:5:6', 'csv-comma:so:4:6']);
    expect(ds.files).toEqual([fx('layouts/csv-semicolon-bom.csv'), fx('layouts/csv-comma.csv')]);
    expect(ds.warnings).toEqual([]);
  });

  it('stops when two files hold the same level', async () => {
    const a = fx('layouts/csv-comma.csv');
    const b = fx('layouts/no-header.xlsx');
    const e = await expectThrows(readDataset([a, b], { config }), DataError);
    expect(e.message).toContain(`  - sở, ban, ngành: ${a} (sheet "csv-comma", 4 đơn vị); ${b} (sheet "Sở Ban", 4 đơn vị)`);
  });

  it('dates: --date, else title, else file name, else unknown', async () => {
    const dir = tempDir();
    const named = join(dir, 'xa-2025-11-07.xlsx');
    copyFileSync(fx('layouts/header-row-12.xlsx'), named);
    const plain = join(dir, 'so.csv');
    copyFileSync(fx('layouts/csv-comma.csv'), plain);
    const plainNamed = join(dir, 'so-2025-11-07.csv');
    copyFileSync(fx('layouts/csv-comma.csv'), plainNamed);

    const byOption = await readDataset([named], { config, date: '2025-11-15' });
    expect([byOption.date, byOption.dateSource]).toEqual(['2025-11-15', 'option']);

    const byTitle = await readDataset([named], { config });
    expect([byTitle.date, byTitle.dateSource]).toEqual(['2025-11-14', 'title']);
    expect(byTitle.warnings.map((w) => w.message)).toEqual([
      `${named}: ngày trong tiêu đề (14/11/2025) khác ngày trong tên tệp (07/11/2025); dùng ngày trong tiêu đề`,
    ]);

    const byName = await readDataset([plainNamed], { config });
    expect([byName.date, byName.dateSource]).toEqual(['2025-11-07', 'filename']);

    const unknown = await readDataset([plain], { config });
    expect([unknown.date, unknown.dateSource]).toEqual([null, 'unknown']);
  });

  it('warns when files disagree on the date', async () => {
    const dir = tempDir();
    const so = join(dir, 'so-2025-11-07.csv');
    copyFileSync(fx('layouts/csv-comma.csv'), so);
    const xa = fx('layouts/csv-semicolon-bom.csv');
    const ds = await readDataset([so, xa], { config });
    expect(ds.date).toBe('2025-11-14');
    expect(ds.dateSource).toBe('title');
    expect(ds.warnings.map((w) => w.message)).toEqual([
      `Các tệp ghi ngày khác nhau: ${so} (07/11/2025), ${xa} (14/11/2025); dùng 14/11/2025`,
    ]);
  });

  it('refuses a bad --date and a --sheet found nowhere', async () => {
    const f = fx('layouts/csv-comma.csv');
    const e = await expectThrows(readDataset([f], { config, date: '14/11/2025' }), UsageError);
    expect(e.message).toBe('--date "14/11/2025": cần ngày dạng YYYY-MM-DD, ví dụ 2025-11-14');
    await expectThrows(readDataset([f], { config, date: '2025-02-30' }), UsageError);
    const s = await expectThrows(readDataset([f], { config, sheets: [{ name: 'Xã' }] }), UsageError);
    expect(s.message).toBe(`--sheet "Xã": không có sheet này trong ${f}; các sheet có: "csv-comma"`);
  });

  it('accepts --sheet naming a sheet in one of several files', async () => {
    const a = fx('layouts/two-province-sheets.xlsx');
    const b = fx('layouts/csv-comma.csv');
    const ds = await readDataset([a, b], { config, sheets: [{ name: 'Điểm năm' }, { name: 'csv-comma' }] });
    expect(summary(ds)).toEqual(['Điểm năm:tinh:3:6', 'csv-comma:so:4:6']);
  });

  it('refuses a --sheet whose sheet has no header', async () => {
    const f = fx('layouts/no-header.xlsx');
    const e = await expectThrows(readDataset([f], { config, sheets: [{ name: 'Ghi chú', level: 'so' }] }), DataError);
    expect(e.message).toBe(
      `${f}, sheet "Ghi chú" (chọn bằng --sheet): không tìm thấy dòng tiêu đề (cột tên đơn vị và cột điểm) trong 30 dòng đầu`,
    );
  });
});

describe('peekFileDate', () => {
  it('takes the title date first, as the reader does, else the file name date, else none', async () => {
    const dir = tempDir();
    const named = join(dir, 'diem-2025-11-07.xlsx');
    copyFileSync(fx('layouts/header-row-12.xlsx'), named);
    const plainNamed = join(dir, 'so-2025-11-07.csv');
    copyFileSync(fx('layouts/csv-comma.csv'), plainNamed);
    expect(await peekFileDate(named, config)).toMatchObject({ kind: 'dated', date: '2025-11-14', source: 'title' });
    expect((await readDataset([named], { config })).date).toBe('2025-11-14');
    expect(await peekFileDate(plainNamed, config)).toMatchObject({ kind: 'dated', date: '2025-11-07', source: 'filename' });
    expect(await peekFileDate(fx('layouts/header-row-12.xlsx'), config)).toMatchObject({ date: '2025-11-14' });
    expect(await peekFileDate(fx('layouts/html-table.xls'), config)).toMatchObject({ date: '2025-11-14' });
    expect(await peekFileDate(fx('layouts/api-codes.xlsx'), config)).toEqual({ kind: 'undated' });
  });
});
