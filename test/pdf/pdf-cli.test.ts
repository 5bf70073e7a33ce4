import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { dakindex, tempDir } from '../helpers/cli.js';
import { fakeSoffice, profileOf } from '../helpers/fake-soffice.js';

/** --pdf through the real CLI, with a stand-in soffice (the real one: test/e2e/pdf-libreoffice.test.ts). */

const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak'];
const DOCX = '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx';
const PDF = '2025-11-14_bao-cao-tuan-02-thang-11-2025.pdf';
const LOW_TWO = ['letter', 'low-score', '--date', '2026-03-09', '--bottom', '2', '--separate', '--data', 'fixtures/daklak'];

/** An output folder whose path has spaces and Vietnamese letters. */
function outDir(): string {
  return join(tempDir(), 'Văn bản tuần 02');
}

function config(dir: string, pdf: object): string {
  const file = join(dir, 'cấu hình.json');
  writeFileSync(file, JSON.stringify({ pdf }));
  return file;
}

/** Whether a process runs; a zombie (killed, not yet reaped by its new parent) does not. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/\) Z /.test(stat);
};

describe('--pdf without LibreOffice', () => {
  it('writes the .docx, tells how to install LibreOffice and exits 4', async () => {
    const out = outDir();
    // In-process runs see only this environment: no PATH, so no soffice (and Linux has no fixed install folder).
    const r = await dakindex([...WEEK, '--pdf', '--out', out], undefined, {});
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(`Đã ghi báo cáo: ${join(out, DOCX)}`);
    expect(r.stdout).not.toContain('Đã ghi PDF');
    expect(r.stderr).toContain('Không tìm thấy LibreOffice (soffice) để tạo PDF');
    expect(r.stderr).toContain('sudo apt-get install libreoffice-writer-nogui');
    expect(r.stderr).toContain('Văn bản .docx đã được ghi; chưa có PDF.');
    expect(readdirSync(out)).toEqual([DOCX]);
  });

  it('DAKINDEX_SOFFICE pointing nowhere is reported, not replaced by the soffice on PATH', async () => {
    const out = outDir();
    const r = await dakindex([...WEEK, '--pdf', '--json', '--out', out], undefined, { PATH: process.env.PATH, DAKINDEX_SOFFICE: '/nowhere/soffice' });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('DAKINDEX_SOFFICE = "/nowhere/soffice": không có tệp /nowhere/soffice');
    expect(r.stderr).toContain('apt-get install libreoffice-writer-nogui');
    // --json: stdout is still the one JSON object, with no PDF in it.
    const json = JSON.parse(r.stdout) as { files: string[]; pdf: string[] };
    expect(json.files).toEqual([join(out, DOCX)]);
    expect(json.pdf).toEqual([]);
    expect(readdirSync(out)).toEqual([DOCX]);
  });

  it('without --pdf nothing looks for LibreOffice', async () => {
    const out = outDir();
    const r = await dakindex([...WEEK, '--out', out], undefined, { DAKINDEX_SOFFICE: '/nowhere/soffice' });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('soffice');
  });
});

describe('--pdf with a stand-in soffice', () => {
  it('converts each document of a run one at a time with one profile, removed at the end', async () => {
    const fake = fakeSoffice('pdf');
    const out = outDir();
    const r = await dakindex([...LOW_TWO, '--pdf', '--out', out], undefined, { DAKINDEX_SOFFICE: fake.path });
    expect(r.stderr).not.toContain('PDF');
    expect(r.code).toBe(0);
    // In the order written, which is the order converted.
    const docx = [...r.stdout.matchAll(/^  .*\/([^/]+\.docx)$/gm)].map((m) => m[1]!);
    expect(docx).toHaveLength(2);
    const pdfs = docx.map((f) => join(out, f.replace(/\.docx$/, '.pdf')));
    expect(r.stdout).toContain(`Đã ghi 2 PDF:\n${pdfs.map((p) => `  ${p}`).join('\n')}`);
    for (const [i, pdf] of pdfs.entries()) {
      expect(readFileSync(pdf, 'utf8')).toBe(`%PDF-1.4\n% fake of ${join(out, docx[i]!)}\n`);
    }
    expect(readdirSync(out).sort()).toEqual([...docx, ...docx.map((f) => f.replace(/\.docx$/, '.pdf'))].sort());

    const calls = fake.calls().sort((a, b) => a.start - b.start);
    expect(calls).toHaveLength(2);
    const [first, second] = calls as [(typeof calls)[0], (typeof calls)[0]];
    expect(profileOf(first)).toMatch(/^file:\/\/\//);
    expect(profileOf(second)).toBe(profileOf(first));
    expect(second.start).toBeGreaterThanOrEqual(first.end!);
    for (const [i, c] of calls.entries()) {
      expect(c.args.slice(1, 5)).toEqual(['--headless', '--norestore', '--convert-to', 'pdf']);
      expect(c.args[5]).toBe('--outdir');
      // The document's own path, as one argument, spaces and Vietnamese letters included.
      expect(c.args.at(-1)).toBe(join(out, docx[i]!));
    }
    const profile = fileURLToPath(profileOf(first));
    expect(profile).not.toContain(out);
    expect(existsSync(profile)).toBe(false);
    expect(existsSync(join(profile, '..'))).toBe(false);
  });

  it('takes soffice from pdf.soffice in the configuration; DAKINDEX_SOFFICE comes first', async () => {
    const fromConfig = fakeSoffice('pdf');
    const fromEnv = fakeSoffice('pdf');
    const dir = tempDir();
    const cfg = config(dir, { soffice: fromConfig.path });
    const a = await dakindex([...WEEK, '--pdf', '--config', cfg, '--out', join(dir, 'a')], undefined, {});
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`Đã ghi PDF: ${join(dir, 'a', PDF)}`);
    expect(fromConfig.calls()).toHaveLength(1);
    const b = await dakindex([...WEEK, '--pdf', '--config', cfg, '--out', join(dir, 'b')], undefined, { DAKINDEX_SOFFICE: fromEnv.path });
    expect(b.code).toBe(0);
    expect(fromEnv.calls()).toHaveLength(1);
    expect(fromConfig.calls()).toHaveLength(1);
  });

  it('stops a conversion past pdf.timeoutSeconds, with the process it started, and says which document', async () => {
    const fake = fakeSoffice('hang');
    const dir = tempDir();
    const out = join(dir, 'Văn bản');
    const started = Date.now();
    const r = await dakindex([...WEEK, '--pdf', '--config', config(dir, { timeoutSeconds: 1 }), '--out', out], undefined, {
      DAKINDEX_SOFFICE: fake.path,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(`Đã ghi báo cáo: ${join(out, DOCX)}`);
    expect(r.stderr).toContain(`LibreOffice chưa chuyển xong ${join(out, DOCX)} sang PDF sau 1 giây nên đã bị dừng`);
    expect(r.stderr).toContain('pdf.timeoutSeconds');
    expect(readdirSync(out)).toEqual([DOCX]);
    const [call] = fake.calls();
    expect(call?.childPid).toBeGreaterThan(0);
    // SIGKILL to the group: both are gone at once (give the kernel a moment to reap).
    await new Promise((res) => setTimeout(res, 300));
    expect(alive(call!.pid)).toBe(false);
    expect(alive(call!.childPid!)).toBe(false);
    expect(existsSync(join(fileURLToPath(profileOf(call!)), '..'))).toBe(false);
  });

  it('a conversion that writes no PDF names the document and what LibreOffice said', async () => {
    const fake = fakeSoffice('fail');
    const out = outDir();
    const r = await dakindex([...WEEK, '--pdf', '--out', out], undefined, { DAKINDEX_SOFFICE: fake.path });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`LibreOffice không tạo được PDF của ${join(out, DOCX)}`);
    expect(r.stderr).toContain('Error: source file could not be loaded');
    expect(readdirSync(out)).toEqual([DOCX]);
  });

  it('an existing PDF is refused before anything is written, replaced with --force', async () => {
    const fake = fakeSoffice('pdf');
    const out = outDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, PDF), 'old');
    const r = await dakindex([...WEEK, '--pdf', '--out', out], undefined, { DAKINDEX_SOFFICE: fake.path });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Tệp ${join(out, PDF)} đã có; dùng --force để ghi đè.`);
    expect(readdirSync(out)).toEqual([PDF]);
    expect(fake.calls()).toHaveLength(0);
    const forced = await dakindex([...WEEK, '--pdf', '--force', '--out', out], undefined, { DAKINDEX_SOFFICE: fake.path });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, PDF), 'utf8')).toMatch(/^%PDF-1\.4/);
  });
});

describe('the pdf configuration keys', () => {
  it('are checked like every key', () => {
    expect(parseConfig({ pdf: { soffice: '/opt/lo/soffice', timeoutSeconds: 300 } }, 'c.json').pdf).toEqual({ soffice: '/opt/lo/soffice', timeoutSeconds: 300 });
    expect(parseConfig({}, 'c.json').pdf).toBeUndefined();
    expect(() => parseConfig({ pdf: { timeoutSeconds: 0 } }, 'c.json')).toThrow('pdf.timeoutSeconds: giá trị nhỏ nhất cho phép là 1');
    expect(() => parseConfig({ pdf: { sofice: 'x' } }, 'c.json')).toThrow('khóa không được hỗ trợ: sofice');
  });
});
