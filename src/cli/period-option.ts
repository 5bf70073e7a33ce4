import type { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { periodLabel, periodProblem, type Period } from '../core/periods.js';
import { isRelative, relativePeriod, relativeWording, type Relative } from '../core/relative-period.js';

/**
 * The period of `--week N --month M | --month M | --quarter Q` with an optional `--year Y`, or
 * `--year Y` alone. Without --year, the year of today. `current` and `previous` resolve against
 * today: `--week` and `--quarter current|previous` name the whole period, `--month
 * current|previous` its month and year, `--year current|previous` the year.
 */

type PeriodValue = number | Relative | undefined;

export interface PeriodOptions {
  week?: PeriodValue;
  month?: PeriodValue;
  quarter?: PeriodValue;
  year?: PeriodValue;
}

/** The rule between the period options, as a refinement of a command's options. */
export function periodRule(o: PeriodOptions, ctx: z.RefinementCtx): void {
  const problem = periodChoiceProblem(o);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

const given = (o: PeriodOptions, keys: (keyof PeriodOptions)[]) => keys.filter((k) => o[k] !== undefined).map((k) => `--${k}`);

function periodChoiceProblem(o: PeriodOptions): string | null {
  if (isRelative(o.week)) {
    const extra = given(o, ['month', 'quarter', 'year']);
    return extra.length ? `--week ${o.week} đã xác định tuần, tháng và năm: bỏ ${extra.join(', ')}` : null;
  }
  if (isRelative(o.quarter)) {
    const extra = given(o, ['week', 'month', 'year']);
    return extra.length ? `--quarter ${o.quarter} đã xác định quý và năm: bỏ ${extra.join(', ')}` : null;
  }
  if (isRelative(o.month) && o.year !== undefined) return `--month ${o.month} đã xác định tháng và năm: bỏ --year`;
  if (o.week !== undefined) {
    if (o.month === undefined) return '--week cần đi kèm --month (ví dụ: --week 2 --month 11), hoặc dùng --week current|previous';
    if (o.quarter !== undefined) return 'không dùng --quarter cùng với --week';
  } else if (o.month !== undefined) {
    if (o.quarter !== undefined) return 'chọn một trong --month hoặc --quarter';
  } else if (o.quarter === undefined && o.year === undefined) {
    return 'cần chỉ định kỳ báo cáo: --week N --month M, --month M, --quarter Q hoặc --year Y (hoặc --week, --month, --quarter, --year current|previous)';
  }
  return null;
}

/** The period of the options (refused as periodRule does), resolved against `today`, an ISO date. */
export function periodFromOptions(o: PeriodOptions, today: string): Period {
  const problem = periodChoiceProblem(o);
  if (problem) throw new UsageError(problem);
  if (isRelative(o.week)) return relativePeriod('week', o.week, today);
  if (isRelative(o.quarter)) return relativePeriod('quarter', o.quarter, today);
  let year = isRelative(o.year) ? relativePeriod('year', o.year, today).year : (o.year ?? Number(today.slice(0, 4)));
  let month = o.month;
  if (isRelative(month)) {
    const p = relativePeriod('month', month, today) as Extract<Period, { kind: 'month' }>;
    month = p.month;
    year = p.year;
  }
  const week = o.week as number | undefined;
  const quarter = o.quarter as number | undefined;
  const p: Period =
    week !== undefined
      ? { kind: 'week', week, month: month!, year }
      : month !== undefined
        ? { kind: 'month', month, year }
        : quarter !== undefined
          ? { kind: 'quarter', quarter, year }
          : { kind: 'year', year };
  const bad = periodProblem(p);
  if (bad) throw new UsageError(bad);
  return p;
}

/**
 * "Kỳ: tuần 02 tháng 11/2025 (tuần trước)" when the period was named relative to today, so that a
 * scheduled run's log says which period it made; null otherwise.
 */
export function relativePeriodNote(o: PeriodOptions, period: Period): string | null {
  const words = (['week', 'quarter', 'month', 'year'] as const).flatMap((k) => {
    const v = o[k];
    return isRelative(v) ? [relativeWording(k, v)] : [];
  });
  return words.length ? `Kỳ: ${periodLabel(period)} (${words.join(', ')})` : null;
}
