/**
 * A document open in Word on Windows: replacing it fails there with EBUSY (a sharing violation) or
 * EPERM (access denied). The error is injected at the writer's file-system seam (finalName in
 * src/io/output-file.ts), so these run on any system: the message says to close the file in Word,
 * the old file stays as it was, no temporary file is left, and the other documents of the run are
 * written and listed.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { BUSY_RETRY_MS, FileInUseError, finalName, writeFileAtomic } from '../../src/io/output-file.js';
import { WriteError, writeDocuments } from '../../src/io/produce.js';
import { dakindex, tempDir } from '../helpers/cli.js';
import { fakeSoffice } from '../helpers/fake-soffice.js';
import { docxText } from '../helpers/seeds.js';
import { congVanModel } from '../docx/sample-model.js';

/** The error Node gives on Windows when MoveFileEx meets a file Word holds open. */
function windowsError(code: 'EBUSY' | 'EPERM', from: string, to: string): NodeJS.ErrnoException {
  const text = code === 'EBUSY' ? 'resource busy or locked' : 'operation not permitted';
  return Object.assign(new Error(`${code}: ${text}, rename '${from}' -> '${to}'`), { code, errno: code === 'EBUSY' ? -4082 : -4048, syscall: 'rename', path: from, dest: to });
}

/** Files in "Word" (held open): replacing them fails with `code`; `times` attempts fail, then it lets go. */
function openInWord(files: string[], code: 'EBUSY' | 'EPERM', times = Infinity): { attempts: () => number } {
  let attempts = 0;
  vi.spyOn(finalName, 'rename').mockImplementation((from, to) => {
    if (files.includes(to)) {
      attempts++;
      if (attempts <= times) throw windowsError(code, from, to);
    }
    renameSync(from, to);
  });
  return { attempts: () => attempts };
}

