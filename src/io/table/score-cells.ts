/**
 * Reading the figures of one unit row (shared/spec/inputs.md §3): every group cell and the total
 * parsed and range-checked, each bad cell a located problem with the value found and what was
 * expected.
 */
import type { Config } from '../../config/schema.js';
import { formatExact } from '../../core/format-vi.js';
import { TOTAL_TOLERANCE } from '../../core/scoring.js';
import type { GroupKey, GroupValue } from '../../core/types.js';
import type { Field } from './columns.js';
import { GridIndex, isEmptyValue, type CellValue } from './grid.js';
import type { Header, HeaderColumn } from './header.js';
import { hasPercent, parseScore } from './values.js';

const TOTAL_MAX = 100;
/** Published totals may run over 100 by the rounding of the groups, within the engine's tolerance. */
const TOTAL_LIMIT = TOTAL_MAX + TOTAL_TOLERANCE;
const EPS = 1e-9;

/** Collects a problem at a row and 1-based column. */
export type ProblemSink = (row: number, col: number, message: string) => void;

/** The figures of one unit row. */
export interface RowFigures {
  values: Partial<Record<GroupKey, GroupValue>>;
  /** Group columns left empty. */
  missing: HeaderColumn[];
  /** Group cells holding a value. */
  present: number;
  total?: number;
  totalPresent: boolean;
  /** Rates written as plain numbers, without "%", with their column: fractions if every one of the table is ≤ 1. */
  plainRates: Array<{ value: GroupValue; col: number }>;
}

/** A label that gives the column a maximum in points: "Công khai, minh bạch (18)", "... (điểm)". */
const POINTS_LABEL = /\(\s*\d+(?:[.,]\d+)?\s*(?:điểm)?\s*\)|\(\s*điểm\s*\)/iu;

/** Group columns holding rates: said by the header, or some cell of the column carries "%". */
export function findRateColumns(index: GridIndex, header: Header, groupCols: HeaderColumn[]): Set<number> {
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

function expectation(field: Field, rate: boolean, config: Config): string {
  if (field === 'total') return `cần tổng điểm từ 0 đến ${TOTAL_MAX}`;
  const g = config.groups[field as GroupKey];
  return rate ? `cần tỷ lệ từ 0 đến 100% (${g.label})` : `cần điểm từ 0 đến ${formatExact(g.max)} (${g.label})`;
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
    problem(
      row,
      col.col,
      `ô công thức "${found}" không có kết quả dùng được (chưa tính, hoặc tính ra lỗi); hãy mở tệp bằng Excel, sửa công thức nếu lỗi rồi lưu lại (${expected})`,
    );
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
  const max = col.field === 'total' ? TOTAL_LIMIT : rate ? 100 : config.groups[col.field as GroupKey].max;
  if (p.value > max + EPS) {
    const what = rate ? 'vượt 100%' : col.field === 'total' ? `vượt ${TOTAL_MAX} điểm` : 'vượt điểm tối đa của nhóm';
    problem(row, col.col, `giá trị "${found}" ${what}; ${expected}`);
    return null;
  }
  return p.value;
}

/** The figures of a unit row; null when a cell was invalid (its problem is collected). */
export function readRowFigures(
  row: number,
  cells: CellValue[],
  groupCols: HeaderColumn[],
  totalCol: HeaderColumn | undefined,
  rateCols: Set<number>,
  config: Config,
  problem: ProblemSink,
): RowFigures | null {
  const values: Partial<Record<GroupKey, GroupValue>> = {};
  const missing: HeaderColumn[] = [];
  const plainRates: RowFigures['plainRates'] = [];
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
    const value: GroupValue = { value: n, kind: rate ? 'rate' : 'points' };
    values[c.field as GroupKey] = value;
    if (rate && !hasPercent(v)) plainRates.push({ value, col: c.col });
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
  const out: RowFigures = { values, missing, present, totalPresent, plainRates };
  if (total !== undefined) out.total = total;
  return out;
}

/** A published rank: a positive whole number, else undefined. */
export function readRank(v: CellValue): number | undefined {
  if (isEmptyValue(v)) return undefined;
  const p = parseScore(v);
  if (!p.ok || p.percent || p.value < 1 || !Number.isInteger(p.value)) return undefined;
  return p.value;
}
