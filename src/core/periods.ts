import { addDays, addWeeks, differenceInCalendarDays, format, getDay, lastDayOfMonth, parseISO } from 'date-fns';
import { formatCount, formatShortDate, roman } from './format-vi.js';
import { optionRef } from './option-ref.js';

/** A reporting period (shared/spec/documents.md, inputs.md §5). */
export type Period =
  | { kind: 'week'; week: number; month: number; year: number }
  | { kind: 'month'; month: number; year: number }
  | { kind: 'quarter'; quarter: number; year: number }
  | { kind: 'year'; year: number };

export interface DateRange {
  /** ISO dates, inclusive. */
  start: string;
  end: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const date = (y: number, m: number, d: number) => new Date(y, m - 1, d);

/** Monday of week N of month M: the N-th Monday of that month. */
function weekMonday(p: { week: number; month: number; year: number }): Date {
  const first = date(p.year, p.month, 1);
  const toMonday = (8 - getDay(first)) % 7;
  return addDays(first, toMonday + 7 * (p.week - 1));
}

/** How many weeks (Mondays) a month has: 4 or 5. */
export function weeksInMonth(month: number, year: number): number {
  const firstMonday = weekMonday({ week: 1, month, year });
  const last = lastDayOfMonth(firstMonday);
  return Math.floor(differenceInCalendarDays(last, firstMonday) / 7) + 1;
}

export function periodRange(p: Period): DateRange {
  switch (p.kind) {
    case 'week': {
      const monday = weekMonday(p);
      return { start: iso(monday), end: iso(addDays(monday, 6)) };
    }
    case 'month':
      return { start: iso(date(p.year, p.month, 1)), end: iso(lastDayOfMonth(date(p.year, p.month, 1))) };
    case 'quarter': {
      const m = (p.quarter - 1) * 3 + 1;
      return { start: iso(date(p.year, m, 1)), end: iso(lastDayOfMonth(date(p.year, m + 2, 1))) };
    }
    case 'year':
      return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
  }
}

/**
 * The date a period is evaluated on by default: a week's Friday (tuần 02 tháng 11/2025 → 14/11/2025);
 * a closed month, quarter or year on the first day after it ends (the data downloaded then).
 */
export function nominalEvaluationDate(p: Period): string {
  if (p.kind === 'week') return iso(addDays(weekMonday(p), 4));
  return iso(addDays(parseISO(periodRange(p).end), 1));
}

export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'week': {
      if (p.week > 1) return { ...p, week: p.week - 1 };
      const prevMonday = addWeeks(weekMonday(p), -1);
      const month = prevMonday.getMonth() + 1;
      const year = prevMonday.getFullYear();
      return { kind: 'week', week: weeksInMonth(month, year), month, year };
    }
    case 'month':
      return p.month > 1 ? { ...p, month: p.month - 1 } : { kind: 'month', month: 12, year: p.year - 1 };
    case 'quarter':
      return p.quarter > 1 ? { ...p, quarter: p.quarter - 1 } : { kind: 'quarter', quarter: 4, year: p.year - 1 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
  }
}

