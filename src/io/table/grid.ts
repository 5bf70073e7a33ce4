/**
 * The format-neutral table every reader produces (xlsx, HTML table, CSV) and the interpreter reads.
 */

/**
 * A cell value as read. Numbers stay numbers; everything else is text: error cells keep their code
 * ("#DIV/0!"), a formula without a cached result is "=SUM(C8:G8)", dates are "d/m/yyyy".
 */
export type CellValue = string | number | null;

export interface GridRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** cells[0] is column A. Trailing empty cells may be missing. */
  cells: CellValue[];
}

/** A merged range, 1-based and inclusive. The value sits in the top-left cell only. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name (file base name for a CSV, "<base> (bảng N)" for extra HTML tables). */
  name: string;
  /** Non-empty rows in ascending row order. */
  rows: GridRow[];
  merges: MergeRange[];
}

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number of a column letter: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function isEmptyValue(v: CellValue | undefined): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell's text for labels and names (numbers printed plainly). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : v;
}

/** Random access to a grid's cells, with merged ranges optionally filled from their top-left cell. */
export class GridIndex {
  private readonly byRow = new Map<number, CellValue[]>();
  private readonly mergeOf = new Map<string, MergeRange>();

  constructor(readonly grid: Grid) {
    for (const r of grid.rows) this.byRow.set(r.row, r.cells);
    for (const m of grid.merges) {
      // Index merged cells only near the top (headers, titles) and for small ranges: data rows
      // rarely carry merges and the map must stay small for big sheets.
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells > 10_000) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(`${r}:${c}`, m);
      }
    }
  }

  get lastRow(): number {
    const rows = this.grid.rows;
    return rows.length === 0 ? 0 : rows[rows.length - 1]!.row;
  }

  rowCells(row: number): CellValue[] | undefined {
    return this.byRow.get(row);
  }

  /** Raw value of a cell (null inside a merged range except its top-left cell). */
  value(row: number, col: number): CellValue {
    return this.byRow.get(row)?.[col - 1] ?? null;
  }

  /** Value with merged ranges filled: every cell of a range reads the top-left value. */
  filled(row: number, col: number): CellValue {
    const m = this.mergeOf.get(`${row}:${col}`);
    if (m) return this.value(m.top, m.left);
    return this.value(row, col);
  }

  merge(row: number, col: number): MergeRange | undefined {
    return this.mergeOf.get(`${row}:${col}`);
  }

  width(row: number): number {
    return this.byRow.get(row)?.length ?? 0;
  }
}

/** Text of the non-empty cells of a row, joined by spaces (section rows, titles). */
export function rowText(cells: CellValue[] | undefined): string {
  if (!cells) return '';
  return cells
    .filter((v) => !isEmptyValue(v))
    .map((v) => cellText(v).trim())
    .join(' ');
}
