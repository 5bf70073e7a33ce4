import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';
import { pdfPages, pdfText, toPdf } from '../helpers/libreoffice.js';

/** The real CLI as a process, the real LibreOffice conversion, the real PDF text. */
describe('weekly report through LibreOffice', () => {
  let pdf = '';
  let stdout = '';
  beforeAll(() => {
    const out = tempDir();
    stdout = execFileSync(
      process.execPath,
      [join(REPO, 'bin/dakindex.cjs'), 'report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak', '--out', out],
      { cwd: REPO, encoding: 'utf8' },
    );
    const [docx] = readdirSync(out);
    pdf = toPdf(join(out, docx!));
  }, 240_000);

  it('the CLI says where the file is', () => {
    expect(stdout).toMatch(/Đã ghi báo cáo: .*2025-11-14_bao-cao-tuan-02-thang-11-2025\.docx/);
  });

  it('opens and lays out the report, then the two appendices', () => {
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(14);
    const all = pdfText(pdf).replace(/\s+/g, ' ');
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(all).toContain('BÁO CÁO');
    expect(all).toContain('tỉnh Đắk Lắk đạt 88,72 điểm (tăng 0,27 điểm so với tuần 01 tháng 11), xếp hạng 16/34 tỉnh, thành phố.');
    expect(all).toContain('Có 87/102 UBND cấp xã xếp loại: Xuất sắc (giảm 05 địa phương so với tuần 01 tháng 11).');
    expect(all).toContain('Cao Như Khánh');
  });

  it('starts each appendix on a page of its own with its own numbering, header row repeated', () => {
    const pages = pdfPages(pdf);
    const texts = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
    const first1 = texts.findIndex((t) => /^\s*Phụ lục I\s*$/m.test(t));
    const first2 = texts.findIndex((t) => /^\s*Phụ lục II\s*$/m.test(t));
    expect(first1).toBeGreaterThan(0);
    expect(first2).toBeGreaterThan(first1);
    // Page 1 of the document has no number; page 2 is numbered 2 at the top.
    expect(texts[1]!.trimStart().split('\n')[0]!.trim()).toBe('2');
    // Phụ lục II runs over several pages; its second page is numbered 2 and repeats the header row.
    const next = texts[first2 + 1]!;
    expect(next.trimStart().split('\n')[0]!.trim()).toBe('2');
    expect(next).toContain('STT');
    expect(next).toContain('Xếp loại');
  });
});
