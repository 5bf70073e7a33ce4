import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { pdfText } from '../helpers/libreoffice.js';

/** `report --pdf` end to end: the built CLI as a process, the real soffice found on PATH, the real PDF. */
describe('report --pdf with LibreOffice', () => {
  const root = tempDir();
  const out = join(root, 'Báo cáo tuần 02');
  // The run's temporary folder (the LibreOffice profile) goes here, so that its removal can be seen.
  const tmp = join(root, 'tmp');
  const docx = join(out, '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx');
  const pdf = join(out, '2025-11-14_bao-cao-tuan-02-thang-11-2025.pdf');
  let r: CliResult;

  beforeAll(async () => {
    mkdirSync(tmp);
    const args = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak', '--pdf', '--out', out];
    r = await new Promise((done) =>
      execFile(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } }, (err, stdout, stderr) =>
        done({ code: err ? Number(err.code) : 0, stdout, stderr }),
      ),
    );
  }, 180_000);

  it('writes the PDF beside the .docx and says so', () => {
    expect(r.stderr).not.toContain('PDF');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi báo cáo: ${docx}\nĐã ghi PDF: ${pdf}\n`);
    expect(readdirSync(out).sort()).toEqual([docx, pdf].map((f) => f.slice(out.length + 1)).sort());
  });

  it('is a PDF of the report', () => {
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp');
    expect(text).toContain('tuần 02 tháng 11/2025');
  });

  it('leaves no LibreOffice profile behind', () => {
    expect(readdirSync(tmp)).toEqual([]);
  });
});
