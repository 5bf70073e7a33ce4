/**
 * Output redirected to a file (the scheduled task's `>> dakindex.log 2>&1`) is UTF-8, whatever the
 * system's locale or code page: Node encodes strings written to a file or pipe as UTF-8 (to a
 * Windows console it writes UTF-16 through WriteConsoleW, which only a real Windows shows). So no
 * code path may write bytes of another encoding: all output goes through CliIO (src/cli/context.ts).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

/** Runs the built CLI with stdout and stderr redirected to files, as cmd's > does; their bytes. */
function redirected(args: string[], env: Record<string, string>): { code: number | null; out: Buffer; err: Buffer } {
  const dir = tempDir();
  const outFile = join(dir, 'out.log');
  const errFile = join(dir, 'err.log');
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  try {
    const r = spawnSync(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', out, err] });
    return { code: r.status, out: readFileSync(outFile), err: readFileSync(errFile) };
  } finally {
    closeSync(out);
    closeSync(err);
  }
}

const utf8 = (b: Buffer) => new TextDecoder('utf-8', { fatal: true }).decode(b);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('redirected output', () => {
  // A C locale, as a service account may have; Windows' code pages play no part either.
  const env = { LANG: 'C', LC_ALL: 'C', DAKINDEX_TODAY: '2025-11-14' };

  it('stdout: UTF-8 bytes of the Vietnamese letters, precomposed, no BOM', () => {
    const out = tempDir();
    const r = redirected(['report', '--week', 'current', '--data', 'fixtures/daklak', '--out', out], env);
    expect(r.code, r.err.toString()).toBe(0);
    const text = utf8(r.out);
    expect(r.out.subarray(0, 3).equals(BOM)).toBe(false);
    expect(text).toContain('Kỳ: tuần 02 tháng 11/2025 (tuần này)');
    expect(text).toContain('Đã ghi báo cáo: ');
    // "Kỳ" and "Đã" as UTF-8 bytes: K, U+1EF3; U+0110, U+00E3.
    expect(r.out.includes(Buffer.from([0x4b, 0xe1, 0xbb, 0xb3]))).toBe(true);
    expect(r.out.includes(Buffer.from([0xc4, 0x90, 0xc3, 0xa3]))).toBe(true);
    expect(text.normalize('NFC')).toBe(text);
    expect(text).not.toContain('\uFFFD');
    // Mojibake of UTF-8 read as Windows-1252 ("Ká»³") would show here.
    expect(text).not.toMatch(/á»|Ä‘|Ã[\u0080-\u00bf]/);
  });

  it('stderr: the messages and errors in UTF-8 too', () => {
    const r = redirected(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'không có thư mục này'], env);
    expect(r.code).toBe(1);
    const text = utf8(r.err);
    expect(text).toContain('Không tìm thấy thư mục dữ liệu');
    expect(text).toContain('không có thư mục này');
    expect(r.err.subarray(0, 3).equals(BOM)).toBe(false);
  });
});

describe('the source', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  }

  it('writes to stdout and stderr only through CliIO, as strings, never choosing an encoding', () => {
    const writers: string[] = [];
    for (const file of sources(join(REPO, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/process\.(stdout|stderr)\.write\(([^)]*)\)|console\.\w+\(|setDefaultEncoding|\.setEncoding\(/g)) {
        writers.push(`${relative(REPO, file)}: ${m[0]}`);
      }
    }
    expect(writers).toEqual(['src/cli/context.ts: process.stdout.write(t)', 'src/cli/context.ts: process.stderr.write(t)']);
  });
});
