/**
 * The one interpreter of score tables: a Grid (from any reader) → ScoreSheets, one per level found
 * in it, with every cell problem collected (shared/spec/inputs.md §2–§4). Pure: no I/O.
 *
 * A sheet holds one or more tables (side by side, or one under another with its own header). Each
 * row of a table is classified (classifyRow), given its level (resolveLevel), read (readUnit) and
 * added once per level (addUnit).
 */
import type { Config } from '../../config/schema.js';
import type { CellProblem } from '../../core/errors.js';
import { formatExact } from '../../core/format-vi.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import { levelFromText } from '../../core/levels.js';
import { foldVietnamese, nameKey, normalizeName, unitKind } from '../../core/names.js';
import {
  GROUP_KEYS,
  type GroupKey,
  type Level,
  type Origin,
  type ScoreSheet,
  type SheetUnit,
  type SkippedRow,
  type Warning,
} from '../../core/types.js';
import { NOTE_PREFIXES, SECTION_PHRASES } from '../../core/vocabulary.js';
import { cellText, columnLetter, GridIndex, isEmptyValue, rowText, type CellValue, type Grid } from './grid.js';
import { findHeader, headerAt, HEADER_SEARCH_ROWS, sameColumns, splitSideBySide, type Header, type HeaderColumn } from './header.js';
import { findRateColumns, readRank, readRowFigures, type RowFigures } from './score-cells.js';
import { isSummaryLabel, rawFigures, RunningFigures } from './summary-rows.js';
import { findTitleDate, type TitleDate } from './title-date.js';
import { parseScore } from './values.js';

export interface InterpretOptions {
  /** File name used in origins and messages. */
  file: string;
  config: Config;
  /** Level forced by `--sheet NAME=LEVEL`: every unit of the sheet gets it. */
  level?: Level;
}

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

const ROMAN_LEAD = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)(?:[.)\s-]|$)/i;
const COLUMN_NUMBER = /^\(?\s*\d{1,3}\s*\)?$/;
const NOTE_ROW = new RegExp(`^(?:${NOTE_PREFIXES.join('|')}|ngay \\d)(?: |$)`);
/** U+FFFD: what a decoder writes for bytes that are not text in its encoding. */
const REPLACEMENT = '\ufffd';

function isSectionPhrase(folded: string): boolean {
  const f = ` ${folded} `;
  return SECTION_PHRASES.some((p) => f.includes(` ${p} `));
}

/** What a row of a table is. */
type RowKind =
  | { kind: 'blank' }
  | { kind: 'header'; header: Header }
  | { kind: 'summary'; label: string }
  | { kind: 'skip' }
  | { kind: 'section'; text: string; numbered: boolean }
  | { kind: 'nameless' }
  | { kind: 'unit'; name: string };

