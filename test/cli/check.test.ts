import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeXlsx } from '../../fixtures/builders.js';
import { dakindex, tempDir } from '../helpers/cli.js';

describe('dakindex check', () => {
  it('prints the seeds’ counts for 14/11/2025', async () => {
    const r = await dakindex(['check', 'fixtures/daklak/diem-766-2025-11-14.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ngày đánh giá: 14/11/2025 (lấy từ tiêu đề trong tệp)');
    expect(r.stdout).toContain('Tỉnh Đắk Lắk: 88,72 điểm, xếp hạng 16/34');
    expect(r.stdout).toContain('Sở, ban, ngành: 14 đơn vị: Xuất sắc 10, Tốt 03, Khá 00, Trung bình 01, Yếu 00');
    expect(r.stdout).toContain('Cấp xã: 102 đơn vị: Xuất sắc 87, Tốt 15, Khá 00, Trung bình 00, Yếu 00');
  });

  it('prints JSON of the documented shape, and nothing else on stdout', async () => {
    const r = await dakindex(['check', 'fixtures/daklak/diem-766-2025-11-14.xlsx', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      date: '2025-11-14',
      dateSource: 'title',
      levels: {
        so: { units: 14, counts: { 'xuat-sac': 10, tot: 3, kha: 0, 'trung-binh': 1, yeu: 0, 'khong-du-lieu': 0 } },
        xa: { units: 102, counts: { 'xuat-sac': 87, tot: 15, kha: 0, 'trung-binh': 0, yeu: 0, 'khong-du-lieu': 0 } },
      },
      province: { name: 'Đắk Lắk', score: 88.72, rank: 16, of: 34 },
      warnings: [],
      skippedSheets: [],
    });
    expect(j.files).toHaveLength(1);
    expect(Object.keys(j.levels)).toEqual(['tinh', 'so', 'xa']);
  });

  it('counts 92 communes Xuất sắc the week before, from an API-code sheet dated by its file name', async () => {
    const r = await dakindex(['check', 'fixtures/daklak/diem-766-2025-11-07.xlsx', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.dateSource).toBe('filename');
    expect(j.levels.xa.counts['xuat-sac']).toBe(92);
    expect(j.province).toMatchObject({ score: 88.45 });
  });

  it('counts the quarter of 02/7/2024: agencies with one without data, districts, communes', async () => {
    const r = await dakindex(['check', 'fixtures/daklak/diem-766-2024-07-02.xlsx', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.levels.so).toEqual({ units: 17, counts: { 'xuat-sac': 0, tot: 4, kha: 7, 'trung-binh': 5, yeu: 0, 'khong-du-lieu': 1 } });
    expect(j.levels.huyen.counts).toMatchObject({ 'xuat-sac': 0, tot: 1, kha: 12, 'trung-binh': 2, yeu: 0 });
    expect(j.levels.xa.counts).toMatchObject({ 'xuat-sac': 1, tot: 26, kha: 99, 'trung-binh': 58, yeu: 0 });
    expect(j.province).toBeNull();
  });

  it('takes --date and --province', async () => {
    const r = await dakindex(['check', 'fixtures/daklak/diem-766-2025-11-14.xlsx', '--json', '--date', '2025-11-15', '--province', 'Hà Nội']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ date: '2025-11-15', dateSource: 'option', province: { name: 'Hà Nội' } });
  });

  it('usage errors exit 2 with a Vietnamese message', async () => {
    const noFile = await dakindex(['check']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('thiếu tham số');
    const badDate = await dakindex(['check', 'x.xlsx', '--date', '2025-13-40']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date');
    const badSheet = await dakindex(['check', 'x.xlsx', '--sheet', 'A=quan']);
    expect(badSheet.code).toBe(2);
    expect(badSheet.stderr).toContain('--sheet');
    const unknown = await dakindex(['check', 'x.xlsx', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("không có tùy chọn '--bogus'");
  });

  it('a missing file is a data error (exit 1) naming the file, without a stack trace', async () => {
    const r = await dakindex(['check', 'fixtures/daklak/khong-co.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('khong-co.xlsx');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('help is in Vietnamese', async () => {
    const r = await dakindex(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng:');
    expect(r.stdout).toContain('Tùy chọn:');
    expect(r.stdout).toContain('--sheet <TÊN[=CẤP]>');
  });

  it('lists the units and the rows it did not read as units, in JSON and in text', async () => {
    const file = join(tempDir(), 'xa-2025-11-14.xlsx');
    await writeXlsx(file, [
      {
        name: 'Xã Phường',
        rows: [
          ['STT', 'Tên đơn vị', 'CKMB', 'TDGQ', 'DVCTT', 'TTTT', 'MDHL', 'MDSH', 'Tổng điểm'],
          [1, 'UBND xã Ea Ly', 18, 20, 12, 10, 18, 12, 90],
          [2, 'UBND xã Ea Kar', 16, 18, 10, 8, 16, 12, 80],
          [3, 'UBND xã Hòa\u200bPhú', 16, 18, 10, 8, 16, 12, 80],
          [null, 'Trung bình cộng', 16.67, 18.67, 10.67, 8.67, 16.67, 12, 83.33],
        ],
      },
    ]);
    const r = await dakindex(['check', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.units).toEqual([
      { name: 'UBND xã Ea Ly', level: 'xa', total: 90, band: 'xuat-sac', rank: 1 },
      { name: 'UBND xã Ea Kar', level: 'xa', total: 80, band: 'tot', rank: 2 },
      { name: 'UBND xã HòaPhú', level: 'xa', total: 80, band: 'tot', rank: 2 },
    ]);
    expect(j.levels.xa.units).toBe(3);
    expect(j.skippedRows).toEqual([
      { file, sheet: 'Xã Phường', row: 5, label: 'Trung bình cộng', reason: expect.stringContaining('dòng tổng hợp') },
    ]);
    const text = await dakindex(['check', file]);
    expect(text.stdout).toContain(`Dòng bỏ qua (không phải đơn vị):\n  - ${file}, sheet "Xã Phường", dòng 5 "Trung bình cộng"`);
  });
});
