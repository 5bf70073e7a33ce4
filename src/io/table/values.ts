/**
 * Score cells (shared/spec/inputs.md §3): a number, or text holding a number with `,` or `.` as
 * the decimal mark, an optional `%`, and spaces.
 */
import type { CellValue } from './grid.js';

export type ParsedNumber =
  | { ok: true; value: number; percent: boolean }
  | { ok: false; text: string };

const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/** Thousands-free score text: spaces (NBSP included) removed before matching. */
const SPACES = /[\s\u00a0\u202f]+/g;

/** Float noise of formula results (14.530000000000001) removed; scores have 2 decimals. */
export function cleanNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Parse a non-empty score cell. */
export function parseScore(v: CellValue): ParsedNumber {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { ok: true, value: cleanNumber(v), percent: false } : { ok: false, text: String(v) };
  }
  const text = String(v ?? '');
  let s = text.replace(SPACES, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!NUMBER_TEXT.test(s)) return { ok: false, text };
  const n = Number(s.replace(',', '.'));
  if (!Number.isFinite(n)) return { ok: false, text };
  return { ok: true, value: cleanNumber(n), percent };
}

/** The cell text carries a percent sign (column holds rates). */
export function hasPercent(v: CellValue): boolean {
  return typeof v === 'string' && /%\s*$/.test(v.trim());
}

