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
  /** First and last columns of the table (1-based; tables may stand side by side in a sheet). */
  left: number;
  right: number;
  /** One column per recognised field. */
  columns: Columns;
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
function headingLeftOf(index: GridIndex, row: number, col: number, left: number): string {
  for (let c = col - 1; c >= left; c--) {
    const t = labelAt(index, row, c);
    if (t !== '') return t;
  }
  return '';
}

function addColumn(columns: Columns, c: HeaderColumn): void {
  const prev = columns[c.field];
  // First column wins; for a group given both as rates and as points, the points column wins.
  if (!prev || (isGroupField(c.field) && prev.rate && !c.rate)) columns[c.field] = c;
}

type Columns = Partial<Record<Field, HeaderColumn>>;

/** Map the columns left..right of a one-row (rows = [r]) or two-row (rows = [r, r + 1]) header. */
function mapColumns(index: GridIndex, rows: number[], left: number, right: number): Columns {
  const columns: Columns = {};
  const width = Math.min(right, rowWidth(index, rows));
  for (let col = left; col <= width; col++) {
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
      const heading = top !== '' ? top : headingLeftOf(index, rows[0]!, col, left);
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

function isValid(columns: Columns): boolean {
  if (!columns.name) return false;
  return Object.keys(columns).some((f) => f === 'total' || isGroupField(f as Field));
}

function scoreColumnCount(columns: Columns): number {
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

/**
 * The header whose first row is `r`, within columns left..right, or null. Two rows when they say
 * more than the top row alone, and the top row is not just a title above a one-row header.
 */
export function headerAt(index: GridIndex, r: number, left = 1, right = Number.MAX_SAFE_INTEGER): Header | null {
  if (!index.rowCells(r) && !index.grid.merges.some((m) => r >= m.top && r <= m.bottom)) return null;
  const single = mapColumns(index, [r], left, right);
  const singleValid = isValid(single);
  if (r + 1 <= index.lastRow && !looksLikeData(index, r + 1)) {
    const two = mapColumns(index, [r, r + 1], left, right);
    if (isValid(two)) {
      const next = mapColumns(index, [r + 1], left, right);
      const useTwo = singleValid
        ? scoreColumnCount(two) > scoreColumnCount(single)
        : !isValid(next) || fieldCount(two) > fieldCount(next);
      if (useTwo) return { top: r, bottom: r + 1, left, right, columns: two };
    }
  }
  return singleValid ? { top: r, bottom: r, left, right, columns: single } : null;
}

/** The first header in the first HEADER_SEARCH_ROWS rows, spanning the whole width. */
export function findHeader(index: GridIndex, lastRow = HEADER_SEARCH_ROWS): Header | null {
  const last = Math.min(lastRow, index.lastRow);
  for (let r = 1; r <= last; r++) {
    const h = headerAt(index, r);
    if (h) return h;
  }
  return null;
}

/**
 * The tables a header row starts: one, or several standing side by side (communes in A–I, agencies
 * in M–T), each beginning at its own unit-name column and holding its own score columns.
 */
export function splitSideBySide(index: GridIndex, header: Header): Header[] {
  const rows = header.bottom > header.top ? [header.top, header.bottom] : [header.top];
  const nameCols: number[] = [];
  const width = rowWidth(index, rows);
  for (let col = header.left; col <= Math.min(header.right, width); col++) {
    if (rows.some((r) => matchLabel(labelAt(index, r, col))?.field === 'name')) {
      if (nameCols.at(-1) !== col - 1) nameCols.push(col);
    }
  }
  if (nameCols.length < 2) return [header];
  const tables: Header[] = [];
  for (let i = 0; i < nameCols.length; i++) {
    const left = i === 0 ? header.left : nameCols[i]!;
    const right = i + 1 < nameCols.length ? nameCols[i + 1]! - 1 : header.right;
    const columns = mapColumns(index, rows, left, right);
    if (!isValid(columns)) return [header];
    tables.push({ ...header, left, right, columns });
  }
  return tables;
}

/** Two headers name the same fields in the same columns: a header repeated on a new printed page. */
export function sameColumns(a: Header, b: Header): boolean {
  const ka = Object.keys(a.columns) as Field[];
  const kb = Object.keys(b.columns) as Field[];
  return ka.length === kb.length && ka.every((f) => a.columns[f]?.col === b.columns[f]?.col);
}

function fieldCount(columns: Columns): number {
  return Object.keys(columns).length;
}
