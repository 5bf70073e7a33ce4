/**
 * The one interpreter of score tables: a Grid (from any reader) → ScoreSheets, one per level found
 * in it, with every cell problem collected (shared/spec/inputs.md §2–§4). Pure: no I/O.
 */
import type { Config } from '../../config/schema.js';
import type { CellProblem } from '../../core/errors.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import { TOTAL_TOLERANCE } from '../../core/scoring.js';
import { levelFromText } from '../../core/levels.js';
import { foldVietnamese, nameKey, normalizeName } from '../../core/names.js';
import {
  GROUP_KEYS,
  type GroupKey,
  type GroupValue,
  type Level,
  type Origin,
  type ScoreSheet,
  type SheetUnit,
  type Warning,
} from '../../core/types.js';
import type { Field } from './columns.js';
import { findTitleDate, type TitleDate } from './title-date.js';
import { cellText, columnLetter, GridIndex, isEmptyValue, rowText, type CellValue, type Grid } from './grid.js';
import { findHeader, HEADER_SEARCH_ROWS, type Header, type HeaderColumn } from './header.js';
import { hasPercent, parseScore } from './values.js';
import { formatExact } from '../../core/format-vi.js';

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
  problems: CellProblem[];
  warnings: Warning[];
}

const TOTAL_MAX = 100;
/** Published totals may run over 100 by the rounding of the groups, within the engine's tolerance. */
const TOTAL_LIMIT = TOTAL_MAX + TOTAL_TOLERANCE;
const EPS = 1e-9;

const TOTAL_ROW = /^(?:tong cong|cong|tong|tong so|toan tinh|trung binh chung|diem trung binh|binh quan)$/;
const ROMAN_LEAD = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)(?:[.)\s-]|$)/i;
const COLUMN_NUMBER = /^\(?\s*\d{1,3}\s*\)?$/;
/** Notes and signatures under a table, in the name column, with no scores: not units. */
const NOTE_ROW = /^(?:ghi chu|chu thich|luu y|nguon|nguoi lap|nguoi ky|xac nhan|thu truong|ngay \d|kt |tm |chanh van phong|giam doc)/;
const SECTION_PHRASES = [
  'cap xa',
  'cap huyen',
  'cap tinh',
  'so ban nganh',
  'ban nganh',
  'xa phuong',
  'phuong xa',
  'huyen thi xa',
  'tinh thanh pho',
  'co quan chuyen mon',
];

function isSectionPhrase(folded: string): boolean {
  const f = ` ${folded} `;
  return SECTION_PHRASES.some((p) => f.includes(` ${p} `));
}

interface ParsedRowValues {
  values: Partial<Record<GroupKey, GroupValue>>;
  missing: HeaderColumn[];
  present: number;
  total?: number;
  totalPresent: boolean;
}

