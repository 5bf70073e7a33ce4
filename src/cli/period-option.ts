import type { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { periodProblem, type Period } from '../core/periods.js';

/**
 * The period of `--week N --month M | --month M | --quarter Q` with an optional `--year Y`, or
 * `--year Y` alone. Without --year, the current year.
 */

interface PeriodOptions {
  week?: number | undefined;
  month?: number | undefined;
  quarter?: number | undefined;
  year?: number | undefined;
}

/** The rule between the period options, as a refinement of a command's options. */
export function periodRule(o: PeriodOptions, ctx: z.RefinementCtx): void {
  const problem = periodChoiceProblem(o);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

function periodChoiceProblem(o: PeriodOptions): string | null {
  if (o.week !== undefined) {
    if (o.month === undefined) return '--week cần đi kèm --month (ví dụ: --week 2 --month 11)';
    if (o.quarter !== undefined) return 'không dùng --quarter cùng với --week';
  } else if (o.month !== undefined) {
    if (o.quarter !== undefined) return 'chọn một trong --month hoặc --quarter';
  } else if (o.quarter === undefined && o.year === undefined) {
    return 'cần chỉ định kỳ báo cáo: --week N --month M, --month M, --quarter Q hoặc --year Y';
  }
  return null;
}

/** The period of options that passed periodRule. */
export function periodFromOptions(o: PeriodOptions, today: Date): Period {
  const year = o.year ?? today.getFullYear();
  const p: Period =
    o.week !== undefined
      ? { kind: 'week', week: o.week, month: o.month!, year }
      : o.month !== undefined
        ? { kind: 'month', month: o.month, year }
        : o.quarter !== undefined
          ? { kind: 'quarter', quarter: o.quarter, year }
          : { kind: 'year', year };
  const problem = periodProblem(p);
  if (problem) throw new UsageError(problem);
  return p;
}