/** Full label: "tuần 02 tháng 11/2025", "tháng 5/2024", "Quý II năm 2024", "năm 2025". */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'week':
      return `tuần ${formatCount(p.week)} tháng ${p.month}/${p.year}`;
    case 'month':
      return `tháng ${p.month}/${p.year}`;
    case 'quarter':
      return `Quý ${roman(p.quarter)} năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

/**
 * Label after the first mention, when the year is understood: "tuần 01 tháng 11", "tháng 4",
 * "Quý I". A period of another year keeps its year.
 */
export function periodShortLabel(p: Period, context: Period): string {
  const sameYear = p.year === context.year;
  switch (p.kind) {
    case 'week':
      return sameYear ? `tuần ${formatCount(p.week)} tháng ${p.month}` : periodLabel(p);
    case 'month':
      return sameYear ? `tháng ${p.month}` : periodLabel(p);
    case 'quarter':
      return sameYear ? `Quý ${roman(p.quarter)}` : periodLabel(p);
    case 'year':
      return periodLabel(p);
  }
}

/** Output file slug: "tuan-02-thang-11-2025", "thang-05-2024", "quy-2-2024", "nam-2025". */
export function periodSlug(p: Period): string {
  const two = (n: number) => String(n).padStart(2, '0');
  switch (p.kind) {
    case 'week':
      return `tuan-${two(p.week)}-thang-${two(p.month)}-${p.year}`;
    case 'month':
      return `thang-${two(p.month)}-${p.year}`;
    case 'quarter':
      return `quy-${p.quarter}-${p.year}`;
    case 'year':
      return `nam-${p.year}`;
  }
}

/** Checks a period's numbers; returns a Vietnamese message, or null when it is valid. */
export function periodProblem(p: Period): string | null {
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) return `năm không hợp lệ: ${p.year}`;
  if (p.kind === 'quarter' && !(Number.isInteger(p.quarter) && p.quarter >= 1 && p.quarter <= 4))
    return `quý phải từ 1 đến 4, nhận được ${p.quarter}`;
  if ((p.kind === 'month' || p.kind === 'week') && !(Number.isInteger(p.month) && p.month >= 1 && p.month <= 12))
    return `tháng phải từ 1 đến 12, nhận được ${p.month}`;
  if (p.kind === 'week') {
    const n = weeksInMonth(p.month, p.year);
    if (!(Number.isInteger(p.week) && p.week >= 1 && p.week <= n))
      return `tháng ${p.month}/${p.year} có ${n} tuần (tính theo ngày thứ Hai), không có tuần ${p.week}`;
  }
  return null;
}

export interface DatedFile {
  path: string;
  date: string;
}

export interface FileChoice {
  file: DatedFile;
  /** Why this file: a Vietnamese sentence for the user. */
  reason: string;
}

/** Days after a closed period during which its data are downloaded (inputs.md §5). */
export const CLOSING_WINDOW_DAYS = 10;

/** Files newest first, by date then by name (the later name first): the one order every choice of files uses. */
export function newestFirst(files: readonly DatedFile[]): DatedFile[] {
  return [...files].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
}

/**
 * The dates whose data may stand for a period: inside a week; for a month, quarter or year, from
 * its first day to the end of the 10 days after it (inputs.md §5).
 */
export function choiceWindow(p: Period): DateRange {
  const range = periodRange(p);
  if (p.kind === 'week') return range;
  return { start: range.start, end: iso(addDays(parseISO(range.end), CLOSING_WINDOW_DAYS)) };
}

/**
 * The file a period is evaluated on: the latest dated inside a week; for a month, quarter or year,
 * the latest dated in the first 10 days after it ends, else the latest inside it.
 */
export function chooseFile(p: Period, files: readonly DatedFile[]): FileChoice | null {
  const range = periodRange(p);
  const latest = (from: string, to: string) => newestFirst(files.filter((f) => f.date >= from && f.date <= to))[0];
  if (p.kind !== 'week') {
    const f = latest(iso(addDays(parseISO(range.end), 1)), choiceWindow(p).end);
    if (f) return { file: f, reason: `tệp mới nhất trong ${CLOSING_WINDOW_DAYS} ngày sau khi kỳ kết thúc` };
  }
  const f = latest(range.start, range.end);
  return f ? { file: f, reason: 'tệp mới nhất có ngày trong kỳ' } : null;
}

/**
 * A warning when the file chosen for `p` is also the one `chooseFile` gives the period before it
 * (a file dated in the first days of `p` closes the previous period too): the two periods' documents
 * would carry the same figures, and `p`'s comparison would read an older file as the previous
 * period. Null when the files differ.
 */
export function sharedFileWarning(p: Period, chosen: DatedFile, files: readonly DatedFile[]): string | null {
  const prev = previousPeriod(p);
  const theirs = chooseFile(prev, files);
  if (theirs?.file.path !== chosen.path) return null;
  return (
    `Tệp ${chosen.path} (ngày ${formatShortDate(chosen.date)}) là dữ liệu của cả ${periodLabel(p)} và ${periodLabel(prev)} ` +
    `(trong ${CLOSING_WINDOW_DAYS} ngày sau khi ${periodLabel(prev)} kết thúc): văn bản của hai kỳ sẽ có cùng số liệu. ` +
    `Kiểm tra lại, hoặc chỉ định tệp bằng ${optionRef('input')}.`
  );
}

/** The last `count` periods of `p`'s kind, oldest first, ending with `p` itself. */
export function recentPeriods(p: Period, count: number): Period[] {
  const out: Period[] = [p];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

/**
 * A period as a chart's category axis names it, short enough for six side by side: "Tuần 02
 * T11/2025", "T5/2024", "Quý I/2024", "Năm 2024".
 */
export function periodChartLabel(p: Period): string {
  switch (p.kind) {
    case 'week':
      return `Tuần ${formatCount(p.week)} T${p.month}/${p.year}`;
    case 'month':
      return `T${p.month}/${p.year}`;
    case 'quarter':
      return `Quý ${roman(p.quarter)}/${p.year}`;
    case 'year':
      return `Năm ${p.year}`;
  }
}
