/**
 * The history's cache (src/io/history-cache.ts) through the real reading of a data folder
 * (src/io/history-folder.ts) on copies of the fixtures: a cached reading is the reading, a
 * changed file is read again, an altered or old entry is never used, stale entries go, and a
 * folder where the cache cannot be written still gives the whole history.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import type { Config } from '../../src/config/schema.js';
import { CACHE_DIR, readerSettings } from '../../src/io/history-cache.js';
import { readHistoryFolder } from '../../src/io/history-folder.js';
import { readDataset } from '../../src/io/readers/read-dataset.js';
import { rng, SIX, splitTotal, vnTable, writeXlsx } from '../../fixtures/builders.js';
import { dakindex, REPO } from '../helpers/cli.js';
import { dataCopy } from './helpers.js';

const config = DEFAULT_CONFIG;

const entries = (dir: string) => readdirSync(join(dir, CACHE_DIR)).filter((n) => n.endsWith('.json')).sort();

describe('the history cache', () => {
  it('gives every file exactly what reading it gives, from one entry per file', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    const fresh = await readHistoryFolder(dir, { config, sheets: [], cache: false });
    expect(existsSync(join(dir, CACHE_DIR))).toBe(false);
    const first = await readHistoryFolder(dir, { config, sheets: [] });
    expect(first.cache).toMatchObject({ hits: 0, misses: files, written: files, pruned: 0, problem: null });
    expect(entries(dir)).toHaveLength(files);
    const second = await readHistoryFolder(dir, { config, sheets: [] });
    expect(second.cache).toMatchObject({ hits: files, misses: 0, written: 0, pruned: 0 });
    expect(second.files).toEqual(fresh.files);
    expect(first.files).toEqual(fresh.files);
    // And the reading is the reader's: the dataset of each file as readDataset gives it.
    for (const f of second.files) expect(f.dataset).toEqual(await readDataset([f.path], { config }));
    expect(second.files.map((f) => f.date)).toEqual([
      '2024-06-04', '2024-07-02', '2025-11-07', '2025-11-14', '2026-01-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09',
    ]);
  });

  it('reads a changed file again and prunes its old entry; the others come from the cache', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    await readHistoryFolder(dir, { config, sheets: [] });
    const before = entries(dir);
    // 02/3/2026 again, with Ea Ly at 70,55 (Khá) instead of 89,31.
    const r = rng(1);
    const communes = ['UBND xã Ea Ly', 'UBND xã Ea Kar', 'UBND phường Tân An'].map((name, i) => ({ name, values: splitTotal(r, [70.55, 95.2, 91.4][i]!, SIX) }));
    await writeXlsx(join(dir, 'diem-766-2026-03-02.xlsx'), [
      { name: 'Xã Phường', ...vnTable({ title: ['Số liệu tính đến ngày 02/3/2026'], groups: SIX, totalColumn: true, rows: communes }) },
    ]);
    const after = await readHistoryFolder(dir, { config, sheets: [] });
    expect(after.cache).toMatchObject({ hits: files - 1, misses: 1, written: 1, pruned: 1 });
    expect(entries(dir).filter((e) => !before.includes(e))).toHaveLength(1);
    expect(entries(dir)).toHaveLength(files);
    const changed = after.files.find((f) => f.date === '2026-03-02')!;
    expect(changed.dataset.sheets.map((s) => [s.level, s.units.length])).toEqual([['xa', 3]]);

    // Through the CLI: the new figure, not the cached one.
    const cli = await dakindex(['history', '--data', dir, '--unit', 'Ea Ly', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const points = JSON.parse(cli.stdout).unit.points as { date: string; score: number; band: string }[];
    expect(points.find((p) => p.date === '2026-03-02')).toMatchObject({ score: 70.55, band: 'kha' });
    expect(JSON.parse(cli.stdout).cache).toMatchObject({ hits: files, misses: 0 });
  });

  it('never uses an entry that was altered, cut short or written by another format', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    const fresh = await readHistoryFolder(dir, { config, sheets: [], cache: false });
    await readHistoryFolder(dir, { config, sheets: [] });
    const names = entries(dir);
    // A figure changed inside valid JSON: 89.69 (Ea Ly on 09/3/2026) becomes 99.69.
    const altered = names.find((n) => readFileSync(join(dir, CACHE_DIR, n), 'utf8').includes('"total":89.69'))!;
    const text = readFileSync(join(dir, CACHE_DIR, altered), 'utf8');
    writeFileSync(join(dir, CACHE_DIR, altered), text.replace('"total":89.69', '"total":99.69'));
    // Another entry cut in its middle, another emptied.
    const cut = names.find((n) => n !== altered)!;
    writeFileSync(join(dir, CACHE_DIR, cut), readFileSync(join(dir, CACHE_DIR, cut), 'utf8').slice(0, 5000));
    const empty = names.find((n) => n !== altered && n !== cut)!;
    writeFileSync(join(dir, CACHE_DIR, empty), '');
    // An entry of an older format (another name, since the format is part of it): pruned.
    const old = join(dir, CACHE_DIR, `${'0'.repeat(64)}.json`);
    writeFileSync(old, `${JSON.stringify({ dakindexCache: 0, source: join(dir, 'diem-766-2026-03-09.xlsx'), reader: 'x', sha256: 'y' })}\n{}`);

    const again = await readHistoryFolder(dir, { config, sheets: [] });
    expect(again.files).toEqual(fresh.files);
    expect(again.cache).toMatchObject({ hits: files - 3, misses: 3, written: 3, pruned: 1 });
    expect(existsSync(old)).toBe(false);
    const third = await readHistoryFolder(dir, { config, sheets: [] });
    expect(third.cache).toMatchObject({ hits: files, misses: 0 });
  });

  it('prunes the entry of a deleted file, and keeps the entries of other reading options', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    await readHistoryFolder(dir, { config, sheets: [] });
    // Another --sheet: other entries for every file, the first ones kept.
    await readHistoryFolder(dir, { config, sheets: [{ name: 'Xã Phường', level: 'xa' }] });
    expect(entries(dir)).toHaveLength(2 * files);
    rmSync(join(dir, 'diem-766-2024-06-04.xlsx'));
    const after = await readHistoryFolder(dir, { config, sheets: [] });
    expect(after.cache).toMatchObject({ hits: files - 1, misses: 0, pruned: 2 });
    expect(entries(dir)).toHaveLength(2 * (files - 1));
  });

  it('depends on the parts of the configuration the reader reads: another group maximum reads the files again', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    await readHistoryFolder(dir, { config, sheets: [] });
    const other: Config = { ...config, groups: { ...config.groups, ckmb: { ...config.groups.ckmb, max: 19 } } };
    const again = await readHistoryFolder(dir, { config: other, sheets: [] });
    expect(again.cache).toMatchObject({ hits: 0, misses: files });
    // The signer, the bands: not read by the reader, so not part of the key.
    const signer: Config = { ...config, bands: config.bands.map((b) => ({ ...b, label: b.label.toUpperCase() })) };
    expect(readerSettings(signer, [])).toBe(readerSettings(config, []));
    expect(readerSettings({ ...config, province: { ...config.province, name: 'Gia Lai' } }, [])).not.toBe(readerSettings(config, []));
    // Key order in the configuration file does not matter.
    const reordered = { ...config, input: Object.fromEntries(Object.entries(config.input).reverse()) } as Config;
    expect(readerSettings(reordered, [])).toBe(readerSettings(config, []));
  });

  it('the reader reads no other part of the configuration (else readerSettings must include it)', () => {
    const sources = (sub: string) =>
      readdirSync(join(REPO, sub))
        .filter((f) => f.endsWith('.ts') && f !== 'par-sipas.ts')
        .map((f) => readFileSync(join(REPO, sub, f), 'utf8'));
    const read = new Set<string>();
    for (const code of [...sources('src/io/readers'), ...sources('src/io/table')]) {
      for (const m of code.matchAll(/\bconfig\??\.(\w+)(?:\.(\w+))?/g)) read.add(m[1] === 'province' ? `province.${m[2]}` : m[1]!);
    }
    expect([...read].sort()).toEqual(['groups', 'input', 'province.name']);
  });

  it('keeps a file that cannot be read as skipped with its reason, from the cache too; a renamed copy is its own point', async () => {
    const dir = dataCopy();
    writeFileSync(join(dir, 'hong-2026-03-10.xlsx'), 'không phải tệp Excel');
    writeFileSync(join(dir, 'ghi-chu.csv'), 'Tên đơn vị;Tổng điểm\nUBND xã A;91,5\n');
    cpSync(join(dir, 'diem-766-2026-02-16.xlsx'), join(dir, 'diem-766-2026-02-09.xlsx'));
    const files = readdirSync(dir).length;
    for (const run of [1, 2]) {
      const h = await readHistoryFolder(dir, { config, sheets: [] });
      expect(h.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason]), `run ${run}`).toEqual([
        ['ghi-chu.csv', 'không có ngày trong tiêu đề hay tên tệp'],
        ['hong-2026-03-10.xlsx', expect.stringContaining('không phải tệp .xlsx')],
      ]);
      expect(h.cache.hits).toBe(run === 1 ? 0 : files);
      // The same bytes under another name: dated by that name, read on their own.
      expect(h.files.filter((f) => f.date === '2026-02-09' || f.date === '2026-02-16')).toHaveLength(2);
    }
  });

  it('refuses a file over the size limit without reading it into memory, and keeps no entry for it', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    const rows = Array.from({ length: 12_000 }, (_, i) => `UBND xã Số ${i};${(80 + (i % 20)).toFixed(2).replace('.', ',')}`);
    writeFileSync(join(dir, 'lon-2026-03-16.csv'), `Tên đơn vị;Tổng điểm\n${rows.join('\n')}\n`);
    const limit: Config = { ...config, input: { ...config.input, maxInflatedBytes: 250_000 } };
    expect(statSync(join(dir, 'lon-2026-03-16.csv')).size).toBeGreaterThan(250_000);
    const h = await readHistoryFolder(dir, { config: limit, sheets: [] });
    expect(h.files).toHaveLength(files);
    expect(h.skipped).toEqual([
      { path: join(dir, 'lon-2026-03-16.csv'), reason: expect.stringMatching(/^tệp lớn \d+ byte, vượt giới hạn input.maxInflatedBytes = 250000; từ chối đọc/) },
    ]);
    expect(entries(dir)).toHaveLength(files);
  });

  it('works without a cache where it cannot be written, and says so once', async () => {
    const dir = dataCopy();
    const files = readdirSync(dir).length;
    // A file where the cache folder should be: nothing can be written under it (as a read-only folder).
    writeFileSync(join(dir, CACHE_DIR), '');
    const h = await readHistoryFolder(dir, { config, sheets: [] });
    expect(h.files).toHaveLength(files);
    expect(h.cache).toMatchObject({ hits: 0, misses: files, written: 0 });
    expect(h.cache.problem).toMatch(/EEXIST|ENOTDIR/);
    const cli = await dakindex(['history', '--data', dir]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('09/3/2026');
    expect(cli.stderr.match(/Không ghi được bộ nhớ đệm của lịch sử/g)).toHaveLength(1);
    expect(cli.stderr).toContain('lịch sử vẫn đủ, chỉ chậm hơn');
  });

  it('lives in a hidden folder that the data-folder scan passes over, and can be deleted at any time', async () => {
    const dir = dataCopy();
    const a = await dakindex(['history', '--data', dir, '--json']);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([CACHE_DIR]);
    const report = await dakindex(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', dir, '--out', join(dir, 'out')]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).not.toContain(CACHE_DIR);
    rmSync(join(dir, CACHE_DIR), { recursive: true });
    const b = await dakindex(['history', '--data', dir, '--json']);
    const figures = (s: string) => JSON.parse(s).points;
    expect(figures(b.stdout)).toEqual(figures(a.stdout));
  });
});
