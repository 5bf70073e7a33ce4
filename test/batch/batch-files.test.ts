/**
 * What dakindex batch does with files it finds in the output folder, with --pdf, and with the
 * data files it reads; through the built CLI as a process on temporary folders.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindexProcess, REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { fakeSoffice } from '../helpers/fake-soffice.js';
import { fridaysOf, weekFileName, writeWeekFile } from '../helpers/weekly-data.js';

/** The four weeks of January 2025 (Fridays 10, 17, 24, 31) and the export before them (03/01). */
const JANUARY = ['2025-01-03', ...fridaysOf(2025).slice(0, 4)];
const JANUARY_BATCH = ['batch', '--year', '2025', '--weeks', '--to', '2025-01-31'];
/** Weeks 1 and 2 of January 2025 (from 06/01 and 13/01). */
const TWO_WEEKS = ['batch', '--year', '2025', '--weeks', '--to', '2025-01-19'];

async function januaryData(): Promise<string> {
  const data = tempDir('dakindex-batch-data-');
  for (const date of JANUARY) await writeWeekFile(data, date);
  return data;
}

const docx = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.docx')).sort();
const week2 = '2025-01-17_bao-cao-tuan-02-thang-01-2025.docx';

describe('dakindex batch: files it did not write', () => {
  it('keeps a report edited by hand while its data are unchanged; refuses to replace it when they change, until --force', async () => {
    const data = await januaryData();
    const out = tempDir('dakindex-batch-out-');
    const args = [...JANUARY_BATCH, '--data', data, '--out', out];
    expect((await dakindexProcess(args)).code).toBe(0);
    expect(docx(out)).toHaveLength(4);

    appendFileSync(join(out, week2), 'sửa tay');
    const edited = readFileSync(join(out, week2));
    const kept = await dakindexProcess(args);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain('Tổng kết: 4 văn bản: 0 đã ghi, 4 không đổi, 0 bỏ qua, 0 lỗi.');
    expect(kept.stdout).toContain(
      '  - 1 văn bản: tệp đã được sửa sau lần ghi trước; dữ liệu không đổi nên giữ nguyên bản sửa (báo cáo tuần 02 tháng 1/2025)',
    );
    expect(readFileSync(join(out, week2)).equals(edited)).toBe(true);

    // New data for week 2: its report must change, but the file on disk is not what dakindex wrote.
    await writeWeekFile(data, '2025-01-17', { variant: 1 });
    const refused = await dakindexProcess(args);
    expect(refused.code, refused.stderr).toBe(3);
    expect(refused.stdout).toContain('Tổng kết: 4 văn bản: 1 đã ghi, 2 không đổi, 0 bỏ qua, 1 lỗi.');
    expect(refused.stdout).toContain(
      `  - báo cáo tuần 02 tháng 1/2025: Tệp ${join(out, week2)} đã được sửa sau khi dakindex ghi; không ghi đè để giữ bản sửa. Dùng --force để ghi đè (bản sửa sẽ mất) hoặc chuyển tệp đã sửa sang chỗ khác.`,
    );
    // Week 3 compares with week 2's data: made again.
    expect(refused.stdout).toContain('  - báo cáo tuần 03 tháng 1/2025 (dữ liệu, cấu hình hoặc mẫu văn bản đã thay đổi)');
    expect(readFileSync(join(out, week2)).equals(edited)).toBe(true);

    const forced = await dakindexProcess([...args, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('Tổng kết: 4 văn bản: 4 đã ghi, 0 không đổi, 0 bỏ qua, 0 lỗi.');
    expect(forced.stdout).toContain('  - báo cáo tuần 01 tháng 1/2025 (ghi lại theo --force)');
    expect(readFileSync(join(out, week2)).subarray(0, 2).toString()).toBe('PK');
    expect((await dakindexProcess(args)).stdout).toContain('4 không đổi');
  }, 60_000);

  it('refuses to replace a report that a single `report` run wrote in the same folder; the others are made', async () => {
    const data = await januaryData();
    const out = tempDir('dakindex-batch-out-');
    const single = await dakindexProcess(['report', '--week', '2', '--month', '1', '--year', '2025', '--data', data, '--out', out]);
    expect(single.code, single.stderr).toBe(0);
    const before = readFileSync(join(out, week2));
    const r = await dakindexProcess([...JANUARY_BATCH, '--data', data, '--out', out, '--json']);
    expect(r.code).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(j.counts).toEqual({ made: 3, unchanged: 0, skipped: 0, failed: 1 });
    expect(j.documents[1]).toMatchObject({
      label: 'báo cáo tuần 02 tháng 1/2025',
      status: 'failed',
      reason: `Tệp ${join(out, week2)} đã có nhưng không do một lần tạo hàng loạt ghi ra; không ghi đè. Dùng --force để ghi đè.`,
      files: [],
    });
    expect(readFileSync(join(out, week2)).equals(before)).toBe(true);
    expect(r.stderr).toContain('Tạo hàng loạt chưa trọn: 4 văn bản: 3 đã ghi, 0 không đổi, 0 bỏ qua, 1 lỗi. Văn bản lỗi và lý do ở mục "documents" của JSON');
  }, 60_000);
});

describe('dakindex batch --pdf', () => {
  function config(dir: string, soffice: string): string {
    const file = join(dir, 'cấu hình.json');
    writeFileSync(file, JSON.stringify({ pdf: { soffice } }));
    return file;
  }

  it('writes the PDF beside each report with one LibreOffice profile, records it, makes it again when it is deleted', async () => {
    const data = await januaryData();
    const out = tempDir('dakindex-batch-out-');
    const fake = fakeSoffice('pdf');
    const args = [...TWO_WEEKS, '--data', data, '--out', out, '--pdf', '--config', config(tempDir(), fake.path)];
    const r = await dakindexProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '2025-01-10_bao-cao-tuan-01-thang-01-2025.docx',
      '2025-01-10_bao-cao-tuan-01-thang-01-2025.pdf',
      week2,
      week2.replace('.docx', '.pdf'),
      'dakindex-manifest.json',
    ]);
    const calls = fake.calls();
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => c.args.find((a) => a.startsWith('-env:UserInstallation='))))).toHaveProperty('size', 1);
    const manifest = JSON.parse(readFileSync(join(out, 'dakindex-manifest.json'), 'utf8'));
    expect(manifest.documents['weekly-report tuan-02-thang-01-2025'].pdf).toEqual({ file: week2.replace('.docx', '.pdf'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect((await dakindexProcess(args)).stdout).toContain('Tổng kết: 2 văn bản: 0 đã ghi, 2 không đổi');
    expect(fake.calls()).toHaveLength(2);

    rmSync(join(out, week2.replace('.docx', '.pdf')));
    const again = await dakindexProcess(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`  - báo cáo tuần 02 tháng 1/2025 (cần thêm bản PDF): ${join(out, week2)}, ${join(out, week2.replace('.docx', '.pdf'))}`);
    expect(again.stdout).toContain('1 đã ghi, 1 không đổi');
    expect(existsSync(join(out, week2.replace('.docx', '.pdf')))).toBe(true);
  }, 60_000);

  it('without LibreOffice: the .docx are written, each report fails for its PDF, the install hint is told once, exit 3', async () => {
    const data = await januaryData();
    const out = tempDir('dakindex-batch-out-');
    const args = [...TWO_WEEKS, '--data', data, '--out', out, '--pdf', '--config', config(tempDir(), '/nowhere/soffice')];
    const r = await dakindexProcess(args);
    expect(r.code).toBe(3);
    expect(docx(out)).toHaveLength(2);
    expect(r.stdout).toContain('Tổng kết: 2 văn bản: 0 đã ghi, 0 không đổi, 0 bỏ qua, 2 lỗi.');
    expect(r.stdout).toContain(`  - báo cáo tuần 02 tháng 1/2025: Đã ghi ${join(out, week2)}; chưa có PDF: không tìm thấy LibreOffice (xem cảnh báo chung).`);
    expect(r.stdout.split('apt-get install libreoffice-writer-nogui')).toHaveLength(2);
    expect(r.stderr.split('apt-get install libreoffice-writer-nogui')).toHaveLength(2);
  }, 60_000);
});

