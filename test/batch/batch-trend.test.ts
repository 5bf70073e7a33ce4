/**
 * Monthly reports made by `dakindex batch` carry the same Diễn biến (passage, chart, appendix) as
 * `dakindex report` writes, and a corrected export regenerates every report whose trend reads it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dakindexProcess, tempDir } from '../helpers/cli.js';
import { docxText } from '../helpers/seeds.js';
import { fridaysOf, weekFileName, writeWeekFile } from '../helpers/weekly-data.js';

const FIRST_HALF = fridaysOf(2025).filter((d) => d < '2025-07-01');
const MARCH_LAST = FIRST_HALF.filter((d) => d.startsWith('2025-03')).at(-1)!;

const textOf = (file: string) => docxText(readFileSync(file)).paragraphs.join('\n');

describe('dakindex batch: monthly reports with their Diễn biến', () => {
  const data = tempDir('dakindex-batch-trend-data-');
  const out = tempDir('dakindex-batch-trend-out-');
  const batch = ['batch', '--year', '2025', '--months', '--to', '2025-06-30', '--data', data, '--out', out];
  const reports = () => readdirSync(out).filter((f) => f.endsWith('.docx')).sort();

  beforeAll(async () => {
    for (const date of FIRST_HALF) await writeWeekFile(data, date);
  }, 60_000);

  it('writes each month’s report as `report` writes it, Diễn biến and chart included', async () => {
    const r = await dakindexProcess(batch);
    expect(r.code, r.stderr).toBe(0);
    expect(reports()).toHaveLength(6);
    const june = join(out, reports().at(-1)!);
    const single = tempDir('dakindex-batch-trend-single-');
    const one = await dakindexProcess(['report', '--month', '6', '--year', '2025', '--data', data, '--out', single]);
    expect(one.code, one.stderr).toBe(0);
    const alone = join(single, readdirSync(single)[0]!);
    expect(textOf(june)).toContain('Diễn biến điểm số, thứ hạng của tỉnh Đắk Lắk từ tháng 1/2025 đến tháng 6/2025:');
    expect(textOf(june)).toContain('diễn biến điểm số của các đơn vị (Phụ lục II)');
    expect(textOf(june)).toBe(textOf(alone));
    const chart = (f: string) => docxText(readFileSync(f)).docx.files.get('word/charts/chart1.xml');
    expect(chart(june)).toBeDefined();
    expect(chart(june)).toEqual(chart(alone));
  });

  it('a corrected export regenerates its month, the next (comparison) and the later months whose trend reads it; earlier months are unchanged', async () => {
    const before = new Map(reports().map((f) => [f, statSync(join(out, f)).mtimeMs]));
    await writeWeekFile(data, MARCH_LAST, { variant: 1 });
    const r = await dakindexProcess([...batch, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { counts: Record<string, number>; documents: { label: string; status: string }[] };
    const status = Object.fromEntries(j.documents.map((d) => [d.label, d.status]));
    expect(status).toEqual({
      'báo cáo tháng 1/2025': 'unchanged',
      'báo cáo tháng 2/2025': 'unchanged',
      'báo cáo tháng 3/2025': 'made',
      'báo cáo tháng 4/2025': 'made',
      'báo cáo tháng 5/2025': 'made',
      'báo cáo tháng 6/2025': 'made',
    });
    for (const [f, mtime] of before) {
      if (/thang-0[12]-2025/.test(f)) expect(statSync(join(out, f)).mtimeMs, f).toBe(mtime);
    }
    expect(weekFileName(MARCH_LAST)).toMatch(/^diem-766-2025-03-/);
  });
});
