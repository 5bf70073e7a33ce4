/**
 * The data date a sheet's title rows give ("Số liệu tính đến ngày 14/11/2025"), found above the
 * header of its score table: none, one (with the row that gave it), or several that disagree.
 */
import { titleDatesFromText } from './dates.js';
import { GridIndex, rowText, type Grid } from './grid.js';
import { findHeader } from './header.js';

/** One data date in a title row: the ISO date, the 1-based row and the row's text. */
export interface TitleDateCandidate {
  date: string;
  row: number;
  text: string;
}

export type TitleDate =
  | { kind: 'none' }
  | ({ kind: 'one' } & TitleDateCandidate)
  /** Two or more different dates, each with the first row giving it: the date cannot be chosen. */
  | { kind: 'ambiguous'; candidates: TitleDateCandidate[] };

export const NO_TITLE_DATE: TitleDate = { kind: 'none' };

/** Title date in the rows above `beforeRow` (the header, or the first rows when there is none). */
export function findTitleDate(index: GridIndex, beforeRow: number): TitleDate {
  const candidates: TitleDateCandidate[] = [];
  for (const r of index.grid.rows) {
    if (r.row >= beforeRow) break;
    const text = rowText(r.cells);
    for (const date of titleDatesFromText(text)) {
      if (!candidates.some((c) => c.date === date)) candidates.push({ date, row: r.row, text });
    }
  }
  if (candidates.length === 0) return NO_TITLE_DATE;
  if (candidates.length === 1) return { kind: 'one', ...candidates[0]! };
  return { kind: 'ambiguous', candidates };
}

/**
 * The title date of a grid alone, values not read: above its header. A grid without a header is
 * not a score table and, as when reading, gives no date.
 */
export function gridTitleDate(grid: Grid): TitleDate {
  const index = new GridIndex(grid);
  const header = findHeader(index);
  return header ? findTitleDate(index, header.top) : NO_TITLE_DATE;
}