/** Runs the built CLI with every fs.promises.readFile logged (the score readers' one read of a file). */
function withReadsLogged(args: string[]): Promise<{ result: CliResult; reads: string[] }> {
  const dir = tempDir();
  const hook = join(dir, 'log-reads.cjs');
  const log = join(dir, 'reads.log');
  writeFileSync(
    hook,
    `const fs = require('node:fs'); const promises = require('node:fs/promises'); const seen = [];
const original = promises.readFile;
promises.readFile = function (p, ...rest) { seen.push(String(p)); return original.call(this, p, ...rest); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, seen.join('\\n')));`,
  );
  return new Promise((done, fail) =>
    execFile(process.execPath, ['--require', hook, join(REPO, 'bin/dakindex.cjs'), ...args], { encoding: 'utf8' }, (err, stdout, stderr) =>
      err && typeof err.code !== 'number'
        ? fail(err)
        : done({ result: { code: err ? (err.code as number) : 0, stdout, stderr }, reads: readFileSync(log, 'utf8').split('\n') }),
    ),
  );
}

describe('dakindex batch reads', () => {
  it('each data file once to date it and once to read it, though most serve two reports (this week and the next)', async () => {
    const data = await januaryData();
    const { result, reads } = await withReadsLogged([...JANUARY_BATCH, '--data', data, '--out', tempDir()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('4 đã ghi');
    for (const date of JANUARY) {
      expect(reads.filter((p) => p === join(data, weekFileName(date))), date).toHaveLength(2);
    }
  }, 60_000);
});

describe('dakindex batch: usage', () => {
  it.each([
    [['batch', '--weeks'], 'cần --year Y (năm của các kỳ), ví dụ: --year 2025 --weeks'],
    [['batch', '--year', '2025'], 'chọn một trong --weeks, --months hoặc --quarters'],
    [['batch', '--year', '2025', '--weeks', '--months'], 'chọn một trong --weeks, --months hoặc --quarters'],
    [['batch', '--year', '2025', '--weeks', '--letters', 'publish'], '--letters publish: công văn công khai là công văn của một tháng, dùng cùng --months'],
    [['batch', '--year', '2025', '--months', '--letters', 'low-score'], '--letters: loại công văn của tạo hàng loạt chỉ có: publish'],
    [['batch', '--year', '2025', '--months', '--from', '2024-12-01'], '--from: ngày phải thuộc năm 2025 (--year)'],
    [['batch', '--year', '2025', '--months', '--from', '2025-06-01', '--to', '2025-03-01'], '--from phải không sau --to'],
    [['batch', '--year', '2025', '--months', '--number', '5'], "lỗi: không có tùy chọn '--number'"],
  ])('%j → exit 2: %s', async (args, message) => {
    const r = await dakindexProcess([...args, '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('an --out that is a file stops before any work, exit 1', async () => {
    const file = join(tempDir(), 'out.txt');
    writeFileSync(file, '');
    const r = await dakindexProcess([...JANUARY_BATCH, '--data', 'fixtures/daklak', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không ghi được vào ${file}: đây là một tệp, không phải thư mục (xem --out).`);
    expect(statSync(file).size).toBe(0);
  });
});

describe('dakindex batch --months --letters publish', () => {
  it('makes each month’s report then its letter, in date order; a letter its data cannot give fails alone', async () => {
    const out = tempDir('dakindex-batch-out-');
    const r = await dakindexProcess(['batch', '--year', '2024', '--months', '--from', '2024-05-01', '--to', '2024-06-30', '--letters', 'publish', '--data', 'fixtures/daklak', '--out', out, '--json']);
    expect(r.code).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(j.letters).toEqual(['publish']);
    expect(j.documents.map((d: { label: string; status: string }) => `${d.label}: ${d.status}`)).toEqual([
      'báo cáo tháng 5/2024: made',
      'công văn công khai tháng 5/2024: made',
      'báo cáo tháng 6/2024: made',
      'công văn công khai tháng 6/2024: failed',
    ]);
    expect(j.documents[3].reason).toBe('Dữ liệu ngày 02/7/2024 không có điểm của tỉnh Đắk Lắk (cần bảng điểm các tỉnh, thành phố): không tạo công văn công khai.');
    expect(j.documents[1]).toMatchObject({ kind: 'publish', files: [join(out, '2024-06-04_cong-van-cong-khai-thang-05-2024.docx')] });
    // The letter's own warning, as `letter publish` gives it: no signer's name in the default configuration.
    expect(j.documents[1].warnings).toEqual(expect.arrayContaining([expect.stringContaining('Chưa có họ tên người ký (khóa documents.publish.signer.name')]));
    expect(docx(out)).toEqual([
      '2024-06-04_bao-cao-thang-05-2024.docx',
      '2024-06-04_cong-van-cong-khai-thang-05-2024.docx',
      '2024-07-02_bao-cao-thang-06-2024.docx',
    ]);
  }, 60_000);
});