/** One table of a sheet while it is read. */
interface Table {
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
class Reading {
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

function newTable(r: Reading, header: Header, sectionLevel: Level | null): Table {
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
function checkDecoded(r: Reading, row: number, col: number, text: string, what: string): boolean {
  if (!text.includes(REPLACEMENT)) return true;
  r.problem(
    row,
    col,
    `${what} "${text.trim()}" có ký tự lỗi "${REPLACEMENT}": tệp bị hỏng hoặc được lưu sai bảng mã (không phải UTF-8); ` +
      'hãy tải lại tệp, hoặc mở tệp gốc bằng Excel và lưu lại dưới dạng .xlsx',
  );
  return false;
}

function checkHeaderLabels(r: Reading, header: Header): void {
  for (let row = header.top; row <= header.bottom; row++) {
    const cells = r.index.rowCells(row) ?? [];
    for (let col = header.left; col <= Math.min(header.right, cells.length); col++) {
      checkDecoded(r, row, col, cellText(cells[col - 1]), 'nhãn cột');
    }
  }
}

/** A row with no number and at least two labels may start a table or repeat its header. */
function mayBeHeader(cells: CellValue[]): boolean {
  let labels = 0;
  for (const v of cells) {
    if (isEmptyValue(v)) continue;
    if (parseScore(v).ok) return false;
    labels++;
  }
  return labels >= 2;
}

function classifyRow(r: Reading, t: Table, row: number, cells: CellValue[], inTable: CellValue[]): RowKind {
  if (inTable.every((v) => isEmptyValue(v))) return { kind: 'blank' };
  if (mayBeHeader(inTable)) {
    const header = headerAt(r.index, row, t.header.left, t.header.right);
    if (header) return { kind: 'header', header };
  }
  const nameCol = t.nameCol.col;
  const name = normalizeName(cellText(cells[nameCol - 1]));
  const folded = foldVietnamese(name);
  if (name !== '' && isSummaryLabel(name) && !isSectionRowWithoutScores(t, cells, name)) return { kind: 'summary', label: name };
  // A summary label before the name column: "Tổng cộng" in the STT column.
  const before = rowText(cells.slice(t.header.left - 1, nameCol - 1));
  if (name === '' && before !== '' && isSummaryLabel(before)) return { kind: 'summary', label: before };
  // A row of column numbers "(1) (2) (3)" under the header.
  if (!t.seenUnit && COLUMN_NUMBER.test(name)) return { kind: 'skip' };
  if (t.scoreCols.every((c) => isEmptyValue(cells[c.col - 1]))) {
    if (NOTE_ROW.test(folded) || /^[(*]/.test(name)) return { kind: 'skip' };
    const text = rowText(inTable);
    const numbered = ROMAN_LEAD.test(text);
    if (name === '' || numbered || isSectionPhrase(folded)) return { kind: 'section', text, numbered };
  }
  if (name === '') return { kind: 'nameless' };
  return { kind: 'unit', name };
}

/** "Cấp xã" alone with no figures heads a section; with figures it sums the level up. */
function isSectionRowWithoutScores(t: Table, cells: CellValue[], name: string): boolean {
  return isSectionPhrase(foldVietnamese(name)) && t.scoreCols.every((c) => isEmptyValue(cells[c.col - 1]));
}

/** The level of a unit row: --sheet, level column, section row, sheet name, unit name. */
function resolveLevel(r: Reading, t: Table, row: number, cells: CellValue[], name: string): Level | null | 'bad' {
  if (r.opts.level) return r.opts.level;
  const levelCol = t.header.columns.level;
  const code = levelCol ? cells[levelCol.col - 1] : null;
  if (levelCol && !isEmptyValue(code)) {
    const level = levelFromText(cellText(code), 'code');
    if (!level) {
      r.problem(
        row,
        levelCol.col,
        `giá trị cấp "${cellText(code)}" không rõ; cần 1 (tỉnh), 2 (sở, ban, ngành), 3 (xã, phường), 4 (huyện) hoặc tên cấp`,
      );
      return 'bad';
    }
    return level;
  }
  return t.sectionLevel ?? r.sheetLevel ?? levelFromText(name, 'unit');
}

/**
 * A row whose name is not a unit of the table's level: the province's own line under its communes
 * ("Tỉnh Đắk Lắk"), or a row with no unit prefix whose figures are the mean or sum of the units
 * above it. Returns the reason to skip it, or null for a unit.
 */
function notAUnit(r: Reading, t: Table, cells: CellValue[], name: string, level: Level): string | null {
  if (level === 'tinh') return null;
  const kind = unitKind(name);
  if (kind !== 'tinh' && kind !== 'other') return null;
  const isProvince = kind === 'tinh' || nameKey(name) === r.provinceKey;
  const figures = rawFigures(cells, t.groupCols, t.header.columns.total, t.rateCols);
  const summary = figures ? (t.running.get(level)?.summaryOf(figures) ?? null) : null;
  const what = LEVEL_WORDING[level].short;
  if (summary) {
    return `số liệu bằng ${summary === 'mean' ? 'trung bình' : 'tổng'} các đơn vị phía trên: dòng tổng hợp, không phải một ${what}`;
  }
  return isProvince ? `dòng của tỉnh trong bảng ${what}, không phải một ${what}` : null;
}

function readUnit(r: Reading, t: Table, row: number, cells: CellValue[]): RowFigures | null {
  const figures = readRowFigures(row, cells, t.groupCols, t.header.columns.total, t.rateCols, r.opts.config, (rw, c, m) =>
    r.problem(rw, c, m),
  );
  if (figures === null) return null;
  const { config } = r.opts;
  if (figures.present > 0 && figures.missing.length > 0) {
    const list = figures.missing
      .map((c) => `"${config.groups[c.field as GroupKey].label}" (cột ${columnLetter(c.col)})`)
      .join(', ');
    r.problem(
      row,
      figures.missing[0]!.col,
      `thiếu điểm nhóm ${list} trong khi các nhóm khác có điểm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu`,
    );
    return null;
  }
  if (figures.present === 0 && t.groupCols.length > 0 && figures.totalPresent) {
    r.problem(
      row,
      t.groupCols[0]!.col,
      'có tổng điểm nhưng thiếu điểm các nhóm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu',
    );
    return null;
  }
  return figures;
}

function sameFigures(a: SheetUnit, b: SheetUnit): boolean {
  if (a.total !== b.total) return false;
  const ka = Object.keys(a.values) as GroupKey[];
  const kb = Object.keys(b.values) as GroupKey[];
  if (ka.length !== kb.length) return false;
  return ka.every((k) => {
    const x = a.values[k];
    const y = b.values[k];
    return x !== undefined && y !== undefined && x.value === y.value && x.kind === y.kind;
  });
}

/** Adds a unit once per level: an identical second row is a warning, a different one an error. */
function addUnit(r: Reading, t: Table, unit: SheetUnit): void {
  const key = `${unit.level}|${nameKey(unit.name)}`;
  const prev = r.keys.get(key);
  const row = unit.origin.row;
  if (prev) {
    if (sameFigures(prev, unit)) {
      r.warnings.push({
        message: `đơn vị "${unit.name}" có hai dòng cùng số liệu (dòng ${prev.origin.row} và ${row}); dùng dòng ${prev.origin.row}`,
        origin: unit.origin,
      });
    } else {
      r.problem(
        row,
        t.nameCol.col,
        `đơn vị "${unit.name}" trùng với dòng ${prev.origin.row} (cùng ${LEVEL_WORDING[unit.level].short}) nhưng số liệu khác; cần mỗi đơn vị một dòng`,
      );
    }
    return;
  }
  r.keys.set(key, unit);
  let list = r.byLevel.get(unit.level);
  if (!list) r.byLevel.set(unit.level, (list = []));
  list.push(unit);
  let running = t.running.get(unit.level);
  if (!running) t.running.set(unit.level, (running = new RunningFigures()));
  running.add(unit);
  const groups = r.groupsOf.get(unit.level) ?? new Set<GroupKey>();
  for (const c of t.groupCols) groups.add(c.field as GroupKey);
  r.groupsOf.set(unit.level, groups);
}

/** Rates written as fractions (0,975 for 97,5 %): when every plain rate of a table is ≤ 1. */
function scaleFractionRates(r: Reading, t: Table): void {
  const rates = t.plainRates;
  if (rates.length === 0 || rates.some((x) => x.value.value > 1) || rates.every((x) => x.value.value === 0)) return;
  for (const x of rates) x.value.value = Math.round(x.value.value * 100 * 1e6) / 1e6;
  const cols = t.groupCols.filter((c) => t.rateCols.has(c.col)).map((c) => columnLetter(c.col));
  const example = rates.find((x) => x.value.value > 0)!;
  r.warnings.push({
    message:
      `mọi tỷ lệ ở cột ${cols.join(', ')} đều không quá 1 (ví dụ ${formatExact(example.value.value / 100)}): ` +
      `đã hiểu là phân số và nhân 100 (${formatExact(example.value.value)}%); nếu không đúng, hãy sửa tệp để ghi tỷ lệ từ 0 đến 100`,
    origin: { ...example.origin },
  });
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

function readUnitRow(r: Reading, t: Table, row: number, cells: CellValue[], name: string): void {
  if (!checkDecoded(r, row, t.nameCol.col, name, 'tên đơn vị')) return;
  t.seenUnit = true;
  const level = resolveLevel(r, t, row, cells, name);
  if (level === 'bad') return;
  if (level) {
    const reason = notAUnit(r, t, cells, name, level);
    if (reason) {
      r.skipRow(row, name, reason);
      r.warnings.push({ message: `bỏ qua dòng "${name}": ${reason}`, origin: r.origin(row, t.nameCol.col) });
      return;
    }
  }
  const figures = readUnit(r, t, row, cells);
  if (figures === null) return;
  if (!level) {
    r.unresolved.push({ row, col: t.nameCol.col, name });
    return;
  }
  const cols = t.header.columns;
  const unit: SheetUnit = { name, level, values: figures.values, origin: r.origin(row, t.nameCol.col) };
  const code = cellText(cols.code ? cells[cols.code.col - 1] : null).trim();
  if (code !== '') unit.code = code;
  if (figures.total !== undefined) unit.total = figures.total;
  const rankCell = cols.rank ? (cells[cols.rank.col - 1] ?? null) : null;
  const rank = readRank(rankCell);
  if (rank !== undefined) unit.publishedRank = rank;
  else if (cols.rank && !isEmptyValue(rankCell)) {
    r.warnings.push({
      message: `thứ hạng "${cellText(rankCell)}" không phải số nguyên dương; bỏ qua`,
      origin: r.origin(row, cols.rank.col),
    });
  }
  const before = r.keys.size;
  addUnit(r, t, unit);
  if (r.keys.size > before) {
    for (const v of figures.plainRates) t.plainRates.push({ value: v.value, origin: r.origin(row, v.col) });
  }
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
