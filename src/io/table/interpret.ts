/**
 * The one interpreter of score tables: a Grid (from any reader) → ScoreSheets, one per level found
 * in it, with every cell problem collected (shared/spec/inputs.md §2–§4). Pure: no I/O.
 *
 * A sheet holds one or more tables (side by side, or one under another with its own header). Each
 * row of a table is classified (row-kind.ts), then a unit row is given its level, read and added
 * once per level (unit-row.ts); reading.ts holds the state the steps share.
 */
import type { CellProblem } from '../../core/errors.js';
import { levelFromText } from '../../core/levels.js';
import { GROUP_KEYS, type ScoreSheet, type SkippedRow, type Warning } from '../../core/types.js';
import { cellText, columnLetter, GridIndex, type Grid } from './grid.js';
import { findHeader, HEADER_SEARCH_ROWS, sameColumns, splitSideBySide, type Header } from './header.js';
import { checkDecoded, checkHeaderLabels, newTable, Reading, type InterpretOptions, type Table } from './reading.js';
import { classifyRow } from './row-kind.js';
import { findTitleDate, type TitleDate } from './title-date.js';
import { readUnitRow, scaleFractionRates } from './unit-row.js';
import { parseScore } from './values.js';

export type { InterpretOptions } from './reading.js';

export interface InterpretResult {
  /** One sheet per level found, in the order the levels first appear. Empty when skipped. */
  sheets: ScoreSheet[];
  /** Why the grid was not read as a score table, or null. */
  skipped: string | null;
  /** Data date in the title rows above the header: none, one, or several that disagree. */
  titleDate: TitleDate;
  /** Rows inside a table that are not units (totals, averages, repeated headers). */
  skippedRows: SkippedRow[];
  problems: CellProblem[];
  warnings: Warning[];
}

function readTable(r: Reading, first: Header, rowsFrom: number): void {
  let t = newTable(r, first, null);
  checkHeaderLabels(r, first);
  const tables: Table[] = [t];
  let skipUntil = first.bottom;
  for (const { row, cells } of r.grid.rows) {
    if (row <= skipUntil || row < rowsFrom) continue;
    const inTable = cells.slice(t.header.left - 1, t.header.right);
    const c = classifyRow(r, t, row, cells, inTable);
    switch (c.kind) {
      case 'blank':
      case 'skip':
        continue;
      case 'header':
        skipUntil = c.header.bottom;
        if (sameColumns(c.header, t.header)) {
          r.skipRow(row, cellText(cells[t.nameCol.col - 1]).trim(), 'dòng tiêu đề lặp lại (đầu trang in)');
        } else {
          // A new table under the first one, with its own columns; its level from sections above it.
          t = newTable(r, c.header, t.sectionLevel);
          checkHeaderLabels(r, c.header);
          tables.push(t);
        }
        continue;
      case 'summary':
        r.skipRow(row, c.label, 'dòng tổng hợp (tổng, trung bình), không phải đơn vị');
        continue;
      case 'section': {
        if (!checkDecoded(r, row, t.header.left, c.text, 'dòng mục')) continue;
        const level = levelFromText(c.text, 'section');
        // A numbered section of no known level ("II. Văn phòng đăng ký đất đai") ends the previous one.
        if (level || c.numbered) t.sectionLevel = level;
        continue;
      }
      case 'nameless':
        // Values with no name: before the first unit, a row of maxima under the header; after, an error.
        if (t.seenUnit) r.problem(row, t.nameCol.col, 'dòng có điểm nhưng thiếu tên đơn vị; cần tên đơn vị');
        continue;
      case 'unit':
        readUnitRow(r, t, row, cells, c.name);
    }
  }
  for (const table of tables) scaleFractionRates(r, table);
}

/** Why a sheet with no header was passed over, saying what it holds that looks like scores. */
function noHeaderReason(index: GridIndex): string {
  const base = `không tìm thấy dòng tiêu đề (cột tên đơn vị và cột điểm) trong ${HEADER_SEARCH_ROWS} dòng đầu`;
  const later = findHeader(index, HEADER_SEARCH_ROWS * 10);
  if (later) return `${base}; có dòng tiêu đề ở dòng ${later.top}, quá xa: hãy xóa bớt các dòng phía trên để tiêu đề nằm trong ${HEADER_SEARCH_ROWS} dòng đầu`;
  let numbers = 0;
  let firstRow = 0;
  let minCol = Infinity;
  let maxCol = 0;
  for (const { row, cells } of index.grid.rows) {
    cells.forEach((v, i) => {
      if (typeof v === 'number' || (typeof v === 'string' && parseScore(v).ok && v.trim() !== '')) {
        numbers++;
        firstRow ||= row;
        minCol = Math.min(minCol, i + 1);
        maxCol = Math.max(maxCol, i + 1);
      }
    });
  }
  if (numbers < 10) return base;
  return (
    `${base}; sheet có ${numbers} ô số từ dòng ${firstRow} (cột ${columnLetter(minCol)}–${columnLetter(maxCol)}) ` +
    'giống bảng điểm nhưng không có dòng tiêu đề nhận ra được (cần cột "Tên đơn vị" và cột điểm nhóm hoặc "Tổng điểm")'
  );
}

export function interpretGrid(grid: Grid, opts: InterpretOptions): InterpretResult {
  const r = new Reading(grid, opts);
  const header = findHeader(r.index);
  if (!header) {
    return {
      sheets: [],
      skipped: noHeaderReason(r.index),
      titleDate: findTitleDate(r.index, HEADER_SEARCH_ROWS + 1),
      skippedRows: [],
      problems: r.problems,
      warnings: r.warnings,
    };
  }
  for (const table of splitSideBySide(r.index, header)) readTable(r, table, header.bottom + 1);

  if (r.unresolved.length > 0) {
    const first = r.unresolved[0]!;
    r.problems.push({
      origin: r.origin(first.row, first.col),
      message:
        `không xác định được cấp của ${r.unresolved.length} đơn vị (ví dụ "${first.name}"); ` +
        `cần cột cấp, dòng mục ("I. Sở, ban, ngành"), tên sheet theo cấp, hoặc chỉ định --sheet "${grid.name}=CẤP" ` +
        '(CẤP: tinh, so, huyen, xa)',
    });
  }
  const sheets: ScoreSheet[] = [...r.byLevel].map(([level, units]) => ({
    file: opts.file,
    sheet: grid.name,
    level,
    groups: GROUP_KEYS.filter((k) => r.groupsOf.get(level)!.has(k)),
    units,
  }));
  const skipped =
    sheets.length === 0 && r.problems.length === 0
      ? `có dòng tiêu đề (dòng ${header.top}) nhưng không có dòng đơn vị nào`
      : null;
  return { sheets, skipped, titleDate: findTitleDate(r.index, header.top), skippedRows: r.skippedRows, problems: r.problems, warnings: r.warnings };
}
