import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';

const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025'];

describe('dakindex report: guarantees', () => {
  it('refuses to replace an existing report without --force, and replaces it with --force', async () => {
    const out = tempDir();
    const first = await dakindex([...WEEK, '--data', 'fixtures/daklak', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const [name] = readdirSync(out);
    const before = statSync(join(out, name!)).mtimeMs;
    const again = await dakindex([...WEEK, '--data', 'fixtures/daklak', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có; dùng --force để ghi đè');
    expect(statSync(join(out, name!)).mtimeMs).toBe(before);
    const forced = await dakindex([...WEEK, '--data', 'fixtures/daklak', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([name]);
  });

  it('writes nothing when the data have errors, and names file, row and column', async () => {
    const data = tempDir();
    const out = join(tempDir(), 'out');
    const bad = join(data, 'diem-2025-11-14.csv');
    writeFileSync(bad, 'Tên đơn vị;Tổng điểm\nUBND xã A;91,5\nUBND xã B;9,5x\nUBND xã C;-3\n');
    const r = await dakindex([...WEEK, '--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('diem-2025-11-14.csv');
    expect(r.stderr).toMatch(/dòng 3, cột B/);
    expect(r.stderr).toMatch(/dòng 4, cột B/);
    expect(r.stderr).toContain('9,5x');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('is still written without the previous period, with a warning', async () => {
    const data = tempDir();
    copyFileSync(join(REPO, 'fixtures/daklak/diem-766-2025-11-14.xlsx'), join(data, 'diem-766-2025-11-14.xlsx'));
    const out = tempDir();
    const r = await dakindex([...WEEK, '--data', data, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.warnings).toContain('Không có dữ liệu kỳ trước (tuần 01 tháng 11/2025): báo cáo không có phần so sánh.');
    expect(j.files).toEqual([join(out, '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx')]);
    expect(j.period).toMatchObject({ kind: 'week', label: 'tuần 02 tháng 11/2025', date: '2025-11-14' });
    expect(j.levels.xa.counts['xuat-sac']).toBe(87);
  });

  it('says clearly when the period has no data file', async () => {
    const r = await dakindex(['report', '--month', '1', '--year', '2023', '--data', 'fixtures/daklak', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không có tệp dữ liệu nào');
    expect(r.stderr).toContain('tháng 1/2023');
  });

  it('rejects inconsistent periods as usage errors', async () => {
    for (const args of [
      ['report', '--week', '2'],
      ['report', '--week', '5', '--month', '11', '--year', '2025'],
      ['report', '--month', '13'],
      ['report', '--quarter', '2', '--month', '3'],
      ['report'],
    ]) {
      const r = await dakindex([...args, '--out', tempDir()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('fills the number and the date of issue, padded as Nghị định 30 says', async () => {
    const out = tempDir();
    const r = await dakindex([...WEEK, '--data', 'fixtures/daklak', '--out', out, '--number', '5', '--issued', '2025-11-17']);
    expect(r.code, r.stderr).toBe(0);
    const { docxText } = await import('../helpers/seeds.js');
    const { readFileSync } = await import('node:fs');
    const doc = docxText(readFileSync(join(out, readdirSync(out)[0]!)));
    expect(doc.paragraphs).toContain('Số: 05/BC-VPUBND');
    expect(doc.paragraphs).toContain('Đắk Lắk, ngày 17 tháng 11 năm 2025');
    expect(doc.paragraphs).toContain('(Kèm theo Báo cáo số 05/BC-VPUBND ngày 17 tháng 11 năm 2025 của Văn phòng UBND tỉnh)');
  });

  it('uses the office’s own templates from --templates, the rest from the defaults', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(
      join(dir, 'bao-cao-tuan.hbs'),
      '@trich-yeu Kết quả tuần của tỉnh {{province.name}}\nVăn bản riêng của cơ quan & đơn vị, ngày {{date}}.\n{{> ket-qua}}\n',
    );
    const out = tempDir();
    const r = await dakindex([...WEEK, '--data', 'fixtures/daklak', '--out', out, '--templates', dir]);
    expect(r.code, r.stderr).toBe(0);
    const { docxText } = await import('../helpers/seeds.js');
    const { readFileSync } = await import('node:fs');
    const doc = docxText(readFileSync(join(out, readdirSync(out)[0]!)));
    expect(doc.paragraphs).toContain('Văn bản riêng của cơ quan & đơn vị, ngày 14/11/2025.');
    expect(doc.paragraphs).toContain('Kết quả tuần của tỉnh Đắk Lắk');
    expect(doc.text).toContain('- Có 10/14 cơ quan xếp loại: Xuất sắc.');
    expect(doc.docx.files.get('word/document.xml')).toContain('cơ quan &amp; đơn vị');
  });

  it('a template error names the template and does not write', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bao-cao-tuan.hbs'), 'Điểm {{province.khongCo}}\n');
    const out = join(tempDir(), 'out');
    const r = await dakindex([...WEEK, '--data', 'fixtures/daklak', '--out', out, '--templates', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bao-cao-tuan.hbs');
    expect(r.stderr).toContain('khongCo');
    expect(existsSync(out)).toBe(false);
  });
});
