import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaryFiles, STALE_TMP_MS, writeFileAtomic } from '../../src/io/output-file.js';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';
import { docxText } from '../helpers/seeds.js';

const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak'];

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as its own process (`npm run build` first), as a user runs it. */
function cli(args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('no overwrite under concurrency', () => {
  it('lets exactly one of two runs writing the same report at once succeed, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const out = tempDir();
      const runs = await Promise.all([cli([...WEEK, '--out', out]), cli([...WEEK, '--out', out])]);
      const codes = runs.map((r) => r.code).sort();
      expect(codes, runs.map((r) => r.stderr).join('\n')).toEqual([0, 1]);
      const lost = runs.find((r) => r.code === 1)!;
      expect(lost.stderr).toMatch(/Tệp .*2025-11-14_bao-cao-tuan-02-thang-11-2025\.docx đã có; dùng --force để ghi đè\./);
      expect(lost.stdout).not.toContain('Đã ghi');
      const won = runs.find((r) => r.code === 0)!;
      expect(won.stdout).toContain('Đã ghi báo cáo');
      // One complete report, and no temporary file left behind.
      expect(readdirSync(out)).toEqual(['2025-11-14_bao-cao-tuan-02-thang-11-2025.docx']);
      expect(docxText(readFileSync(join(out, readdirSync(out)[0]!))).text).toContain('tỉnh Đắk Lắk đạt 88,72 điểm');
    }
  }, 120_000);

  it('replaces with --force even when runs race', async () => {
    const out = tempDir();
    const runs = await Promise.all([cli([...WEEK, '--out', out, '--force']), cli([...WEEK, '--out', out, '--force'])]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(readdirSync(out)).toEqual(['2025-11-14_bao-cao-tuan-02-thang-11-2025.docx']);
  }, 60_000);
});

describe('temporary files of killed runs', () => {
  /** A PID no process has: above the kernel's limit. */
  const DEAD_PID = 4_194_304 + 17;

  it('are removed by the next run writing in that folder', async () => {
    const out = tempDir();
    const stale = join(out, `.2025-11-14_bao-cao-tuan-02-thang-11-2025.docx.${DEAD_PID}.tmp`);
    const other = join(out, `.bao-cao-khac.docx.${DEAD_PID}.tmp`);
    writeFileSync(stale, 'half a report');
    writeFileSync(other, 'half another');
    const r = await dakindex([...WEEK, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(false);
    expect(readdirSync(out)).toEqual(['2025-11-14_bao-cao-tuan-02-thang-11-2025.docx']);
  });

  it('keeps a live run’s temporary file and files not of our pattern, removes an old one whatever its PID', () => {
    const dir = tempDir();
    const live = join(dir, `.a.docx.${process.ppid}.tmp`);
    const old = join(dir, `.b.docx.${process.ppid}.tmp`);
    const foreign = join(dir, '.c.docx.tmp');
    const notOurs = join(dir, `d.docx.${DEAD_PID}.tmp`);
    for (const f of [live, old, foreign, notOurs]) writeFileSync(f, 'x');
    const longAgo = (Date.now() - STALE_TMP_MS - 60_000) / 1000;
    utimesSync(old, longAgo, longAgo);
    expect(removeStaleTemporaryFiles(dir)).toEqual([old]);
    expect([live, foreign, notOurs].map(existsSync)).toEqual([true, true, true]);
  });

  it('refuses a taken name without --force and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'x.docx');
    writeFileAtomic(file, Buffer.from('first'), false);
    expect(() => writeFileAtomic(file, Buffer.from('second'), false)).toThrow(`Tệp ${file} đã có; dùng --force để ghi đè.`);
    expect(readFileSync(file, 'utf8')).toBe('first');
    writeFileAtomic(file, Buffer.from('third'), true);
    expect(readFileSync(file, 'utf8')).toBe('third');
    expect(readdirSync(dir)).toEqual(['x.docx']);
  });
});
