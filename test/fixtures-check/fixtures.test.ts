/**
 * The committed fixtures hold the figures the seeds need (read with the real reader), and
 * `make-fixtures` is deterministic.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { nameKey, normalizeName, unitKind } from '../../src/core/names.js';
import type { Dataset, GroupKey, Level, ScoreSheet, SheetUnit } from '../../src/core/types.js';
import { readDataset } from '../../src/io/readers/read-dataset.js';
import { FIXTURE_FACTS, FIXTURE_FILES, makeFixtures } from '../../fixtures/make-fixtures.js';
import { COMMUNES_102, DISTRICTS_15, WARDS_14, COMMUNES_88 } from '../../fixtures/names.js';

const config = DEFAULT_CONFIG;
const fx = (p: string) => new URL(`../../fixtures/${p}`, import.meta.url).pathname;
const r2 = (n: number) => Math.round(n * 100) / 100;

function level(ds: Dataset, l: Level): ScoreSheet {
  const s = ds.sheets.filter((x) => x.level === l);
  expect(s).toHaveLength(1);
  return s[0]!;
}

/** Points of a unit: rates converted as the seeds do (rate × max / 100, 2 dp). */
function points(u: SheetUnit): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(u.values) as Array<[GroupKey, { value: number; kind: string }]>) {
    out[k] = v.kind === 'rate' ? r2((v.value * config.groups[k].max) / 100) : v.value;
  }
  return out;
}

function sum(u: SheetUnit): number {
  return r2(Object.values(points(u)).reduce((a, b) => a + b, 0));
}

function score(u: SheetUnit): number {
  return u.total ?? sum(u);
}

/** Counts per band, best first (Xuất sắc, Tốt, Khá, Trung bình, Yếu), units with data only. */
function bands(s: ScoreSheet): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const u of s.units) {
    if (Object.keys(u.values).length === 0) continue;
    const t = score(u);
    counts[config.bands.findIndex((b) => t >= b.min)]! += 1;
  }
  return counts;
}

/** Distance of a score to the nearest band edge. */
function edgeDistance(t: number): number {
  return Math.min(...config.bands.filter((b) => b.min > 0).map((b) => Math.abs(t - b.min)));
}

function find(s: ScoreSheet, name: string): SheetUnit {
  const u = s.units.find((x) => nameKey(x.name) === nameKey(name));
  expect(u, name).toBeDefined();
  return u!;
}

function rankOf(s: ScoreSheet, u: SheetUnit): number {
  return 1 + s.units.filter((x) => score(x) > score(u)).length;
}

function expectTotalsAreSums(s: ScoreSheet): void {
  for (const u of s.units) if (u.total !== undefined) expect(u.total, u.name).toBeCloseTo(sum(u), 2);
}

