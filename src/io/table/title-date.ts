/**
 * The data date a sheet's title rows give ("Số liệu tính đến ngày 14/11/2025"), found above the
 * header of its score table.
 */
import { titleDateFromText } from './dates.js';
import { GridIndex, rowText, type Grid } from './grid.js';
import { findHeader, HEADER_SEARCH_ROWS } from './header.js';

/** Title date in the rows above `beforeRow` (the header, or the first rows when there is none). */
export function findTitleDate(index: GridIndex, beforeRow: number): string | null {
  for (const r of index.grid.rows) {
    if (r.row >= beforeRow) break;
    const d = titleDateFromText(rowText(r.cells));
    if (d) return d;
  }
  return null;
}

/** The title date of a grid alone (above its header, or in the first rows), values not read. */
export function gridTitleDate(grid: Grid): string | null {
  const index = new GridIndex(grid);
  const header = findHeader(index);
  return findTitleDate(index, header ? header.top : HEADER_SEARCH_ROWS + 1);
}
