/** Every letter prints the sheets it did not read: on stderr in text, under skippedSheets with --json. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';

describe('letters name the sheets they pass over', () => {
  it('par-sipas: a notes sheet before the figures and a chart sheet after them', async () => {
    const file = join(tempDir(), 'par-sipas.xlsx');
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile('fixtures/par-sipas/par-sipas-2021.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Số liệu do Sở Nội vụ cung cấp']);
    const figures = wb.addWorksheet('PAR-SIPAS');
    source.getWorksheet('PAR-SIPAS')!.eachRow((row) => figures.addRow((row.values as ExcelJS.CellValue[]).slice(1)));
    figures.getColumn(2).numFmt = 'dd/mm/yyyy';
    wb.addWorksheet('Biểu đồ').addRow(['Năm', 'PAR']);
    await wb.xlsx.writeFile(file);
    const out = tempDir();
    const r = await dakindex(['letter', 'par-sipas', '--year', '2021', '--input', file, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Sheet bỏ qua (2):');
    expect(r.stderr).toContain(`  - ${file}, sheet "Ghi chú": không có dòng tiêu đề có cột "Năm" trong 10 dòng đầu`);
    expect(r.stderr).toContain(`  - ${file}, sheet "Biểu đồ": không đọc: số liệu lấy từ sheet "PAR-SIPAS"`);
  });

  it('low-score: the sheets left by --sheet and the trend sheets, under --json', async () => {
    const file = join(REPO, 'fixtures/layouts/an-giang-monthly.xlsx');
    const out = tempDir();
    const r = await dakindex([
      'letter', 'low-score', '--bottom', '2', '--input', file, '--province', 'An Giang', '--sheet', 'Điểm tháng', '--out', out, '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { skippedSheets: { file: string; sheet: string }[] };
    expect(json.skippedSheets.map((k) => k.sheet)).toEqual(['Điểm năm', 'Xu hướng tháng', 'Xu hướng quý']);
  });
});
