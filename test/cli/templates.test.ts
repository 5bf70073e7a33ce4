/**
 * `dakindex templates list | show | export`, and templates that fail: through the built CLI as a
 * process, with the office's templates in temporary folders.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindexProcess, REPO, tempDir } from '../helpers/cli.js';

const DEFAULTS = join(REPO, 'templates');
const MAIN = readdirSync(DEFAULTS).filter((f) => f.endsWith('.hbs')).map((f) => f.slice(0, -4)).sort();
const PARTIALS = readdirSync(join(DEFAULTS, 'partials')).filter((f) => f.endsWith('.hbs')).map((f) => f.slice(0, -4)).sort();
const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', join(REPO, 'fixtures/daklak')];

/** A folder of the office's templates holding `files` (path → text). */
function officeTemplates(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function listed(stdout: string): Map<string, string> {
  const rows = stdout.split('\n').filter((l) => /^ {2}\S/.test(l));
  return new Map(rows.map((l) => [l.trim().split(/\s+/)[0]!, l.trim().replace(/^\S+\s+/, '')]));
}

describe('dakindex templates list', () => {
  it('lists every template and partial with one line saying what it is', async () => {
    const r = await dakindexProcess(['templates', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const rows = listed(r.stdout);
    expect([...rows.keys()].sort()).toEqual([...MAIN, ...PARTIALS].sort());
    for (const [name, what] of rows) {
      expect(what, name).not.toContain('không có dòng mô tả');
      expect(what.length, name).toBeGreaterThan(10);
    }
    expect(rows.get('bao-cao-tuan')).toBe('Báo cáo tuần');
    expect(rows.get('cong-van-diem-thap')).toBe('Công văn đôn đốc các xã, phường có điểm thấp');
  });

  it('marks the office’s own templates and reports one that does not compile, with file, line and the Handlebars message', async () => {
    const dir = officeTemplates({ 'bao-cao-tuan.hbs': '// Báo cáo tuần của văn phòng.\n@trich-yeu X\n{{#if a}}\nb\n{{/iff}}\n' });
    const r = await dakindexProcess(['templates', 'list', '--templates', dir]);
    expect(r.code).toBe(1);
    const rows = listed(r.stdout);
    expect(rows.get('bao-cao-tuan')).toBe('Báo cáo tuần của văn phòng [của cơ quan, LỖI]');
    expect(rows.get('bao-cao')).not.toContain('[');
    expect(r.stderr).toBe(`Mẫu ${join(dir, 'bao-cao-tuan.hbs')}, dòng 3: lỗi Handlebars:\n  if doesn't match iff\n`);
  });
});

describe('dakindex templates show', () => {
  it('prints a template’s text as it is in the file, a partial by its name alone or with partials/', async () => {
    for (const [name, file] of [
      ['bao-cao-tuan', 'bao-cao-tuan.hbs'],
      ['ket-qua', 'partials/ket-qua.hbs'],
      ['partials/cach-tinh-diem', 'partials/cach-tinh-diem.hbs'],
    ] as const) {
      const r = await dakindexProcess(['templates', 'show', name]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(DEFAULTS, file), 'utf8'));
      expect(r.stderr).toBe(`(${join(DEFAULTS, file)})\n`);
    }
  });

  it('shows the office’s copy from --templates, and the default for what it does not have', async () => {
    const dir = officeTemplates({ 'partials/ket-qua.hbs': 'của văn phòng\n' });
    const own = await dakindexProcess(['templates', 'show', 'ket-qua', '--templates', dir]);
    expect(own.stdout).toBe('của văn phòng\n');
    expect(own.stderr).toBe(`(${join(dir, 'partials/ket-qua.hbs')}, của cơ quan)\n`);
    const fallback = await dakindexProcess(['templates', 'show', 'bao-cao', '--templates', dir]);
    expect(fallback.stdout).toBe(readFileSync(join(DEFAULTS, 'bao-cao.hbs'), 'utf8'));
  });

  it('reports a syntax error with file, line and the Handlebars message, after the text', async () => {
    const dir = officeTemplates({ 'partials/ket-qua.hbs': 'dòng 1\ndòng 2\n{{#each results.levels}\n' });
    const r = await dakindexProcess(['templates', 'show', 'ket-qua', '--templates', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('dòng 1\ndòng 2\n{{#each results.levels}\n');
    expect(r.stderr).toContain(`Mẫu ${join(dir, 'partials/ket-qua.hbs')}, dòng 3: lỗi Handlebars:\n  Parse error on line 3:`);
    expect(r.stderr).toMatch(/Expecting .+, got 'INVALID'/);
  });

  it('names the templates there are when the name is unknown (usage error)', async () => {
    const r = await dakindexProcess(['templates', 'show', 'bao-cao-ngay']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có mẫu "bao-cao-ngay"; các mẫu: ');
    for (const n of MAIN) expect(r.stderr).toContain(n);
  });
});

describe('dakindex templates export', () => {
  it('copies every template, partial and the README, then keeps what exists', async () => {
    const cwd = tempDir();
    const first = await dakindexProcess(['templates', 'export', 'mau'], cwd);
    expect(first.code, first.stderr).toBe(0);
    const dest = join(cwd, 'mau');
    const files = readdirSync(DEFAULTS, { recursive: true }).map(String).filter((f) => f.includes('.'));
    for (const f of files) expect(readFileSync(join(dest, f), 'utf8'), f).toBe(readFileSync(join(DEFAULTS, f), 'utf8'));
    expect(readdirSync(dest, { recursive: true }).map(String).sort()).toEqual(readdirSync(DEFAULTS, { recursive: true }).map(String).sort());
    expect(first.stdout).toContain('Dùng các mẫu này: dakindex report ... --templates mau');

    writeFileSync(join(dest, 'bao-cao.hbs'), 'đã sửa\n');
    const second = await dakindexProcess(['templates', 'export', 'mau'], cwd);
    expect(second.code).toBe(0);
    expect(readFileSync(join(dest, 'bao-cao.hbs'), 'utf8')).toBe('đã sửa\n');
    expect(second.stdout).toContain(`Không chép tệp nào vào ${dest}; đã có, giữ nguyên (không ghi đè):\n  bao-cao.hbs\n`);
  });

  it('exports the office’s copy where --templates has one', async () => {
    const dir = officeTemplates({ 'bao-cao-tuan.hbs': '// của văn phòng\n' });
    const dest = join(tempDir(), 'ra');
    const r = await dakindexProcess(['templates', 'export', dest, '--templates', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dest, 'bao-cao-tuan.hbs'), 'utf8')).toBe('// của văn phòng\n');
    expect(readFileSync(join(dest, 'bao-cao.hbs'), 'utf8')).toBe(readFileSync(join(DEFAULTS, 'bao-cao.hbs'), 'utf8'));
  });
});

describe('a template that fails, in a report', () => {
  const reportWith = async (files: Record<string, string>) => {
    const dir = officeTemplates(files);
    const out = tempDir();
    const r = await dakindexProcess([...WEEK, '--templates', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    return { r, dir };
  };

  it('stops on a syntax error in the template, naming file, line and the Handlebars message', async () => {
    const weekly = readFileSync(join(DEFAULTS, 'bao-cao-tuan.hbs'), 'utf8').split('\n');
    weekly.splice(4, 0, 'Tuần này {{#if period}}có số liệu{{/iff}}.');
    const { r, dir } = await reportWith({ 'bao-cao-tuan.hbs': weekly.join('\n') });
    expect(r.stderr).toBe(`Mẫu ${join(dir, 'bao-cao-tuan.hbs')}, dòng 5: lỗi Handlebars:\n  if doesn't match iff\n`);
  });

  it('names the partial, not the template that calls it, for an error in a partial', async () => {
    const { r, dir } = await reportWith({ 'partials/ket-qua.hbs': 'a\nb {{> }}\n' });
    expect(r.stderr).toContain(`Mẫu ${join(dir, 'partials/ket-qua.hbs')}, dòng 2: lỗi Handlebars:\n  Parse error on line 2:`);
  });

  it('names the partial and line of a field that does not exist', async () => {
    const { r, dir } = await reportWith({ 'partials/ket-qua.hbs': 'dòng 1\n\nTỉnh đạt {{results.province.diem}} điểm.\n' });
    expect(r.stderr).toBe(`Mẫu ${join(dir, 'partials/ket-qua.hbs')}, dòng 3: lỗi Handlebars:\n  "diem" not defined in [object Object]\n`);
  });

  it('writes the report when the office’s templates compile', async () => {
    const dir = officeTemplates({ 'partials/ket-qua.hbs': readFileSync(join(DEFAULTS, 'partials/ket-qua.hbs'), 'utf8') });
    const out = tempDir();
    const r = await dakindexProcess([...WEEK, '--templates', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx'))).toBe(true);
  });
});
