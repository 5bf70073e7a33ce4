import { join } from 'node:path';
import { apiTable, rng, SIX, splitTotal, writeXlsx, type FixtureCell, type ScoreRow } from '../../fixtures/builders.js';

/**
 * A data folder of weekly exports for batch tests: one small portal file (API codes, date in the
 * name) per week, written with the fixtures' real writer.
 */

const PROVINCES = ['Đắk Lắk', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng'];
const COMMUNES = ['UBND xã Ea Ly', 'UBND phường Sông Cầu', 'UBND xã Xuân Cảnh', 'UBND xã Dur Kmăl', 'UBND xã Vụ Bổn'];

/** The file name of the export of `date`: "diem-766-2025-03-07.xlsx". */
export function weekFileName(date: string): string {
  return `diem-766-${date}.xlsx`;
}

/** Every Friday from the first Monday of `year` to its last Monday (+4 days): one per week of the year. */
export function fridaysOf(year: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(year, 0, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  for (; d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 7)) {
    out.push(new Date(d.getTime() + 4 * 86400000).toISOString().slice(0, 10));
  }
  return out;
}

export interface WeekFileOptions {
  /** Another draw of scores: a corrected export of the same date. */
  variant?: number;
  /** A score cell that is not a number ("9,5x"), as in a broken export. */
  damaged?: boolean;
}

/** Writes the export of `date` in `dir`; returns its path. */
export async function writeWeekFile(dir: string, date: string, o: WeekFileOptions = {}): Promise<string> {
  const r = rng(Number(date.replace(/-/g, '')) + 7919 * (o.variant ?? 0));
  const row = (name: string, code: string, level: number): ScoreRow => ({
    name,
    code,
    level,
    values: splitTotal(r, Math.round((75 + r.next() * 24) * 100) / 100, SIX),
  });
  const rows = [...PROVINCES.map((n, i) => row(n, `H${i}`, 1)), ...COMMUNES.map((n, i) => row(n, `X${i}`, 3))];
  const table: FixtureCell[][] = apiTable(rows);
  // Row 7 (the third commune), column D (CKMB).
  if (o.damaged) table[6]![3] = '9,5x';
  const path = join(dir, weekFileName(date));
  await writeXlsx(path, [{ name: 'Du lieu', rows: table, numFmt: '0.00' }]);
  return path;
}
