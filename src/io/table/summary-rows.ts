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

/** Running sums of the figures of the units read so far, per group and for the total. */
export class RunningFigures {
  private units = 0;
  private readonly sums = new Map<string, { sum: number; n: number }>();

  add(f: Figures): void {
    const keys = Object.entries(f.values).map(([k, v]) => [k, v.value] as const);
    if (f.total !== undefined) keys.push(['total', f.total]);
    if (keys.length === 0) return;
    this.units++;
    for (const [k, v] of keys) {
      const s = this.sums.get(k) ?? { sum: 0, n: 0 };
      s.sum += v;
      s.n++;
      this.sums.set(k, s);
    }
  }

  /**
   * 'mean' or 'sum' when every figure of `row` equals the mean (or every one the sum) of the same
   * figure over the units so far; null otherwise, or when fewer than two units with data were read.
   */
  summaryOf(row: Figures): 'mean' | 'sum' | null {
    if (this.units < 2) return null;
    const pairs = Object.entries(row.values).map(([k, v]) => [v.value, this.sums.get(k)] as const);
    if (row.total !== undefined) pairs.push([row.total, this.sums.get('total')]);
    if (pairs.length === 0 || pairs.some(([, s]) => s === undefined)) return null;
    if (pairs.every(([v, s]) => close(v, s!.sum / s!.n))) return 'mean';
    if (pairs.every(([v, s]) => close(v, s!.sum))) return 'sum';
    return null;
  }
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
