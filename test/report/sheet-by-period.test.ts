/**
 * A workbook laid out like An Giang's monthly one (fixtures/layouts/an-giang-monthly.xlsx: "Điểm
 * năm", "Điểm tháng", "Xu hướng tháng", "Xu hướng quý", "Sở Ban", "Xã Phường") works without
 * --sheet: the period chooses the province sheet and says so, trend sheets are passed over and
 * named, and `check`, which has no period, asks which province sheet to use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiTable, provinceRows, rng, SIX, writeXlsx } from '../../fixtures/builders.js';
import { FIXTURE_FACTS } from '../../fixtures/make-fixtures.js';
import { PROVINCES_34 } from '../../fixtures/names.js';
import { isTrendSheet, preferPeriodSheets, sheetPeriodKind } from '../../src/core/sheet-choice.js';
import type { ScoreSheet } from '../../src/core/types.js';
import { dakindex, REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { docxText, type DocxText } from '../helpers/seeds.js';

const FILE = join(REPO, 'fixtures/layouts/an-giang-monthly.xlsx');
const AG = ['--input', FILE, '--province', 'An Giang'];
const FACTS = FIXTURE_FACTS['an-giang'];

const TREND = 'sheet xu hướng (điểm của các đơn vị theo từng tháng, quý), không phải bảng điểm tại một ngày; không đọc';

async function write(args: string[]): Promise<{ r: CliResult; doc: DocxText }> {
  const out = tempDir('dakindex-ag-');
  const r = await dakindex([...args, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const [name] = readdirSync(out);
  return { r, doc: docxText(readFileSync(join(out, name!))) };
}

describe('report on the An Giang monthly workbook, without --sheet', () => {
  it('--month takes "Điểm tháng", says so, and names the sheets passed over', async () => {
    const { r, doc } = await write(['report', '--month', '11', '--year', '2025', ...AG]);
    expect(r.stdout).toContain('Bảng tỉnh, thành phố: dùng sheet "Điểm tháng" vì kỳ là tháng (tên sheet có "tháng"); bỏ qua sheet "Điểm năm"');
    expect(doc.text).toContain(`tỉnh An Giang đạt 91,13 điểm, xếp hạng ${FACTS.month.rank}/34 tỉnh, thành phố.`);
    expect(doc.text).toContain('Kèm theo các Phụ lục đánh giá, xếp loại và mức điểm cụ thể đối với các sở, ban, ngành (Phụ lục I) và đối với UBND cấp xã (Phụ lục II).');
    expect(r.stderr).toContain('Sheet bỏ qua (3):');
    expect(r.stderr).toContain(`  - ${FILE}, sheet "Xu hướng tháng": ${TREND}`);
    expect(r.stderr).toContain(`  - ${FILE}, sheet "Xu hướng quý": ${TREND}`);
    expect(r.stderr).toContain(`  - ${FILE}, sheet "Điểm năm": cùng là bảng tỉnh, thành phố như sheet "Điểm tháng"; kỳ tháng dùng sheet "Điểm tháng"`);
  });

  it('--year takes "Điểm năm"', async () => {
    const { r, doc } = await write(['report', '--year', '2025', ...AG]);
    expect(r.stdout).toContain('Bảng tỉnh, thành phố: dùng sheet "Điểm năm" vì kỳ là năm (tên sheet có "năm"); bỏ qua sheet "Điểm tháng"');
    expect(doc.text).toContain(`tỉnh An Giang đạt 87,25 điểm, xếp hạng ${FACTS.year.rank}/34 tỉnh, thành phố.`);
    expect(doc.text).not.toContain('91,13');
  });

  it('--quarter with no quarter sheet asks, naming both sheets and the options to type', async () => {
    const out = tempDir('dakindex-ag-');
    const r = await dakindex(['report', '--quarter', '4', '--year', '2025', ...AG, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`tỉnh, thành phố: ${FILE} (sheet "Điểm năm", 34 đơn vị); ${FILE} (sheet "Điểm tháng", 34 đơn vị)`);
    expect(r.stderr).toContain('Không sheet nào trong số này có "quý" trong tên để chọn theo kỳ.');
    expect(r.stderr).toContain('  - tỉnh, thành phố: --sheet "Điểm năm" hoặc --sheet "Điểm tháng"');
    expect(readdirSync(out)).toEqual([]);
    // The option given, the quarter report is written from the monthly sheet and the other levels.
    const { doc } = await write(['report', '--quarter', '4', '--year', '2025', ...AG, '--sheet', 'Điểm tháng']);
    expect(doc.text).toContain('tỉnh An Giang đạt 91,13 điểm');
    expect(doc.text).toContain('(Phụ lục II)');
  });

  it('letter publish --month takes "Điểm tháng" too, and lists what it passed over under --json', async () => {
    const out = tempDir('dakindex-ag-');
    const r = await dakindex(['letter', 'publish', '--month', '11', '--year', '2025', ...AG, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { province: { score: number }; notes: string[]; skippedSheets: { sheet: string; reason: string }[] };
    expect(json.province.score).toBe(91.13);
    expect(json.notes).toContain('Bảng tỉnh, thành phố: dùng sheet "Điểm tháng" vì kỳ là tháng (tên sheet có "tháng"); bỏ qua sheet "Điểm năm"');
    expect(json.skippedSheets.map((k) => k.sheet)).toEqual(['Xu hướng tháng', 'Xu hướng quý', 'Điểm năm']);
    expect(json.skippedSheets[0]!.reason).toBe(TREND);
  });
});

describe('check on the An Giang monthly workbook', () => {
  it('has no period: asks which province sheet to use, with the exact option', async () => {
    const r = await dakindex(['check', FILE, '--province', 'An Giang']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Có nhiều bảng cùng một cấp, không biết dùng bảng nào:');
    expect(r.stderr).toContain('Lệnh report và letter tự chọn theo kỳ khi tên sheet có "tuần", "tháng", "quý" hoặc "năm"; lệnh này không có kỳ.');
    expect(r.stderr).toContain('Hãy chọn một sheet cho mỗi cấp bằng --sheet (các sheet của cấp khác vẫn được đọc):');
    expect(r.stderr).toContain('  - tỉnh, thành phố: --sheet "Điểm năm" hoặc --sheet "Điểm tháng"');
  });

  it('--sheet naming the province sheet alone keeps the agencies and communes', async () => {
    const r = await dakindex(['check', FILE, '--province', 'An Giang', '--sheet', 'Điểm tháng', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      province: { score: number; rank: number };
      levels: Record<string, { units: number }>;
      skippedSheets: { sheet: string; reason: string }[];
    };
    expect(s.province).toMatchObject({ score: 91.13, rank: FACTS.month.rank });
    expect(Object.fromEntries(Object.entries(s.levels).map(([k, v]) => [k, v.units]))).toEqual({ tinh: 34, so: 6, xa: 8 });
    expect(s.skippedSheets).toEqual([
      { file: FILE, sheet: 'Điểm năm', reason: 'bảng tỉnh, thành phố: đã chọn sheet "Điểm tháng" bằng --sheet' },
      { file: FILE, sheet: 'Xu hướng tháng', reason: TREND },
      { file: FILE, sheet: 'Xu hướng quý', reason: TREND },
    ]);
  });
});

describe('a weekly report', () => {
  it('takes the sheet named for the week', async () => {
    const file = join(tempDir(), 'tuan.xlsx');
    const sheet = (name: string, seed: number, score: number) => ({
      name,
      rows: apiTable(
        provinceRows(rng(seed), PROVINCES_34, { name: 'An Giang', values: { ...FACTS.month.values, mdsh: score }, rank: 3 }, SIX, [60, 90]).map(
          (p) => ({ ...p, level: 1 }),
        ),
      ),
    });
    await writeXlsx(file, [sheet('Điểm tháng 11', 1, 19.83), sheet('Điểm tuần 02 tháng 11', 2, 18.83)]);
    const { r, doc } = await write(['report', '--week', '2', '--month', '11', '--year', '2025', '--input', file, '--province', 'An Giang', '--date', '2025-11-14']);
    expect(r.stdout).toContain('Bảng tỉnh, thành phố: dùng sheet "Điểm tuần 02 tháng 11" vì kỳ là tuần (tên sheet có "tuần"); bỏ qua sheet "Điểm tháng 11"');
    expect(doc.text).toContain('tỉnh An Giang đạt 90,13 điểm');
  });
});

describe('the period → sheet rule', () => {
  const s = (sheet: string, level: ScoreSheet['level'] = 'tinh'): ScoreSheet => ({ file: 'f.xlsx', sheet, level, groups: [], units: [] });

  it('reads the first period word of a name, ignoring case and diacritics', () => {
    expect(sheetPeriodKind('Điểm tháng')).toBe('month');
    expect(sheetPeriodKind('DIEM NAM')).toBe('year');
    expect(sheetPeriodKind('Tháng 11 năm 2025')).toBe('month');
    expect(sheetPeriodKind('Quý IV năm 2025')).toBe('quarter');
    expect(sheetPeriodKind('Tuần 02 tháng 11')).toBe('week');
    expect(sheetPeriodKind('Tỉnh, thành phố')).toBeNull();
    expect(sheetPeriodKind('Thangdiem')).toBeNull();
  });

  it('knows trend sheets', () => {
    expect(isTrendSheet('Xu hướng tháng')).toBe(true);
    expect(isTrendSheet('XU HUONG QUY')).toBe(true);
    expect(isTrendSheet('Điểm tháng')).toBe(false);
  });

  it('chooses only where exactly one sheet of a level names the period', () => {
    const two = preferPeriodSheets([s('Điểm tháng'), s('Tháng 11'), s('Điểm năm')], 'month');
    expect(two.sheets.map((x) => x.sheet)).toEqual(['Điểm tháng', 'Tháng 11', 'Điểm năm']);
    expect(two.notes).toEqual([]);
    const none = preferPeriodSheets([s('Điểm tháng'), s('Điểm năm')], 'quarter');
    expect(none.sheets).toHaveLength(2);
    const other = preferPeriodSheets([s('Điểm tháng'), s('Điểm năm'), s('Xã tháng', 'xa')], 'year');
    expect(other.sheets.map((x) => x.sheet)).toEqual(['Điểm năm', 'Xã tháng']);
    expect(other.skipped.map((k) => k.sheet)).toEqual(['Điểm tháng']);
    expect(preferPeriodSheets([s('Điểm tháng'), s('Điểm năm')], undefined).sheets).toHaveLength(2);
  });
});

describe('the same layout saved by openpyxl (absolute part names in the workbook rels)', () => {
  const SAVED = join(REPO, 'test/corpus/files/k02-an-giang-openpyxl.xlsx');
  const args = ['--input', SAVED, '--date', '2025-12-02'];

  it('--month and --year choose by the real sheet names', async () => {
    const month = await write(['report', '--month', '11', '--year', '2025', ...args]);
    expect(month.r.stdout).toContain('dùng sheet "Điểm tháng" vì kỳ là tháng');
    expect(month.doc.text).toContain('Đắk Lắk đạt 95,92 điểm, xếp hạng 2/10 tỉnh, thành phố.');
    expect(month.r.stderr).toContain(`${SAVED}, sheet "Xu hướng quý": ${TREND}`);
    const year = await write(['report', '--year', '2025', ...args]);
    expect(year.r.stdout).toContain('dùng sheet "Điểm năm" vì kỳ là năm');
    expect(year.doc.text).toContain('Đắk Lắk đạt 83,84 điểm, xếp hạng 6/10 tỉnh, thành phố.');
    expect(`${month.r.stdout}${month.r.stderr}${year.r.stdout}${year.r.stderr}`).not.toMatch(/Sheet\d/);
  });
});

