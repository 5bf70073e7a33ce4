import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dakindex, tempDir } from '../helpers/cli.js';

/** Inputs a real user gets wrong, and what each command must then do (no figure silently wrong). */
describe('input guards', () => {
  const SIX = 'Tên cơ quan;Công khai, minh bạch (18);Tiến độ, kết quả giải quyết (20);Dịch vụ công trực tuyến (12);Thanh toán trực tuyến (10);Mức độ hài lòng (18);Số hóa hồ sơ (22)';

  it('a "%" in a points column is an error, not a silent switch of the column to rates', async () => {
    const file = join(tempDir(), 'so-2025-11-14.csv');
    writeFileSync(file, `${SIX}\nSở A;17;20;12;10;18;22\nSở B;90%;20;12;10;18;22\n`);
    const r = await dakindex(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dòng 3, cột B: tỷ lệ "90%" trong cột điểm (tiêu đề cột ghi điểm tối đa)');
  });

  it('a column whose header gives no maximum and whose cells carry "%" is read as rates', async () => {
    const file = join(tempDir(), 'so-2025-11-14.csv');
    writeFileSync(file, `${SIX.replace('Công khai, minh bạch (18)', 'Công khai, minh bạch')}\nSở A;100%;20;12;10;18;22\nSở B;50%;20;12;10;18;22\n`);
    const r = await dakindex(['check', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).levels.so.counts['xuat-sac']).toBe(2);
  });

  it('check fails when no sheet holds a score table, listing what it passed over', async () => {
    const file = join(tempDir(), 'trong.csv');
    writeFileSync(file, 'Ghi chú\nkhông có bảng điểm\n');
    const r = await dakindex(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không đọc được bảng điểm nào');
    expect(r.stderr).toContain('sheet "trong"');
  });

  it('warns when the province sheet does not hold the configured province', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tỉnh, thành phố');
    ws.addRow(['Tỉnh/Thành phố', 'Tổng điểm']);
    ws.addRow(['Hà Nội', 91.2]);
    ws.addRow(['Huế', 88.1]);
    const file = join(dir, 'tinh-2025-11-14.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await dakindex(['check', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('sheet "Tỉnh, thành phố": không có điểm của tỉnh Đắk Lắk');
    expect(r.stdout).not.toContain('Không có sheet cấp tỉnh');
  });

  it('never compares a file with itself: a month evaluated inside it has no earlier file', async () => {
    const r = await dakindex(['report', '--month', '1', '--year', '2026', '--data', 'fixtures/daklak', '--out', tempDir(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.inputs.current[0]).toMatch(/2026-01-09/);
    expect(j.inputs.previous).toBeNull();
    expect(j.warnings).toContain('Không có dữ liệu kỳ trước (tháng 12/2025): báo cáo không có phần so sánh.');
  });

  it('a published total a hair over 100 by rounding is accepted as 100', async () => {
    const file = join(tempDir(), 'xa-2025-11-14.csv');
    writeFileSync(file, 'Tên đơn vị;Tổng điểm\nUBND xã A;100,004\nUBND xã B;100,02\n');
    const r = await dakindex(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('dòng 2');
    expect(r.stderr).toContain('dòng 3, cột B: giá trị "100,02" vượt 100 điểm');
  });

  it('an unreadable file in the data folder is passed over and named, not fatal', async () => {
    const data = tempDir();
    const { copyFileSync } = await import('node:fs');
    copyFileSync(join('fixtures/daklak', 'diem-766-2025-11-14.xlsx'), join(data, 'diem-766-2025-11-14.xlsx'));
    writeFileSync(join(data, 'hong.xlsx'), 'không phải tệp Excel');
    const r = await dakindex(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', data, '--out', tempDir()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bỏ qua vì không xác định được ngày hoặc không đọc được:');
    expect(r.stdout).toContain('hong.xlsx');
  });

  it('refuses --since that is not before the data date', async () => {
    const out = tempDir();
    const r = await dakindex([
      'letter', 'low-score', '--date', '2026-03-09', '--bottom', '7', '--since', '2026-03-09', '--data', 'fixtures/daklak', '--out', out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--since phải là một ngày trước ngày của dữ liệu (09/3/2026)');
    expect(readdirSync(out)).toEqual([]);
  });

  it('--out naming a file is a clear data error, not an unexpected one', async () => {
    const file = join(tempDir(), 'la-tep');
    writeFileSync(file, 'x');
    const r = await dakindex(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không phải thư mục');
    expect(r.stderr).not.toContain('Lỗi không mong đợi');
    expect(existsSync(join(file, '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx'))).toBe(false);
  });

  it('a week without data does not quote the closed-period rule', async () => {
    const r = await dakindex(['report', '--week', '2', '--month', '1', '--year', '2026', '--data', 'fixtures/daklak', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cần tệp có ngày trong kỳ)');
    expect(r.stderr).not.toContain('10 ngày sau');
  });
});
