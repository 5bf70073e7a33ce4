/**
 * The state of one grid being interpreted (src/io/table/interpret.ts), shared by its steps: the
 * tables found, the units added per level, the problems, warnings and skipped rows collected.
 */
import type { Config } from '../../config/schema.js';
import type { CellProblem } from '../../core/errors.js';
import { levelFromText } from '../../core/levels.js';
import { nameKey } from '../../core/names.js';
import { GROUP_KEYS, type GroupKey, type Level, type Origin, type SheetUnit, type SkippedRow, type Warning } from '../../core/types.js';
import { cellText, columnLetter, GridIndex, type Grid } from './grid.js';
import type { Header, HeaderColumn } from './header.js';
import { findRateColumns } from './score-cells.js';
import type { RunningFigures } from './summary-rows.js';

export interface InterpretOptions {
  /** File name used in origins and messages. */
  file: string;
  config: Config;
  /** Level forced by `--sheet NAME=LEVEL`: every unit of the sheet gets it. */
  level?: Level;
}

/** U+FFFD: what a decoder writes for bytes that are not text in its encoding. */
const REPLACEMENT = '\ufffd';

/** One table of a sheet while it is read. */
export interface Table {
  header: Header;
  nameCol: HeaderColumn;
  groupCols: HeaderColumn[];
  scoreCols: HeaderColumn[];
  rateCols: Set<number>;
  /** Level set by the latest section row. */
  sectionLevel: Level | null;
  seenUnit: boolean;
  /** Figures of the units read so far in this table, per level: what a summary row sums up. */
  running: Map<Level, RunningFigures>;
  /** Plain-number rates of this table: read as fractions when every one is ≤ 1. */
  plainRates: Array<{ value: { value: number }; origin: Origin }>;
}

/** A grid being read: what every step adds to. */
export class Reading {
  readonly index: GridIndex;
  readonly problems: CellProblem[] = [];
  readonly warnings: Warning[] = [];
  readonly skippedRows: SkippedRow[] = [];
  readonly byLevel = new Map<Level, SheetUnit[]>();
  /** Group columns of the tables that gave each level its units. */
  readonly groupsOf = new Map<Level, Set<GroupKey>>();
  readonly keys = new Map<string, SheetUnit>();
  readonly unresolved: Array<{ row: number; col: number; name: string }> = [];
  readonly sheetLevel: Level | null;
  readonly provinceKey: string;

  constructor(
    readonly grid: Grid,
    readonly opts: InterpretOptions,
  ) {
    this.index = new GridIndex(grid);
    this.sheetLevel = opts.level ?? levelFromText(grid.name, 'sheet');
    this.provinceKey = nameKey(opts.config.province.name);
  }

  origin(row: number, col?: number): Origin {
    const { file } = this.opts;
    return col === undefined
      ? { file, sheet: this.grid.name, row }
      : { file, sheet: this.grid.name, row, column: columnLetter(col) };
  }

  problem(row: number, col: number, message: string): void {
    this.problems.push({ origin: this.origin(row, col), message });
  }

  skipRow(row: number, label: string, reason: string): void {
    this.skippedRows.push({ file: this.opts.file, sheet: this.grid.name, row, label, reason });
  }
}

export function newTable(r: Reading, header: Header, sectionLevel: Level | null): Table {
  const cols = header.columns;
  const groupCols = GROUP_KEYS.map((k) => cols[k]).filter((c): c is HeaderColumn => c !== undefined);
  return {
    header,
    nameCol: cols.name!,
    groupCols,
    scoreCols: [...groupCols, ...(cols.total ? [cols.total] : [])],
    rateCols: findRateColumns(r.index, header, groupCols),
    sectionLevel,
    seenUnit: false,
    running: new Map(),
    plainRates: [],
  };
}

/** Damaged text: a name or label holding U+FFFD is refused, never printed. */
export function checkDecoded(r: Reading, row: number, col: number, text: string, what: string): boolean {
  if (!text.includes(REPLACEMENT)) return true;
  r.problem(
    row,
    col,
    `${what} "${text.trim()}" có ký tự lỗi "${REPLACEMENT}": tệp bị hỏng hoặc được lưu sai bảng mã (không phải UTF-8); ` +
      'hãy tải lại tệp, hoặc mở tệp gốc bằng Excel và lưu lại dưới dạng .xlsx',
  );
  return false;
}

export function checkHeaderLabels(r: Reading, header: Header): void {
  for (let row = header.top; row <= header.bottom; row++) {
    const cells = r.index.rowCells(row) ?? [];
    for (let col = header.left; col <= Math.min(header.right, cells.length); col++) {
      checkDecoded(r, row, col, cellText(cells[col - 1]), 'nhãn cột');
    }
  }
}
