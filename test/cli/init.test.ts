/**
 * `dakindex init [DIR]` through the built CLI as a process, on temporary folders: what it writes,
 * that it never overwrites, that the configuration it writes loads as the default, and that the
 * command it prints next works as typed, also from a copy of the package as npm would install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isScalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { staleComments, uncommentedKeys } from '../../src/config/commented-yaml.js';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { loadConfig } from '../../src/config/load.js';
import { dakindexProcess, REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { installedCopy, typedCommand } from '../helpers/cli-process.js';
import { docxText } from '../helpers/seeds.js';

/** Every file below `dir`, as paths relative to it with "/". */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

const SAMPLE_DATA = [
  ...readdirSync(join(REPO, 'fixtures/daklak')).filter((f) => f.endsWith('.xlsx')),
  ...readdirSync(join(REPO, 'fixtures/par-sipas')).filter((f) => f.endsWith('.yaml')),
].sort();
const TEMPLATE_FILES = tree(join(REPO, 'templates'));

/** The commands printed under "Lệnh tiếp theo:". */
function nextCommands(stdout: string): string[] {
  const after = stdout.split('Lệnh tiếp theo:\n')[1];
  expect(after, stdout).toBeDefined();
  return after!
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim());
}

function expectOk(r: CliResult): void {
  expect(r.code, r.stderr).toBe(0);
}

