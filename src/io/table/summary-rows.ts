/**
 * Rows that sum up a table rather than score a unit: an average or total row under the units, by its
 * label ("Trung bình", "Tổng cộng", "Điểm bình quân chung") or by its figures (each equal, within
 * 0,01, to the mean or the sum of the units above it).
 */
import { foldVietnamese } from '../../core/names.js';
import { SECTION_PHRASES, SUMMARY_LABELS } from '../../core/vocabulary.js';
import type { GroupKey, GroupValue } from '../../core/types.js';
import { isEmptyValue, type CellValue } from './grid.js';
import type { HeaderColumn } from './header.js';
import { parseScore } from './values.js';

const SUMMARY = new Set(SUMMARY_LABELS);
const LEVEL_LABELS = new Set(SECTION_PHRASES);
/** Leading numbering of a label: "I.", "3.", "a)". */
const NUMBERING = /^(?:[ivx]{1,4}|\d{1,2}|[a-d])\s+/;
const TOLERANCE = 0.01 + 1e-9;

/** A label that sums up a table: a summary word, or a level's name alone ("Cấp xã"). */
export function isSummaryLabel(label: string): boolean {
  const folded = foldVietnamese(label).replace(NUMBERING, '');
  return SUMMARY.has(folded) || LEVEL_LABELS.has(folded);
}

/** The figures of a row as the content check compares them. */
export interface Figures {
  values: Partial<Record<GroupKey, GroupValue>>;
  total?: number;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE;
}

/**
 * 'mean' or 'sum' when every figure of `row` equals the mean (or every one the sum) of the same
 * figure over `above`; null otherwise, or when fewer than two units with data are above.
 */
export function summaryOf(row: Figures, above: readonly Figures[]): 'mean' | 'sum' | null {
  const withData = above.filter((u) => Object.keys(u.values).length > 0 || u.total !== undefined);
  if (withData.length < 2) return null;
  const pairs: Array<[number, number[]]> = [];
  for (const [k, v] of Object.entries(row.values) as Array<[GroupKey, GroupValue]>) {
    pairs.push([v.value, withData.flatMap((u) => (u.values[k] ? [u.values[k].value] : []))]);
  }
  if (row.total !== undefined) pairs.push([row.total, withData.flatMap((u) => (u.total === undefined ? [] : [u.total]))]);
  if (pairs.length === 0 || pairs.some(([, xs]) => xs.length === 0)) return null;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (pairs.every(([v, xs]) => close(v, sum(xs) / xs.length))) return 'mean';
  if (pairs.every(([v, xs]) => close(v, sum(xs)))) return 'sum';
  return null;
}

/** The numbers of a row's score cells, without range checks (a sum row runs past the maxima). */
export function rawFigures(
  cells: ReadonlyArray<CellValue>,
  groupCols: readonly HeaderColumn[],
  totalCol: HeaderColumn | undefined,
  rateCols: ReadonlySet<number>,
): Figures | null {
  const values: Figures['values'] = {};
  for (const c of groupCols) {
    const v = cells[c.col - 1] ?? null;
    if (isEmptyValue(v)) continue;
    const p = parseScore(v);
    if (!p.ok) return null;
    values[c.field as GroupKey] = { value: p.value, kind: rateCols.has(c.col) ? 'rate' : 'points' };
  }
  const out: Figures = { values };
  const t = totalCol ? (cells[totalCol.col - 1] ?? null) : null;
  if (!isEmptyValue(t)) {
    const p = parseScore(t);
    if (!p.ok) return null;
    out.total = p.value;
  }
  return out;
}
