/**
 * Data folders of several dated exports, for the reports' trend: each file as the portal gives it
 * (title with its date, provinces, agencies as points, communes), the province at a given total and
 * rank, built with the fixture builders in a temporary folder (fixtures/daklak is not touched).
 */
import { join } from 'node:path';
import { bandRows, provinceRows, rankRows, rng, SIX, splitTotal, vnTable, writeXlsx, type SheetSpec } from '../../fixtures/builders.js';
import { AGENCIES_14, COMMUNES_102, PROVINCES_34, PROVINCES_63 } from '../../fixtures/names.js';
import { formatShortDate } from '../../src/core/format-vi.js';
import { tempDir } from './cli.js';

export interface ExportSpec {
  /** ISO date of the data (title and file name). */
  date: string;
  /** Đắk Lắk's total and rank; absent: the file has no province sheet. */
  province?: { total: number; rank: number; of?: 34 | 63 };
  /** The file has the agencies' and communes' sheets (default true). */
  local?: boolean;
  /** The first commune's first group reads "9,5x": a data error that stops the reading of the file. */
  badCell?: boolean;
}

const TITLE = 'KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP';

/** Writes diem-766-DATE.xlsx for each spec into `dir` (a new temporary folder by default); returns the folder. */
export async function writeExports(specs: readonly ExportSpec[], dir = tempDir('dakindex-trend-')): Promise<string> {
  for (const spec of specs) {
    const seed = Number(spec.date.replace(/-/g, ''));
    const r = rng(seed);
    const title = [TITLE, `Số liệu tính đến ngày ${formatShortDate(spec.date)}`];
    const sheets: SheetSpec[] = [];
    if (spec.province) {
      const names = spec.province.of === 63 ? PROVINCES_63 : PROVINCES_34;
      const values = splitTotal(r, spec.province.total, SIX);
      // The other provinces around Đắk Lắk's total, room enough above and below for distinct totals.
      const range: [number, number] = [Math.max(0, spec.province.total - 25), Math.min(99.9, spec.province.total + 25)];
      const rows = provinceRows(r, names, { name: 'Đắk Lắk', values, rank: spec.province.rank }, SIX, range);
      sheets.push({ name: 'Tỉnh, thành phố', ...vnTable({ title, groups: SIX, nameLabel: 'Tỉnh/Thành phố', totalColumn: true, rankColumn: true, rows }), numFmt: '0.00' });
    }
    if (spec.local !== false) {
      const agencies = rankRows(bandRows(r, AGENCIES_14, [8, 4, 1, 1, 0], SIX));
      const communes = rankRows(bandRows(r, COMMUNES_102, [80, 18, 3, 1, 0], SIX));
      sheets.push({ name: 'Sở Ban', ...vnTable({ title, groups: SIX, nameLabel: 'Tên cơ quan', totalColumn: true, rows: agencies }), numFmt: '0.00' });
      const table = vnTable({ title, groups: SIX, totalColumn: true, rankColumn: true, suffix: ' - tỉnh Đắk Lắk', rows: communes });
      if (spec.badCell) table.rows[table.headerRow]![2] = '9,5x';
      sheets.push({ name: 'Xã Phường', ...table, numFmt: '0.00' });
    }
    await writeXlsx(join(dir, `diem-766-${spec.date}.xlsx`), sheets);
  }
  return dir;
}

/**
 * Four quarters, Quý IV năm 2025 to Quý III năm 2026, each downloaded on the 2nd day after it
 * ends: the province rising every quarter, 86,14 to 88,72 points, rank 22 to 16 of 34.
 */
export const FOUR_QUARTERS: ExportSpec[] = [
  { date: '2026-01-02', province: { total: 86.14, rank: 22 } },
  { date: '2026-04-02', province: { total: 86.9, rank: 21 } },
  { date: '2026-07-02', province: { total: 87.65, rank: 19 } },
  { date: '2026-10-02', province: { total: 88.72, rank: 16 } },
];
