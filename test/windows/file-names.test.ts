/**
 * Output file names Windows accepts: every document kind through the real CLI, every commune's own
 * low-score letter (--separate, whose names come from the data), any commune name the data could
 * hold, and the writer's refusal of a name Windows would reject or see as another document's.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugOf } from '../../src/core/documents/letter-common.js';
import { windowsNameProblem } from '../../src/core/file-names.js';
import { writeDocuments } from '../../src/io/produce.js';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';
import { congVanModel } from '../docx/sample-model.js';

const KINDS = JSON.parse(readFileSync(join(REPO, 'scripts/document-kinds.json'), 'utf8')) as { kind: string; args: string[] }[];

describe('windowsNameProblem', () => {
  it('accepts the names dakindex writes, Vietnamese letters and spaces included', () => {
    for (const ok of ['2025-11-14_bao-cao-tuan-02-thang-11-2025.docx', 'Báo cáo tuần.docx', 'console.docx', 'com10.docx', 'lpt.docx', '.hidden']) {
      expect(windowsNameProblem(ok), ok).toBeNull();
    }
  });

  it('refuses what Windows refuses, saying why', () => {
    const cases: [string, string][] = [
      ['a<b.docx', 'ký tự "<"'],
      ['a>b.docx', 'ký tự ">"'],
      ['10:30.docx', 'ký tự ":"'],
      ['"x".docx', 'ký tự """'],
      ['a/b.docx', 'ký tự "/"'],
      ['a\\b.docx', 'ký tự "\\"'],
      ['a|b.docx', 'ký tự "|"'],
      ['a?.docx', 'ký tự "?"'],
      ['a*.docx', 'ký tự "*"'],
      ['a\tb.docx', 'ký tự U+0009'],
      ['bao-cao.', 'kết thúc bằng dấu chấm hoặc dấu cách'],
      ['bao-cao ', 'kết thúc bằng dấu chấm hoặc dấu cách'],
      ['CON', 'tên thiết bị Windows dành riêng'],
      ['nul.docx', 'tên thiết bị Windows dành riêng'],
      ['Aux.pdf', 'tên thiết bị Windows dành riêng'],
      ['PRN.docx', 'tên thiết bị Windows dành riêng'],
      ['com1.docx', 'tên thiết bị Windows dành riêng'],
      ['LPT9', 'tên thiết bị Windows dành riêng'],
      ['', 'tên tệp trống'],
    ];
    for (const [name, why] of cases) expect(windowsNameProblem(name), JSON.stringify(name)).toContain(why);
  });
});

describe('the names of every document kind', () => {
  for (const { kind, args } of KINDS) {
    it(`${kind}: ${args.slice(0, 2).join(' ')}`, async () => {
      const out = tempDir();
      const r = await dakindex([...args, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const names = readdirSync(out);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(windowsNameProblem(n), n).toBeNull();
    });
  }

  it('low-score --separate: one letter per commune of the data, each name accepted', async () => {
    const out = tempDir();
    const r = await dakindex(['letter', 'low-score', '--date', '2026-03-09', '--below', '100', '--separate', '--data', 'fixtures/daklak', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const names = readdirSync(out);
    const chosen = /Chọn (\d+)\/\d+ UBND cấp xã/.exec(r.stdout);
    expect(chosen, r.stdout).not.toBeNull();
    expect(names).toHaveLength(Number(chosen![1]));
    expect(names.length).toBeGreaterThan(50);
    for (const n of names) expect(windowsNameProblem(n), n).toBeNull();
  });

  it('a commune named anything gives a letter name Windows accepts', () => {
    const names = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('CON', 'nul', 'xã A/B', 'Phường: 1?', 'xã Ea H\'Leo.', 'Thị trấn "Mới" ', 'com1', '<|>', '...'),
    );
    fc.assert(
      fc.property(names, (commune) => windowsNameProblem(`2026-03-09_cong-van-diem-thap-${slugOf(commune)}.docx`) === null),
      { numRuns: 2000 },
    );
  });
});

describe('writeDocuments refuses names Windows would not take, before writing anything', () => {
  const target = (dir: string) => ({ dir, force: false, lock: { seconds: 0, tell: () => undefined } });

  it('a forbidden character', async () => {
    const dir = join(tempDir(), 'out');
    const docs = [
      { name: 'tot.docx', model: congVanModel() },
      { name: 'bao-cao-16:00.docx', model: congVanModel() },
    ];
    await expect(writeDocuments(docs, target(dir))).rejects.toThrow('tên tệp "bao-cao-16:00.docx" có ký tự ":", Windows không cho phép; không ghi văn bản nào.');
    expect(existsSync(dir)).toBe(false);
  });

  it('two names that differ only in case, one file on Windows', async () => {
    const dir = join(tempDir(), 'out');
    const docs = [
      { name: 'Cong-van-xa-ea-ly.docx', model: congVanModel() },
      { name: 'cong-van-xa-ea-ly.docx', model: congVanModel() },
    ];
    await expect(writeDocuments(docs, target(dir))).rejects.toThrow('Hai văn bản trùng tên tệp');
    expect(existsSync(dir)).toBe(false);
  });
});