describe('dakindex init', () => {
  it('writes the commented configuration, the sample exports and the templates into a new folder', async () => {
    const cwd = tempDir();
    const r = await dakindexProcess(['init', 'van-phong'], cwd);
    expectOk(r);
    const dir = join(cwd, 'van-phong');
    expect(tree(dir)).toEqual(
      ['dakindex.config.yaml', 'dakindex-tuan.cmd', ...SAMPLE_DATA.map((f) => `data/${f}`), ...TEMPLATE_FILES.map((f) => `templates/${f}`)].sort(),
    );
    expect(readFileSync(join(dir, 'dakindex-tuan.cmd')).equals(readFileSync(join(REPO, 'scripts/windows/dakindex-tuan.cmd')))).toBe(true);
    for (const f of SAMPLE_DATA) {
      const source = existsSync(join(REPO, 'fixtures/daklak', f)) ? join(REPO, 'fixtures/daklak', f) : join(REPO, 'fixtures/par-sipas', f);
      expect(readFileSync(join(dir, 'data', f)).equals(readFileSync(source)), f).toBe(true);
    }
    for (const f of TEMPLATE_FILES) expect(readFileSync(join(dir, 'templates', f), 'utf8'), f).toBe(readFileSync(join(REPO, 'templates', f), 'utf8'));
    // Every file written is listed.
    for (const f of tree(dir)) expect(r.stdout).toContain(`  ${f}\n`);
    expect(r.stdout).not.toContain('giữ nguyên');
  });

  it('writes a configuration that loads and equals the default, with a Vietnamese comment before each key', async () => {
    const dir = tempDir();
    expectOk(await dakindexProcess(['init'], dir));
    const file = join(dir, 'dakindex.config.yaml');
    const loaded = loadConfig(undefined, dir);
    expect(loaded.file).toBe(file);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);

    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Cấu hình dakindex của Văn phòng UBND tỉnh Đắk Lắk/);
    const doc = parseDocument(text);
    expect(isMap(doc.contents)).toBe(true);
    if (!isMap(doc.contents)) return;
    const topKeys = doc.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
    expect(topKeys).toEqual(Object.keys(DEFAULT_CONFIG));
    for (const pair of doc.contents.items) {
      expect(isScalar(pair.key) && pair.key.commentBefore?.trim(), String(pair.key)).toBeTruthy();
    }
    // No YAML aliases: editing one document kind's issuer must not change another's.
    expect(text).not.toMatch(/[&*]a\d/);
  });

  it('has a comment for every key of the default configuration, and none for a key that does not exist', () => {
    expect(uncommentedKeys(DEFAULT_CONFIG)).toEqual([]);
    expect(staleComments(DEFAULT_CONFIG)).toEqual([]);
    // The check sees a key added without a comment, and a comment left after its key went.
    const withExtra = { ...DEFAULT_CONFIG, input: { ...DEFAULT_CONFIG.input, maxCells: 1 } } as typeof DEFAULT_CONFIG;
    expect(uncommentedKeys(withExtra)).toEqual(['input.maxCells']);
    const { outDir: _, ...withoutOutDir } = DEFAULT_CONFIG;
    expect(staleComments(withoutOutDir as typeof DEFAULT_CONFIG)).toEqual(['outDir']);
  });

  it('prints the next command, which makes the weekly report from the sample data as typed', async () => {
    const cwd = tempDir();
    const r = await dakindexProcess(['init', 'van phong'], cwd);
    expectOk(r);
    const commands = nextCommands(r.stdout);
    expect(commands[0]).toBe("cd 'van phong'");
    expect(commands[1]).toMatch(/^dakindex report --week \d --month \d+ --year \d{4} --data data --templates templates$/);
    // The office's edit of its templates/ copy is what the report says.
    const weekly = join(cwd, 'van phong', 'templates', 'bao-cao-tuan.hbs');
    writeFileSync(weekly, `${readFileSync(weekly, 'utf8')}Văn phòng thêm câu này vào mẫu.\n`);
    const run = await typedCommand(commands.join(' && '), cwd);
    expectOk(run);
    const written = /Đã ghi báo cáo: (.+\.docx)/.exec(run.stdout)?.[1];
    expect(written, run.stdout).toBeDefined();
    expect(existsSync(written!)).toBe(true);
    expect(written!.startsWith(join(cwd, 'van phong', 'out'))).toBe(true);
    expect(docxText(readFileSync(written!)).paragraphs).toContain('Văn phòng thêm câu này vào mẫu.');
  });

  it('never overwrites: an edited file stays, a deleted one comes back, each listed; exit 0 when all exist', async () => {
    const dir = tempDir();
    expectOk(await dakindexProcess(['init'], dir));
    writeFileSync(join(dir, 'dakindex.config.yaml'), 'province: { name: Gia Lai, place: Gia Lai }\n');
    writeFileSync(join(dir, 'templates/bao-cao-tuan.hbs'), '// của văn phòng\n');
    rmSync(join(dir, 'data', SAMPLE_DATA[0]!));
    rmSync(join(dir, 'templates/partials/ket-qua.hbs'));

    const again = await dakindexProcess(['init'], dir);
    expectOk(again);
    expect(readFileSync(join(dir, 'dakindex.config.yaml'), 'utf8')).toBe('province: { name: Gia Lai, place: Gia Lai }\n');
    expect(readFileSync(join(dir, 'templates/bao-cao-tuan.hbs'), 'utf8')).toBe('// của văn phòng\n');
    expect(existsSync(join(dir, 'data', SAMPLE_DATA[0]!))).toBe(true);
    expect(existsSync(join(dir, 'templates/partials/ket-qua.hbs'))).toBe(true);
    const [made, kept] = again.stdout.split('Đã có, giữ nguyên (không ghi đè):\n');
    expect(made).toContain(`  data/${SAMPLE_DATA[0]}\n`);
    expect(made).toContain('  templates/partials/ket-qua.hbs\n');
    expect(kept).toContain('  dakindex.config.yaml\n');
    expect(kept).toContain('  templates/bao-cao-tuan.hbs\n');

    const third = await dakindexProcess(['init'], dir);
    expectOk(third);
    expect(third.stdout).toContain(`Không tạo tệp nào trong ${dir}; đã có, giữ nguyên (không ghi đè):`);
    expect(tree(dir).length).toBe(2 + SAMPLE_DATA.length + TEMPLATE_FILES.length);
  });

  it('keeps a configuration file of another name and writes no second one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dakindex.config.json'), '{"province": {"name": "Gia Lai", "place": "Gia Lai"}}\n');
    const r = await dakindexProcess(['init'], dir);
    expectOk(r);
    expect(existsSync(join(dir, 'dakindex.config.yaml'))).toBe(false);
    expect(r.stdout.split('Đã có, giữ nguyên (không ghi đè):\n')[1]).toContain('  dakindex.config.json\n');
  });

  it('adds no sample to a data folder that holds the office’s own exports, and says so', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/diem-766-2026-04-03.csv'), 'TEN;TONG_SCORE\n');
    const r = await dakindexProcess(['init'], dir);
    expectOk(r);
    expect(readdirSync(join(dir, 'data'))).toEqual(['diem-766-2026-04-03.csv']);
    expect(r.stdout).toContain('data/ đã có tệp của cơ quan: không chép dữ liệu mẫu vào đó.');
    expect(nextCommands(r.stdout)).toEqual([
      'dakindex report --week TUẦN --month THÁNG --year NĂM --data data --templates templates   (thay TUẦN, THÁNG, NĂM bằng kỳ báo cáo)',
    ]);
  });

  it('stops with a message when DIR is a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), '');
    const r = await dakindexProcess(['init', 'x'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'x')} là một tệp, không phải thư mục.`);
  });

  it('finds the samples and templates in the package as npm installs it (package.json "files")', async () => {
    const pkg = installedCopy();
    // The installed copy runs from outside the repository, without its node_modules.
    const installed = (args: string[], cwd: string) => execFileSync(process.execPath, [join(pkg, 'bin/dakindex.cjs'), ...args], { cwd, encoding: 'utf8' });
    const work = tempDir();
    const out = installed(['init'], work);
    expect(tree(join(work, 'data'))).toEqual(SAMPLE_DATA);
    expect(tree(join(work, 'templates'))).toEqual(TEMPLATE_FILES);
    expect(installed(nextCommands(out)[0]!.split(' ').slice(1), work)).toMatch(/Đã ghi báo cáo: .+\.docx/);
  });
});