export function interpretGrid(grid: Grid, opts: InterpretOptions): InterpretResult {
  const index = new GridIndex(grid);
  const header = findHeader(index);
  const problems: CellProblem[] = [];
  const warnings: Warning[] = [];
  if (!header) {
    return {
      sheets: [],
      skipped: `không tìm thấy dòng tiêu đề (cột tên đơn vị và cột điểm) trong ${HEADER_SEARCH_ROWS} dòng đầu`,
      titleDate: findTitleDate(index, HEADER_SEARCH_ROWS + 1),
      problems,
      warnings,
    };
  }
  const titleDate = findTitleDate(index, header.top);
  const cols = header.columns;
  const nameCol = cols.name!;
  const groupCols = GROUP_KEYS.map((k) => cols[k]).filter((c): c is HeaderColumn => c !== undefined);
  const rateCols = findRateColumns(index, header, groupCols);
  const sheetLevel = opts.level ?? levelFromText(grid.name, 'sheet');
  const { config, file } = opts;

  const origin = (row: number, col?: number): Origin =>
    col === undefined
      ? { file, sheet: grid.name, row }
      : { file, sheet: grid.name, row, column: columnLetter(col) };
  const problem = (row: number, col: number, message: string) => problems.push({ origin: origin(row, col), message });

  const scoreCols = [...groupCols, ...(cols.total ? [cols.total] : [])];
  const byLevel = new Map<Level, SheetUnit[]>();
  const keys = new Map<string, SheetUnit>();
  const unresolved: Array<{ row: number; name: string }> = [];
  let sectionLevel: Level | null = null;
  let seenUnit = false;

  for (const { row, cells } of grid.rows) {
    if (row <= header.bottom) continue;
    const at = (c: HeaderColumn | undefined): CellValue => (c ? (cells[c.col - 1] ?? null) : null);
    if (cells.every((v) => isEmptyValue(v))) continue;

    const name = normalizeName(cellText(at(nameCol)));
    const foldedName = foldVietnamese(name);
    const scoresEmpty = scoreCols.every((c) => isEmptyValue(at(c)));

    // "Tổng cộng" and similar rows, wherever their label sits before the scores.
    if (TOTAL_ROW.test(foldedName)) continue;
    if (name === '' && TOTAL_ROW.test(foldVietnamese(rowText(cells.slice(0, nameCol.col))))) continue;
    // A row of column numbers "(1) (2) (3)" under the header.
    if (!seenUnit && COLUMN_NUMBER.test(name)) continue;

    if (scoresEmpty) {
      // A section row ("I. Sở, ban, ngành"), a note, or a unit with no data.
      const text = rowText(cells);
      const numbered = ROMAN_LEAD.test(text);
      if (NOTE_ROW.test(foldedName) || /^[(*]/.test(name)) continue;
      if (name === '' || numbered || isSectionPhrase(foldedName)) {
        const level = levelFromText(text, 'section');
        // A numbered section of no known level ("II. Văn phòng đăng ký đất đai") ends the previous one.
        if (level || numbered) sectionLevel = level;
        continue;
      }
    }
    if (name === '') {
      // Values with no name: before the first unit, a row of maxima under the header; after, an error.
      if (seenUnit) problem(row, nameCol.col, 'dòng có điểm nhưng thiếu tên đơn vị; cần tên đơn vị');
      continue;
    }
    seenUnit = true;

    // Level: --sheet mapping, level column, section row, sheet name, unit name.
    let level: Level | null = opts.level ?? null;
    if (!level && cols.level && !isEmptyValue(at(cols.level))) {
      level = levelFromText(cellText(at(cols.level)), 'code');
      if (!level) {
        problem(
          row,
          cols.level.col,
          `giá trị cấp "${cellText(at(cols.level))}" không rõ; cần 1 (tỉnh), 2 (sở, ban, ngành), 3 (xã, phường), 4 (huyện) hoặc tên cấp`,
        );
        continue;
      }
    }
    level ??= sectionLevel ?? sheetLevel ?? levelFromText(name, 'unit');
    const unitOrigin = origin(row, nameCol.col);

    const parsed = parseRowValues(row, cells, groupCols, cols.total, rateCols, config, problem);
    if (parsed === null) continue;
    if (parsed.present > 0 && parsed.missing.length > 0) {
      const first = parsed.missing[0]!;
      const list = parsed.missing
        .map((c) => `"${config.groups[c.field as GroupKey].label}" (cột ${columnLetter(c.col)})`)
        .join(', ');
      problem(
        row,
        first.col,
        `thiếu điểm nhóm ${list} trong khi các nhóm khác có điểm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu`,
      );
      continue;
    }
    if (parsed.present === 0 && groupCols.length > 0 && parsed.totalPresent) {
      problem(
        row,
        groupCols[0]!.col,
        'có tổng điểm nhưng thiếu điểm các nhóm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu',
      );
      continue;
    }

    if (!level) {
      unresolved.push({ row, name });
      continue;
    }
    const unit: SheetUnit = { name, level, values: parsed.values, origin: unitOrigin };
    const code = cellText(at(cols.code)).trim();
    if (code !== '') unit.code = code;
    if (parsed.total !== undefined) unit.total = parsed.total;
    const rank = readRank(at(cols.rank));
    if (rank !== undefined) unit.publishedRank = rank;
    else if (cols.rank && !isEmptyValue(at(cols.rank))) {
      warnings.push({
        message: `thứ hạng "${cellText(at(cols.rank))}" không phải số nguyên dương; bỏ qua`,
        origin: origin(row, cols.rank.col),
      });
    }

    const key = `${level}|${nameKey(name)}`;
    const prev = keys.get(key);
    if (prev) {
      if (sameFigures(prev, unit)) {
        warnings.push({
          message: `đơn vị "${name}" có hai dòng cùng số liệu (dòng ${prev.origin.row} và ${row}); dùng dòng ${prev.origin.row}`,
          origin: unit.origin,
        });
      } else {
        problem(
          row,
          nameCol.col,
          `đơn vị "${name}" trùng với dòng ${prev.origin.row} (cùng ${LEVEL_WORDING[level].short}) nhưng số liệu khác; cần mỗi đơn vị một dòng`,
        );
      }
      continue;
    }
    keys.set(key, unit);
    let list = byLevel.get(level);
    if (!list) byLevel.set(level, (list = []));
    list.push(unit);
  }

  if (unresolved.length > 0) {
    const first = unresolved[0]!;
    problems.push({
      origin: origin(first.row, nameCol.col),
      message:
        `không xác định được cấp của ${unresolved.length} đơn vị (ví dụ "${first.name}"); ` +
        `cần cột cấp, dòng mục ("I. Sở, ban, ngành"), tên sheet theo cấp, hoặc chỉ định --sheet "${grid.name}=CẤP" ` +
        '(CẤP: tinh, so, huyen, xa)',
    });
  }

  const groups = GROUP_KEYS.filter((k) => cols[k] !== undefined);
  const sheets: ScoreSheet[] = [...byLevel].map(([level, units]) => ({
    file,
    sheet: grid.name,
    level,
    groups,
    units,
  }));
  const skipped =
    sheets.length === 0 && problems.length === 0
      ? `có dòng tiêu đề (dòng ${header.top}) nhưng không có dòng đơn vị nào`
      : null;
  return { sheets, skipped, titleDate, problems, warnings };
}

/** Group columns holding rates: said by the header, or some cell carries "%". */
/** A label that gives the column a maximum in points: "Công khai, minh bạch (18)", "... (điểm)". */
const POINTS_LABEL = /\(\s*\d+(?:[.,]\d+)?\s*(?:điểm)?\s*\)|\(\s*điểm\s*\)/iu;

function findRateColumns(index: GridIndex, header: Header, groupCols: HeaderColumn[]): Set<number> {
  const rate = new Set<number>();
  for (const c of groupCols) if (c.rate) rate.add(c.col);
  // A column the header leaves open holds rates when its cells carry "%". One whose header gives a
  // maximum in points stays points: a "%" cell there is an error (readScoreCell), never a guess.
  const open = groupCols.filter((c) => !rate.has(c.col) && !POINTS_LABEL.test(c.label));
  if (open.length === 0) return rate;
  for (const { row, cells } of index.grid.rows) {
    if (row <= header.bottom) continue;
    for (const c of open) if (hasPercent(cells[c.col - 1] ?? null)) rate.add(c.col);
  }
  return rate;
}

type ProblemSink = (row: number, col: number, message: string) => void;

function expectation(field: Field, rate: boolean, config: Config): string {
  if (field === 'total') return `cần tổng điểm từ 0 đến ${TOTAL_MAX}`;
  const g = config.groups[field as GroupKey];
  return rate
    ? `cần tỷ lệ từ 0 đến 100% (${g.label})`
    : `cần điểm từ 0 đến ${formatExact(g.max)} (${g.label})`;
}

function describeFound(v: CellValue): string {
  return typeof v === 'number' ? formatExact(v) : String(v).trim();
}

/** Parse one score cell; null (and a problem) when invalid. */
function readScoreCell(
  v: CellValue,
  row: number,
  col: HeaderColumn,
  rate: boolean,
  config: Config,
  problem: ProblemSink,
): number | null {
  const expected = expectation(col.field, rate, config);
  const found = describeFound(v);
  if (typeof v === 'string' && v.trim().startsWith('=')) {
    problem(row, col.col, `ô công thức "${found}" không có kết quả dùng được (chưa tính, hoặc tính ra lỗi); hãy mở tệp bằng Excel, sửa công thức nếu lỗi rồi lưu lại (${expected})`);
    return null;
  }
  if (typeof v === 'string' && /^#[A-Z0-9/]+[!?]?/i.test(v.trim())) {
    problem(row, col.col, `ô lỗi "${found}"; ${expected}`);
    return null;
  }
  if (!rate && col.field !== 'total' && hasPercent(v)) {
    problem(row, col.col, `tỷ lệ "${found}" trong cột điểm (tiêu đề cột ghi điểm tối đa); ${expected}`);
    return null;
  }
  const p = parseScore(v);
  if (!p.ok) {
    problem(row, col.col, `giá trị "${found}" không phải là số; ${expected}`);
    return null;
  }
  if (p.value < 0) {
    problem(row, col.col, `giá trị "${found}" là số âm; ${expected}`);
    return null;
  }
  const max = col.field === 'total' ? TOTAL_MAX : rate ? 100 : config.groups[col.field as GroupKey].max;
  if (p.value > (col.field === 'total' ? TOTAL_LIMIT : max) + EPS) {
    const what = rate ? 'vượt 100%' : col.field === 'total' ? `vượt ${TOTAL_MAX} điểm` : 'vượt điểm tối đa của nhóm';
    problem(row, col.col, `giá trị "${found}" ${what}; ${expected}`);
    return null;
  }
  return p.value;
}

function parseRowValues(
  row: number,
  cells: CellValue[],
  groupCols: HeaderColumn[],
  totalCol: HeaderColumn | undefined,
  rateCols: Set<number>,
  config: Config,
  problem: ProblemSink,
): ParsedRowValues | null {
  const values: Partial<Record<GroupKey, GroupValue>> = {};
  const missing: HeaderColumn[] = [];
  let present = 0;
  let bad = false;
  for (const c of groupCols) {
    const v = cells[c.col - 1] ?? null;
    if (isEmptyValue(v)) {
      missing.push(c);
      continue;
    }
    present++;
    const rate = rateCols.has(c.col);
    const n = readScoreCell(v, row, c, rate, config, problem);
    if (n === null) {
      bad = true;
      continue;
    }
    values[c.field as GroupKey] = { value: n, kind: rate ? 'rate' : 'points' };
  }
  let total: number | undefined;
  let totalPresent = false;
  if (totalCol) {
    const v = cells[totalCol.col - 1] ?? null;
    if (!isEmptyValue(v)) {
      totalPresent = true;
      const n = readScoreCell(v, row, totalCol, false, config, problem);
      if (n === null) bad = true;
      else total = n;
    }
  }
  if (bad) return null;
  const out: ParsedRowValues = { values, missing, present, totalPresent };
  if (total !== undefined) out.total = total;
  return out;
}

function readRank(v: CellValue): number | undefined {
  if (isEmptyValue(v)) return undefined;
  const p = parseScore(v);
  if (!p.ok || p.percent || p.value < 1 || !Number.isInteger(p.value)) return undefined;
  return p.value;
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
