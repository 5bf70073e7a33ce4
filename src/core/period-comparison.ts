/**
 * A document's one comparison with earlier data, labelled by the data actually read: the previous
 * period's wording when those data are the previous period's, else their date.
 */
import { compare, type Comparison } from './comparison.js';
import { DataError } from './errors.js';
import type { Evaluation } from './evaluation.js';
import { formatShortDate } from './format-vi.js';
import { choiceWindow, periodLabel, periodShortLabel, previousPeriod, type Period } from './periods.js';
import type { Warning } from './types.js';
import { optionRef } from './option-ref.js';

export interface PeriodComparison {
  comparison: Comparison;
  /** ISO date of the earlier data. */
  previousDate: string;
  /** What the text compares with, after "so với": "tuần 01 tháng 11", or "ngày 02/7/2024". */
  label: string;
  /** The earlier data are dated in the previous period's choice window. */
  byPeriod: boolean;
}

type Dated = Evaluation & { date: string };

/**
 * Compares a period's data with earlier data, once for the whole document. Earlier data dated
 * outside the previous period's choice window are named by their date, with a warning; data not
 * older than the current data cannot be compared.
 */
export function comparePeriods(period: Period, current: Dated, previous: Dated): { result: PeriodComparison; warnings: Warning[] } {
  if (previous.date >= current.date) {
    throw new DataError(
      `Dữ liệu so sánh (ngày ${formatShortDate(previous.date)}) không cũ hơn dữ liệu ${periodLabel(period)} ` +
        `(ngày ${formatShortDate(current.date)}): không so sánh được. Kiểm tra ${optionRef('previous')}.`,
    );
  }
  const prev = previousPeriod(period);
  const window = choiceWindow(prev);
  const byPeriod = previous.date >= window.start && previous.date <= window.end;
  const label = byPeriod ? periodShortLabel(prev, period) : `ngày ${formatShortDate(previous.date)}`;
  const warnings: Warning[] = byPeriod
    ? []
    : [
        {
          message:
            `Dữ liệu so sánh ngày ${formatShortDate(previous.date)} không phải dữ liệu của ${periodLabel(prev)} ` +
            `(kỳ trước của ${periodLabel(period)}): phần so sánh trong văn bản ghi "so với ${label}".`,
        },
      ];
  return { result: { comparison: compare(current, previous), previousDate: previous.date, label, byPeriod }, warnings };
}

/**
 * A warning when a period's data are dated outside the dates that may stand for it (a file given
 * with --input or --date): the document still names the period, so the user must know.
 */
export function periodDataWarning(period: Period, date: string): Warning | null {
  const window = choiceWindow(period);
  if (date >= window.start && date <= window.end) return null;
  return {
    message:
      `Dữ liệu ngày ${formatShortDate(date)} không thuộc ${periodLabel(period)} (cần ngày từ ${formatShortDate(window.start)} ` +
      `đến ${formatShortDate(window.end)}); văn bản vẫn ghi là ${periodLabel(period)}: kiểm tra ${optionRef('input')}, ${optionRef('date')} và kỳ báo cáo.`,
  };
}