describe('fixtures/daklak', () => {
  it('diem-766-2025-11-14: provinces, agencies as rates, 102 communes; title date', async () => {
    const ds = await readDataset([fx('daklak/diem-766-2025-11-14.xlsx')], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2025-11-14', 'title']);
    expect(ds.warnings).toEqual([]);
    expect(ds.sheets.map((s) => [s.sheet, s.level, s.units.length])).toEqual([
      ['Tỉnh, thành phố', 'tinh', 34],
      ['Sở Ban', 'so', 14],
      ['Xã Phường', 'xa', 102],
    ]);
    const tinh = level(ds, 'tinh');
    expect(tinh.groups).toEqual(['ckmb', 'tdgq', 'dvctt', 'tttt', 'mdhl', 'mdsh']);
    const dl = find(tinh, 'Đắk Lắk');
    expect(points(dl)).toEqual({ ckmb: 14.53, tdgq: 18.62, dvctt: 8.85, tttt: 9.09, mdhl: 17.53, mdsh: 20.1 });
    expect(dl.total).toBe(88.72);
    expect(dl.publishedRank).toBe(16);
    expect(rankOf(tinh, dl)).toBe(16);
    expectTotalsAreSums(tinh);

    const so = level(ds, 'so');
    expect(so.units.every((u) => u.total === undefined && Object.values(u.values).every((v) => v.kind === 'rate'))).toBe(true);
    expect(bands(so)).toEqual([10, 3, 0, 1, 0]);
    for (const u of so.units) expect(edgeDistance(sum(u)), u.name).toBeGreaterThanOrEqual(0.29);

    const xa = level(ds, 'xa');
    expect(bands(xa)).toEqual([87, 15, 0, 0, 0]);
    expectTotalsAreSums(xa);
    expect(new Set(xa.units.map((u) => u.name))).toEqual(new Set(COMMUNES_102.map(normalizeName)));
    expect(xa.units.filter((u) => unitKind(u.name) === 'phuong')).toHaveLength(14);
  });

  it('the 102 communes are those of NQ 1660 (index-766.md §4.1)', () => {
    expect(WARDS_14).toHaveLength(14);
    expect(COMMUNES_88).toHaveLength(88);
    expect(new Set(COMMUNES_102).size).toBe(102);
  });

  it('diem-766-2025-11-07: one API-code sheet, levels from LOAI_COQUAN, date from the file name', async () => {
    const ds = await readDataset([fx('daklak/diem-766-2025-11-07.xlsx')], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2025-11-07', 'filename']);
    expect(ds.sheets.map((s) => [s.sheet, s.level, s.units.length])).toEqual([
      ['Du lieu 766', 'tinh', 34],
      ['Du lieu 766', 'so', 14],
      ['Du lieu 766', 'xa', 102],
    ]);
    const tinh = level(ds, 'tinh');
    const dl = find(tinh, 'Đắk Lắk');
    expect(dl.total).toBe(88.45);
    expect(dl.code).toBe('H15');
    expect(rankOf(tinh, dl)).toBe(18);
    expect(dl.publishedRank).toBe(18);
    const so = level(ds, 'so');
    expect(so.units.every((u) => Object.values(u.values).every((v) => v.kind === 'points'))).toBe(true);
    expect(bands(so)).toEqual([10, 3, 0, 1, 0]);
    expect(bands(level(ds, 'xa'))).toEqual([92, 10, 0, 0, 0]);
    expectTotalsAreSums(level(ds, 'xa'));

    // The same units as the week after, whatever the suffix and apostrophes.
    const next = await readDataset([fx('daklak/diem-766-2025-11-14.xlsx')], { config });
    for (const l of ['tinh', 'so', 'xa'] as const) {
      const keys = (d: Dataset) => new Set(level(d, l).units.map((u) => nameKey(u.name)));
      expect(keys(ds)).toEqual(keys(next));
    }
  });

  it('diem-766-2024-07-02: five groups, sections, formula totals, one agency without data', async () => {
    const ds = await readDataset([fx('daklak/diem-766-2024-07-02.xlsx')], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2024-07-02', 'title']);
    expect(ds.sheets.map((s) => [s.sheet, s.level, s.units.length, s.groups.join(',')])).toEqual([
      ['Ket qua', 'so', 17, 'ckmb,tdgq,dvtt,mdhl,mdsh'],
      ['Ket qua', 'huyen', 15, 'ckmb,tdgq,dvtt,mdhl,mdsh'],
      ['Ket qua', 'xa', 184, 'ckmb,tdgq,dvtt,mdhl,mdsh'],
    ]);
    const so = level(ds, 'so');
    const empty = so.units.filter((u) => Object.keys(u.values).length === 0);
    expect(empty.map((u) => [u.name, u.total])).toEqual([['Ban Quản lý các Khu công nghiệp tỉnh', undefined]]);
    expect(bands(so)).toEqual([0, 4, 7, 5, 0]);
    const huyen = level(ds, 'huyen');
    expect(bands(huyen)).toEqual([0, 1, 12, 2, 0]);
    expect(new Set(huyen.units.map((u) => u.name))).toEqual(new Set(DISTRICTS_15.map(normalizeName)));
    const xa = level(ds, 'xa');
    expect(bands(xa)).toEqual([1, 26, 99, 58, 0]);
    expect(new Set(xa.units.map((u) => nameKey(u.name))).size).toBe(184);
    for (const s of ds.sheets) expectTotalsAreSums(s);
    for (const s of [so, huyen]) for (const u of s.units) if (u.total !== undefined) expect(edgeDistance(u.total)).toBeGreaterThanOrEqual(0.29);
  });

  it('diem-766-2024-06-04: 63 provinces, Đắk Lắk 73,73 published (not the sum), rank 31', async () => {
    const ds = await readDataset([fx('daklak/diem-766-2024-06-04.xlsx')], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2024-06-04', 'title']);
    expect(ds.sheets.map((s) => [s.sheet, s.level, s.units.length])).toEqual([
      ['Tỉnh, thành phố', 'tinh', 63],
      ['Sở Ban', 'so', 17],
      ['Cấp huyện', 'huyen', 15],
      ['Cấp xã', 'xa', 184],
    ]);
    const tinh = level(ds, 'tinh');
    const dl = find(tinh, 'Đắk Lắk');
    expect(points(dl)).toEqual({ ckmb: 10, tdgq: 19.1, dvctt: 4.8, tttt: 2.1, mdhl: 18, mdsh: 14.7 });
    expect(dl.total).toBe(73.73);
    expect(sum(dl)).toBe(68.7);
    expect(dl.publishedRank).toBe(31);
    expect(rankOf(tinh, dl)).toBe(31);
    for (const u of tinh.units) if (u !== dl) expect(u.total).toBeCloseTo(sum(u), 2);
  });

  it('diem-766-2026-03-09: Đắk Lắk 93,79 rank 21; the seven lowest communes', async () => {
    const ds = await readDataset([fx('daklak/diem-766-2026-03-09.xlsx')], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2026-03-09', 'title']);
    expect(ds.sheets.map((s) => [s.level, s.units.length])).toEqual([
      ['tinh', 34],
      ['so', 14],
      ['xa', 102],
    ]);
    const tinh = level(ds, 'tinh');
    const dl = find(tinh, 'Đắk Lắk');
    expect(dl.total).toBe(93.79);
    expect(rankOf(tinh, dl)).toBe(21);
    const xa = level(ds, 'xa');
    expectTotalsAreSums(xa);
    const sorted = [...xa.units].sort((a, b) => score(b) - score(a));
    expect(sorted.slice(95).map((u) => [u.name, u.total, u.publishedRank])).toEqual([
      ['UBND xã Ea Ly', 89.69, 96],
      ['UBND phường Sông Cầu', 89.55, 97],
      ['UBND xã Xuân Cảnh', 89.23, 98],
      ['UBND xã Dur Kmăl', 88.88, 99],
      ['UBND xã Xuân Lộc', 87.12, 100],
      ['UBND xã Vụ Bổn', 86.48, 101],
      ['UBND xã Ea Drăng', 84.54, 102],
    ]);
    const others = sorted.slice(0, 95).map(score);
    expect(Math.min(...others)).toBeGreaterThan(89.69);
    expect(new Set(others).size).toBe(95);
  });

  it('diem-766-2026-01-09: Đắk Lắk rank 33; date from the file name', async () => {
    const ds = await readDataset([fx('daklak/diem-766-2026-01-09.xlsx')], { config });
    expect([ds.date, ds.dateSource]).toEqual(['2026-01-09', 'filename']);
    expect(ds.sheets.map((s) => [s.sheet, s.level, s.units.length])).toEqual([
      ['Tỉnh', 'tinh', 34],
      ['Sở Ban', 'so', 14],
      ['Xã Phường', 'xa', 102],
    ]);
    const tinh = level(ds, 'tinh');
    expect(rankOf(tinh, find(tinh, 'Đắk Lắk'))).toBe(33);
  });
});

describe('fixtures/daklak: the weekly exports of February and March 2026 (history, issue 10)', () => {
  const WEEKS = ['2026-02-16', '2026-02-23', '2026-03-02'] as const;

  it.each(WEEKS)('diem-766-%s: Đắk Lắk at its total and rank, the seven lowest communes, the others Xuất sắc', async (date) => {
    const f = FIXTURE_FACTS[date];
    const ds = await readDataset([fx(`daklak/diem-766-${date}.xlsx`)], { config });
    expect([ds.date, ds.dateSource]).toEqual([date, date === '2026-02-16' ? 'filename' : 'title']);
    expect(ds.warnings).toEqual([]);
    expect(ds.sheets.map((s) => [s.level, s.units.length])).toEqual([
      ['tinh', 34],
      ['so', 14],
      ['xa', 102],
    ]);
    const tinh = level(ds, 'tinh');
    const dl = find(tinh, 'Đắk Lắk');
    expect(score(dl)).toBe(f.daklak.total);
    expect(rankOf(tinh, dl)).toBe(f.daklak.rank);
    expect(bands(level(ds, 'so'))).toEqual(f.agencyBands);
    const xa = level(ds, 'xa');
    expectTotalsAreSums(xa);
    expect(bands(xa)).toEqual([95, 7, 0, 0, 0]);
    const sorted = [...xa.units].sort((a, b) => score(b) - score(a));
    expect(sorted.slice(95).map((u) => [normalizeName(u.name), score(u)])).toEqual(f.lowest);
    expect(Math.min(...sorted.slice(0, 95).map(score))).toBeGreaterThanOrEqual(90.3);
  });

  it('are Mondays, as 09/3/2026 is, one week apart', () => {
    const days = [...WEEKS, '2026-03-09'].map((d) => new Date(`${d}T00:00:00Z`));
    expect(days.map((d) => d.getUTCDay())).toEqual([1, 1, 1, 1]);
    expect(days.slice(1).map((d, i) => (d.getTime() - days[i]!.getTime()) / 86_400_000)).toEqual([7, 7, 7]);
  });
});

describe('make-fixtures', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'dakindex-fixtures-'));
    await makeFixtures(out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  async function cellValues(path: string): Promise<unknown> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb.worksheets.map((ws) => {
      const rows: unknown[] = [];
      ws.eachRow({ includeEmpty: false }, (row, n) => rows.push([n, row.values]));
      return { name: ws.name, rows, merges: (ws.model as { merges?: string[] }).merges ?? [] };
    });
  }

  it.each(FIXTURE_FILES)('regenerates %s with the same content', async (rel) => {
    const committed = fx(rel);
    const fresh = join(out, rel);
    if (rel.endsWith('.xlsx')) {
      expect(await cellValues(fresh)).toEqual(await cellValues(committed));
    } else {
      expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(committed, 'utf8'));
    }
  });
});
