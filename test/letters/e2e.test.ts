/**
 * Each công văn through the real CLI as a process (bin/dakindex.cjs loads dist/: `npm run build`
 * first, as `npm test` does), then through LibreOffice to PDF: what a reader of the page sees.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';
import { pdfPages, pdfText, toPdf } from '../helpers/libreoffice.js';

function cli(args: string[]): { stdout: string; docx: string } {
  const out = tempDir('dakindex-letter-e2e-');
  const stdout = execFileSync(process.execPath, [join(REPO, 'bin/dakindex.cjs'), 'letter', ...args, '--out', out], { cwd: REPO, encoding: 'utf8' });
  const [docx] = readdirSync(out);
  return { stdout, docx: join(out, docx!) };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('letter publish as a process, through LibreOffice (seed 000)', () => {
  let stdout = '';
  let pdf = '';
  beforeAll(() => {
    const r = cli(['publish', '--month', '5', '--year', '2024', '--data', 'fixtures/daklak']);
    stdout = r.stdout;
    pdf = toPdf(r.docx);
  }, 240_000);

  it('says where the letter is', () => {
    expect(stdout).toMatch(/Đã ghi công văn: .*2024-06-04_cong-van-cong-khai-thang-05-2024\.docx/);
  });

  it('lays out the header with Số and the date on one line, V/v under Số', () => {
    const page1 = pdfText(pdf, 1);
    expect(page1).toMatch(/Số:\s+\/VPUBND-KSTTHC\s+Đắk Lắk, ngày\s+tháng 6 năm 2024/);
    const lines = page1.split('\n');
    const so = lines.findIndex((l) => l.includes('/VPUBND-KSTTHC'));
    expect(lines.slice(so + 1, so + 5).join(' ')).toMatch(/V\/v công khai kết quả Bộ chỉ số/);
    expect(flat(page1)).toContain('Kính gửi: - Các sở, ban, ngành; - UBND các huyện, thị xã, thành phố.');
    expect(flat(page1)).toContain('Tổng số điểm Đắk Lắk đạt: 73,73/100 điểm, xếp hạng 31/63 tỉnh, thành phố');
  });

  it('signs, then starts the three appendices on pages of their own', () => {
    const pages = pdfPages(pdf);
    const texts = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
    const signed = texts.findIndex((t) => t.includes('KT. CHÁNH VĂN PHÒNG'));
    const appendices = ['I', 'II', 'III'].map((n) => texts.findIndex((t) => new RegExp(`^\\s*Phụ lục ${n}\\s*$`, 'm').test(t)));
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(appendices[0]).toBeGreaterThan(signed);
    expect(appendices[1]).toBeGreaterThan(appendices[0]!);
    expect(appendices[2]).toBeGreaterThan(appendices[1]!);
    expect(flat(texts[appendices[0]!]!)).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH');
  });
});

describe('letter low-score as a process, through LibreOffice (seed 003)', () => {
  let pdf = '';
  beforeAll(() => {
    const r = cli(['low-score', '--date', '2026-03-09', '--bottom', '7', '--target', '94', '--since', '2026-01-09', '--data', 'fixtures/daklak']);
    pdf = toPdf(r.docx);
  }, 240_000);

  it('lays out the committee header, V/v under Số and the Kính gửi list', () => {
    const page1 = pdfText(pdf, 1);
    expect(page1).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(page1).toMatch(/Số:\s+\/UBND-PVHCC\s+Đắk Lắk, ngày\s+tháng 3 năm 2026/);
    expect(flat(page1)).toContain('V/v tập trung cải thiện Chỉ số phục vụ người dân, doanh nghiệp đối với các địa phương có điểm thấp');
    expect(flat(page1)).toContain('Kính gửi: - Chủ tịch UBND các phường, xã: Ea Ly, Sông Cầu, Xuân Cảnh, Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng;');
  });

  it('prints each footnote at the bottom of the page that refers to it', () => {
    const pages = pdfPages(pdf);
    const texts = Array.from({ length: pages }, (_, i) => flat(pdfText(pdf, i + 1)));
    const ref1 = texts.findIndex((t) => t.includes('(điểm từ 84,54 đến 89,69)'));
    const note1 = texts.findIndex((t) => /1 UBND xã Ea Ly đạt 89,69 điểm, UBND phường Sông Cầu đạt 89,55 điểm/.test(t));
    expect(ref1).toBeGreaterThanOrEqual(0);
    expect(note1).toBe(ref1);
    // The footnote comes after the page's body text.
    expect(texts[note1]!.lastIndexOf('UBND xã Ea Drăng đạt 84,54 điểm.')).toBeGreaterThan(texts[note1]!.indexOf('(điểm từ 84,54 đến 89,69)'));
    const ref2 = texts.findIndex((t) => t.includes('đạt từ 94 điểm trở lên'));
    const note2 = texts.findIndex((t) => t.includes('2 Chỉ tiêu theo Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh.'));
    expect(note2).toBe(ref2);
  });

  it('ends with Nơi nhận and the signature', () => {
    const all = flat(pdfText(pdf));
    expect(all).toContain('Nơi nhận:');
    expect(all).toMatch(/KT\. CHỦ TỊCH .*PHÓ CHỦ TỊCH/);
    expect(all).toContain('Trương Công Thái');
  });
});

describe('letter par-sipas as a process, through LibreOffice (seed 004)', () => {
  let pdf = '';
  beforeAll(() => {
    const r = cli(['par-sipas', '--year', '2021', '--input', 'fixtures/par-sipas/par-sipas-2021.xlsx']);
    pdf = toPdf(r.docx);
  }, 240_000);

  it('lays out the figures sentence and the signature', () => {
    const all = flat(pdfText(pdf));
    expect(all).toContain(
      'Kết quả Chỉ số PAR Index năm 2021 của tỉnh Đắk Lắk đạt 86,52 điểm, xếp vị thứ 36/63 tỉnh, thành phố trực thuộc Trung ương, tăng 3,3 điểm, cải thiện 09 bậc so với năm 2020;',
    );
    expect(pdfText(pdf, 1)).toMatch(/Số:\s+\/UBND-KSTTHC\s+Đắk Lắk, ngày\s+tháng 5 năm 2022/);
    expect(all).toContain('Nguyễn Tuấn Hà');
    expect(pdfPages(pdf)).toBeLessThanOrEqual(3);
  });
});

describe('the process exit codes', () => {
  it('exits 2 on a usage error and 1 on a data error, in Vietnamese', () => {
    const out = tempDir();
    const usage = spawnSync(process.execPath, [join(REPO, 'bin/dakindex.cjs'), 'letter', 'low-score', '--bottom', '3', '--below', '80', '--out', out], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('chọn một trong --bottom N hoặc --below ĐIỂM');
    const data = spawnSync(
      process.execPath,
      [join(REPO, 'bin/dakindex.cjs'), 'letter', 'low-score', '--date', '2026-03-09', '--below', '10', '--data', 'fixtures/daklak', '--out', out],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(data.status).toBe(1);
    expect(data.stderr).toContain('Không có UBND cấp xã nào dưới 10,0 điểm');
    expect(readdirSync(out)).toEqual([]);
  });
});
