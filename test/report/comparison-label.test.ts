import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation.js';
import { comparePeriods } from '../../src/core/period-comparison.js';
import { choiceWindow, chooseFile, newestFirst, type Period } from '../../src/core/periods.js';
import { dataset, SETTINGS, sheet, unit } from '../core/engine-helpers.js';
import { dakindex, tempDir } from '../helpers/cli.js';
import { docxText, type DocxText } from '../helpers/seeds.js';

const FX = 'fixtures/daklak';
const WEEK_2 = ['--week', '2', '--month', '11', '--year', '2025'];

async function run(args: string[]): Promise<{ code: number; doc: DocxText | null; stdout: string; stderr: string }> {
  const out = tempDir();
  const r = await dakindex([...args, '--data', FX, '--out', out]);
  const [name] = readdirSync(out);
  return { ...r, doc: name ? docxText(readFileSync(join(out, name))) : null };
}

/** The change column's header of every appendix table: the last cell of each table's header row. */
function changeHeaders(doc: DocxText): string[] {
  return doc.paragraphs.filter((p) => p === 'So với kỳ trước' || p.startsWith('So với ngày'));
}

describe('the comparison is labelled by the data read', () => {
  it('warns when the data given with --input are not dated in the period the document names', async () => {
    const r = await run(['report', ...WEEK_2, '--input', `${FX}/diem-766-2024-07-02.xlsx`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'Dữ liệu ngày 02/7/2024 không thuộc tuần 02 tháng 11/2025 (cần ngày từ 10/11/2025 đến 16/11/2025); ' +
        'văn bản vẫn ghi là tuần 02 tháng 11/2025',
    );
    const inside = await run(['report', ...WEEK_2, '--input', `${FX}/diem-766-2025-11-14.xlsx`]);
    expect(inside.stderr).not.toContain('không thuộc tuần');
  });

  it('names the date when --previous gives data of another time, with a warning', async () => {
    const r = await run(['report', ...WEEK_2, '--previous', `${FX}/diem-766-2024-07-02.xlsx`]);
    expect(r.code, r.stderr).toBe(0);
    const text = r.doc!.text;
    expect(text).toContain('- Có 87/102 UBND cấp xã xếp loại: Xuất sắc (tăng 86 địa phương so với ngày 02/7/2024).');
    expect(text).toContain('- Có 10/14 cơ quan xếp loại: Xuất sắc (tăng 10 cơ quan so với ngày 02/7/2024).');
    expect(text).not.toContain('tuần 01 tháng 11');
    expect(changeHeaders(r.doc!)).toEqual(['So với ngày 02/7/2024', 'So với ngày 02/7/2024']);
    expect(r.stderr).toContain(
      'Dữ liệu so sánh ngày 02/7/2024 không phải dữ liệu của tuần 01 tháng 11/2025 (kỳ trước của tuần 02 tháng 11/2025): ' +
        'phần so sánh trong văn bản ghi "so với ngày 02/7/2024".',
    );
  });

  it('keeps the period wording when --previous gives the previous period’s data', async () => {
    const r = await run(['report', ...WEEK_2, '--previous', `${FX}/diem-766-2025-11-07.xlsx`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc!.text).toContain('tỉnh Đắk Lắk đạt 88,72 điểm (tăng 0,27 điểm so với tuần 01 tháng 11)');
    expect(r.doc!.text).not.toContain('so với ngày');
    expect(changeHeaders(r.doc!)).toEqual(['So với kỳ trước', 'So với kỳ trước']);
    expect(r.stderr).not.toContain('Dữ liệu so sánh');
  });

  it('keeps the period wording for data downloaded in the days after the previous period (tháng 5 → 04/6/2024)', async () => {
    const r = await run(['report', '--month', '6', '--year', '2024', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).comparedWith).toEqual({ date: '2024-06-04', label: 'tháng 5', previousPeriod: true });
    expect(changeHeaders(r.doc!)).toEqual(['So với kỳ trước', 'So với kỳ trước', 'So với kỳ trước']);
  });

  it('labels the công văn’s appendices by the data read too', async () => {
    const r = await run(['letter', 'publish', '--month', '11', '--year', '2025', '--previous', `${FX}/diem-766-2024-07-02.xlsx`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(changeHeaders(r.doc!)).toEqual(['So với ngày 02/7/2024', 'So với ngày 02/7/2024']);
    const j = JSON.parse(r.stdout);
    expect(j.comparedWith).toEqual({ date: '2024-07-02', label: 'ngày 02/7/2024', previousPeriod: false });
    expect(j.warnings.join('\n')).toContain('Dữ liệu so sánh ngày 02/7/2024 không phải dữ liệu của tháng 10/2025');
  });

  it('refuses earlier data that are not older than the current data', async () => {
    const r = await run(['report', ...WEEK_2, '--previous', `${FX}/diem-766-2026-01-09.xlsx`]);
    expect(r.code).toBe(1);
    expect(r.doc).toBeNull();
    expect(r.stderr).toContain(
      'Dữ liệu so sánh (ngày 09/01/2026) không cũ hơn dữ liệu tuần 02 tháng 11/2025 (ngày 14/11/2025): không so sánh được. Kiểm tra --previous.',
    );
  });
});

describe('comparePeriods and the choice of files', () => {
  const evaluated = (date: string, total: number) => {
    const e = evaluate(dataset([sheet('xa', [unit('UBND xã A', 'xa', total), unit('UBND xã B', 'xa', 60)])], date), SETTINGS);
    return { ...e, date };
  };
  const quarter: Period = { kind: 'quarter', quarter: 3, year: 2024 };

  it('takes the previous period’s choice window: the period itself and, when closed, the 10 days after it', () => {
    expect(choiceWindow({ kind: 'quarter', quarter: 2, year: 2024 })).toEqual({ start: '2024-04-01', end: '2024-07-10' });
    expect(choiceWindow({ kind: 'week', week: 1, month: 11, year: 2025 })).toEqual({ start: '2025-11-03', end: '2025-11-09' });
    const cur = evaluated('2024-10-02', 95);
    for (const [date, byPeriod, label] of [
      ['2024-04-01', true, 'Quý II'],
      ['2024-07-10', true, 'Quý II'],
      ['2024-07-11', false, 'ngày 11/7/2024'],
      ['2024-03-31', false, 'ngày 31/3/2024'],
    ] as const) {
      const { result, warnings } = comparePeriods(quarter, cur, evaluated(date, 80));
      expect([result.byPeriod, result.label, warnings.length]).toEqual([byPeriod, label, byPeriod ? 0 : 1]);
    }
  });

  it('computes the one comparison the document uses', () => {
    const { result } = comparePeriods(quarter, evaluated('2024-10-02', 95), evaluated('2024-07-02', 80));
    expect(result.previousDate).toBe('2024-07-02');
    expect(result.comparison.levels.xa!.countDelta['xuat-sac']).toBe(1);
    expect(result.comparison.levels.xa!.units.get(evaluated('2024-10-02', 95).levels.xa!.units[0]!.key)!.scoreDelta).toBe(15);
  });

  it('orders files newest first, the later name first on the same day, for every choice', () => {
    const files = [
      { path: '/d/a-2025-11-14.xlsx', date: '2025-11-14' },
      { path: '/d/b-2025-11-14.xlsx', date: '2025-11-14' },
      { path: '/d/c.xlsx', date: '2025-11-13' },
    ];
    expect(newestFirst(files).map((f) => f.path)).toEqual(['/d/b-2025-11-14.xlsx', '/d/a-2025-11-14.xlsx', '/d/c.xlsx']);
    expect(chooseFile({ kind: 'week', week: 2, month: 11, year: 2025 }, files)!.file.path).toBe('/d/b-2025-11-14.xlsx');
  });
});
