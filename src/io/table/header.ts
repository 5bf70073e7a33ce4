/**
 * Find the header of a score table in the first 30 rows (shared/spec/inputs.md §2): a row with a
 * unit-name column and at least one group or total column, possibly two rows with merged cells
 * combined per column.
 */
import { matchLabel, isGroupField, type Field } from './columns.js';
import { cellText, isEmptyValue, type GridIndex } from './grid.js';
import { parseScore } from './values.js';

export const HEADER_SEARCH_ROWS = 30;

export interface HeaderColumn {
  /** 1-based column number. */
  col: number;
  field: Field;
  /** The label says rates. */
  rate: boolean;
  label: string;
}

export interface Header {
  /** First and last header rows (equal for a one-row header). */
  top: number;
  bottom: number;
  /** One column per recognised field. */
  columns: Partial<Record<Field, HeaderColumn>>;
}

function rowWidth(index: GridIndex, rows: number[]): number {
  let w = 0;
  for (const r of rows) w = Math.max(w, index.width(r));
  for (const m of index.grid.merges) {
    if (rows.some((r) => r >= m.top && r <= m.bottom)) w = Math.max(w, m.right);
  }
  return w;
}

function labelAt(index: GridIndex, row: number, col: number): string {
  return cellText(index.filled(row, col)).trim();
}

/** The nearest non-blank label to the left on a header row (blank cells in between). */
function headingLeftOf(index: GridIndex, row: number, col: number): string {
  for (let c = col - 1; c >= 1; c--) {
    const t = labelAt(index, row, c);
    if (t !== '') return t;
  }
  return '';
}

function addColumn(columns: Partial<Record<Field, HeaderColumn>>, c: HeaderColumn): void {
  const prev = columns[c.field];
  // First column wins; for a group given both as rates and as points, the points column wins.
  if (!prev || (isGroupField(c.field) && prev.rate && !c.rate)) columns[c.field] = c;
}

/** Map the columns of a one-row (rows = [r]) or two-row (rows = [r, r + 1]) header. */
function mapColumns(index: GridIndex, rows: number[]): Partial<Record<Field, HeaderColumn>> {
  const columns: Partial<Record<Field, HeaderColumn>> = {};
  const width = rowWidth(index, rows);
  for (let col = 1; col <= width; col++) {
    if (rows.length === 1) {
      const label = labelAt(index, rows[0]!, col);
      const m = matchLabel(label);
      if (m) addColumn(columns, { col, field: m.field, rate: m.rate, label });
      continue;
    }
    const top = labelAt(index, rows[0]!, col);
    const bottom = labelAt(index, rows[1]!, col);
    const mb = bottom === '' ? null : matchLabel(bottom);
    if (mb) {
      // A heading above the group columns may say they are rates: "Tỷ lệ đạt được (%)". Without a
      // merge, the heading sits in the first column it covers and blank cells follow it.
      const heading = top !== '' ? top : headingLeftOf(index, rows[0]!, col);
      const topRate = heading !== bottom && matchLabel(heading) === null && /%|ty le|tỷ lệ|tỉ lệ/i.test(heading);
      addColumn(columns, { col, field: mb.field, rate: mb.rate || topRate, label: bottom });
      continue;
    }
    // A label on the top row only, the cell below it blank ("Tổng điểm" not merged down).
    const mt = top === '' || bottom !== '' ? null : matchLabel(top);
    if (mt) addColumn(columns, { col, field: mt.field, rate: mt.rate, label: top });
  }
  return columns;
}

function isValid(columns: Partial<Record<Field, HeaderColumn>>): boolean {
  if (!columns.name) return false;
  return Object.keys(columns).some((f) => f === 'total' || isGroupField(f as Field));
}

function scoreColumnCount(columns: Partial<Record<Field, HeaderColumn>>): number {
  return Object.keys(columns).filter((f) => f === 'total' || isGroupField(f as Field)).length;
}

/** A row that holds numbers is data, not the second row of a header. */
function looksLikeData(index: GridIndex, row: number): boolean {
  const cells = index.rowCells(row) ?? [];
  let numbers = 0;
  for (const v of cells) {
    if (isEmptyValue(v)) continue;
    if (parseScore(v).ok) numbers++;
  }
  return numbers >= 2;
}

export function findHeader(index: GridIndex): Header | null {
  const last = Math.min(HEADER_SEARCH_ROWS, index.lastRow);
  for (let r = 1; r <= last; r++) {
    if (!index.rowCells(r) && !index.grid.merges.some((m) => r >= m.top && r <= m.bottom)) continue;
    const single = mapColumns(index, [r]);
    const singleValid = isValid(single);
    if (r + 1 <= index.lastRow && !looksLikeData(index, r + 1)) {
      const two = mapColumns(index, [r, r + 1]);
      if (isValid(two)) {
        // Two rows when they say more than the top row alone, and the top row is not just a title
        // above a one-row header (then the next row alone says as much).
        const next = mapColumns(index, [r + 1]);
        const useTwo = singleValid
          ? scoreColumnCount(two) > scoreColumnCount(single)
          : !isValid(next) || fieldCount(two) > fieldCount(next);
        if (useTwo) return { top: r, bottom: r + 1, columns: two };
      }
    }
    if (singleValid) return { top: r, bottom: r, columns: single };
  }
  return null;
}

function fieldCount(columns: Partial<Record<Field, HeaderColumn>>): number {
  return Object.keys(columns).length;
}