let sleeps: number[];
beforeEach(() => {
  sleeps = [];
  vi.spyOn(finalName, 'sleep').mockImplementation((ms) => void sleeps.push(ms));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeFileAtomic: replacing a file open in Word', () => {
  for (const code of ['EBUSY', 'EPERM'] as const) {
    it(`${code}: says to close it in Word, keeps the old file, leaves no temporary file`, () => {
      const dir = join(tempDir(), 'Báo cáo 766');
      const file = join(dir, '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx');
      writeFileAtomic(file, Buffer.from('bản cũ'), false);
      const word = openInWord([file], code);
      let error: unknown;
      try {
        writeFileAtomic(file, Buffer.from('bản mới'), true);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FileInUseError);
      expect(error).toBeInstanceOf(DataError);
      const message = (error as Error).message;
      expect(message).toContain(`Không thay được ${file}`);
      expect(message).toContain(`(${code})`);
      expect(message).toContain('đóng tệp 2025-11-14_bao-cao-tuan-02-thang-11-2025.docx trong Word rồi chạy lại');
      expect(message).toContain('Tệp cũ vẫn được giữ nguyên.');
      expect(readFileSync(file, 'utf8')).toBe('bản cũ');
      expect(readdirSync(dir)).toEqual([basename(file)]);
      // Tried once, then again after each wait: a scanner's short hold passes, Word's does not.
      expect(word.attempts()).toBe(BUSY_RETRY_MS.length + 1);
      expect(sleeps).toEqual(BUSY_RETRY_MS);
    });
  }

  it('a file busy for a moment only (a virus scanner) is replaced after a wait', () => {
    const dir = tempDir();
    const file = join(dir, 'a.docx');
    writeFileAtomic(file, Buffer.from('old'), false);
    const word = openInWord([file], 'EBUSY', 2);
    writeFileAtomic(file, Buffer.from('new'), true);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(word.attempts()).toBe(3);
    expect(sleeps).toEqual(BUSY_RETRY_MS.slice(0, 2));
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });

  it('a PDF open in a viewer names the PDF viewer, not Word', () => {
    const file = join(tempDir(), 'b.pdf');
    writeFileAtomic(file, Buffer.from('%PDF-old'), false);
    openInWord([file], 'EBUSY');
    expect(() => writeFileAtomic(file, Buffer.from('%PDF-new'), true)).toThrow('Hãy đóng tệp b.pdf trong trình đọc PDF');
    expect(readFileSync(file, 'utf8')).toBe('%PDF-old');
  });

  it('without an old file, EPERM is not blamed on Word and is not retried', () => {
    const dir = tempDir();
    const file = join(dir, 'c.docx');
    vi.spyOn(finalName, 'rename').mockImplementation((from, to) => {
      throw windowsError('EPERM', from, to);
    });
    let message = '';
    try {
      writeFileAtomic(file, Buffer.from('x'), true);
    } catch (e) {
      expect(e).not.toBeInstanceOf(FileInUseError);
      message = (e as Error).message;
    }
    expect(message).toContain(`Không ghi được ${file}: EPERM`);
    expect(message).not.toContain('Word');
    expect(sleeps).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeDocuments: one of several documents open in Word', () => {
  it('writes the others, then names what was written and what was not', async () => {
    const dir = join(tempDir(), 'Văn bản');
    const names = ['mot.docx', 'hai.docx', 'ba.docx'];
    const docs = names.map((name) => ({ name, model: congVanModel() }));
    const files = names.map((n) => join(dir, n));
    for (const f of files) writeFileAtomic(f, Buffer.from(`cũ ${basename(f)}`), false);
    openInWord([files[1]!], 'EBUSY');
    const target = { dir, force: true, lock: { seconds: 0, tell: () => undefined } };
    const error = await writeDocuments(docs, target).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriteError);
    const w = error as WriteError;
    expect(w.written).toEqual([files[0], files[2]]);
    expect(w.failed.map((f) => f.file)).toEqual([files[1]]);
    expect(w.failed[0]!.error).toBeInstanceOf(FileInUseError);
    expect(w.message.split('\n')).toEqual([
      'Không ghi được 1/3 văn bản:',
      `  - ${w.failed[0]!.error.message}`,
      'Đã ghi 2/3 văn bản:',
      `  ${files[0]}`,
      `  ${files[2]}`,
    ]);
    expect(readFileSync(files[1]!, 'utf8')).toBe('cũ hai.docx');
    for (const f of [files[0]!, files[2]!]) expect(readFileSync(f).subarray(0, 2).toString('latin1'), f).toBe('PK');
    // No temporary file, and the folder's lock is released.
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
  });

  it('with a single document, its message alone', async () => {
    const dir = tempDir();
    const file = join(dir, 'mot.docx');
    writeFileSync(file, 'cũ');
    openInWord([file], 'EPERM');
    const target = { dir, force: true, lock: { seconds: 0, tell: () => undefined } };
    await expect(writeDocuments([{ name: 'mot.docx', model: congVanModel() }], target)).rejects.toThrow(
      new FileInUseError(file, 'EPERM').message,
    );
  });
});

describe('the CLI with a document open in Word', () => {
  const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak'];
  const REPORT = '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx';

  it('report --force: exit 1, the message, the old report kept, a clean folder', async () => {
    const out = join(tempDir(), 'Báo cáo 766');
    expect((await dakindex([...WEEK, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, REPORT));
    openInWord([join(out, REPORT)], 'EBUSY');
    const r = await dakindex([...WEEK, '--out', out, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không thay được ${join(out, REPORT)}`);
    expect(r.stderr).toContain(`Hãy đóng tệp ${REPORT} trong Word rồi chạy lại. Tệp cũ vẫn được giữ nguyên.`);
    expect(r.stdout).not.toContain('Đã ghi');
    expect(readFileSync(join(out, REPORT)).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual([REPORT]);
  });

  it('batch --force: the report open in Word fails alone, the others are rewritten, exit 3', async () => {
    const out = join(tempDir(), 'Báo cáo tháng');
    const BATCH = ['batch', '--year', '2025', '--months', '--from', '2025-10-01', '--data', 'fixtures/daklak', '--out', out];
    const first = await dakindex(BATCH);
    expect(first.code, first.stderr).toBe(0);
    const reports = readdirSync(out).filter((f) => f.endsWith('.docx')).sort();
    expect(reports).toHaveLength(3);
    const locked = join(out, reports[1]!);
    const before = readFileSync(locked);
    openInWord([locked], 'EBUSY');
    const r = await dakindex([...BATCH, '--force']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain('3 văn bản: 2 đã ghi, 0 không đổi, 0 bỏ qua, 1 lỗi.');
    expect(r.stdout).toContain(`Hãy đóng tệp ${reports[1]} trong Word rồi chạy lại. Tệp cũ vẫn được giữ nguyên.`);
    expect(readFileSync(locked).equals(before)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([...reports, 'dakindex-manifest.json'].sort());
  });

  it('letter low-score --separate: the letters not open are replaced and listed, the open one named', async () => {
    const out = join(tempDir(), 'Công văn');
    const LOW = ['letter', 'low-score', '--date', '2026-03-09', '--bottom', '3', '--separate', '--data', 'fixtures/daklak', '--out', out];
    const first = await dakindex(LOW);
    expect(first.code, first.stderr).toBe(0);
    const letters = readdirSync(out).sort();
    expect(letters).toHaveLength(3);
    // Mark the old letters, to see which ones the second run replaced.
    for (const l of letters) writeFileSync(join(out, l), 'bản cũ');
    const locked = join(out, letters[1]!);
    openInWord([locked], 'EPERM');
    const r = await dakindex([...LOW, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không ghi được 1/3 văn bản:');
    expect(r.stderr).toContain(`Hãy đóng tệp ${letters[1]} trong Word rồi chạy lại.`);
    expect(r.stderr).toContain('Đã ghi 2/3 văn bản:');
    for (const l of [letters[0]!, letters[2]!]) {
      expect(r.stderr).toContain(`  ${join(out, l)}`);
      expect(docxText(readFileSync(join(out, l))).text, l).toContain('UBND');
    }
    expect(readFileSync(locked, 'utf8')).toBe('bản cũ');
    expect(readdirSync(out).sort()).toEqual(letters);
  });

  it('--pdf --force with one PDF open in a viewer: the other PDF is written, exit 4 names the open one', async () => {
    const fake = fakeSoffice('pdf');
    const out = join(tempDir(), 'Công văn PDF');
    const LOW = ['letter', 'low-score', '--date', '2026-03-09', '--bottom', '2', '--separate', '--data', 'fixtures/daklak', '--pdf', '--out', out];
    const env = { DAKINDEX_SOFFICE: fake.path };
    expect((await dakindex(LOW, undefined, env)).code).toBe(0);
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(2);
    for (const p of pdfs) writeFileSync(join(out, p), '%PDF-cũ');
    openInWord([join(out, pdfs[0]!)], 'EBUSY');
    const r = await dakindex([...LOW, '--force'], undefined, env);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`Hãy đóng tệp ${pdfs[0]} trong trình đọc PDF`);
    expect(r.stdout).toContain(`Đã ghi PDF: ${join(out, pdfs[1]!)}`);
    expect(readFileSync(join(out, pdfs[0]!), 'utf8')).toBe('%PDF-cũ');
    expect(readFileSync(join(out, pdfs[1]!), 'utf8')).toContain('% fake of');
    expect(readdirSync(out)).toHaveLength(4);
  });
});
