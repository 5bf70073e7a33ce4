import { UsageError } from '../core/errors.js';
import { periodLabel, periodProblem, type Period } from '../core/periods.js';
import { isRelative, relativePeriod, relativeWording, type Relative } from '../core/relative-period.js';

type PeriodValue = number | Relative | undefined;

export interface PeriodOptionValues {
  week?: PeriodValue;
  month?: PeriodValue;
  quarter?: PeriodValue;
  year?: PeriodValue;
}

const given = (o: PeriodOptionValues, keys: (keyof PeriodOptionValues)[]) => keys.filter((k) => o[k] !== undefined).map((k) => `--${k}`);

/**
 * The period of `--week N --month M | --month M | --quarter Q` with an optional `--year Y`, or
 * `--year Y` alone. Without --year, the year of `today` (an ISO date). `current` and `previous`
 * resolve against `today`: `--week current|previous` and `--quarter current|previous` name the
 * whole period, `--month current|previous` its month and year, `--year current|previous` the year.
 */
export function periodFromOptions(o: PeriodOptionValues, today: string): Period {
  if (isRelative(o.week)) {
    const extra = given(o, ['month', 'quarter', 'year']);
    if (extra.length) throw new UsageError(`--week ${o.week} đã xác định tuần, tháng và năm: bỏ ${extra.join(', ')}`);
    return relativePeriod('week', o.week, today);
  }
  if (isRelative(o.quarter)) {
    const extra = given(o, ['week', 'month', 'year']);
    if (extra.length) throw new UsageError(`--quarter ${o.quarter} đã xác định quý và năm: bỏ ${extra.join(', ')}`);
    return relativePeriod('quarter', o.quarter, today);
  }
  let year = isRelative(o.year) ? relativePeriod('year', o.year, today).year : o.year;
  let month = o.month;
  if (isRelative(month)) {
    if (o.year !== undefined) throw new UsageError(`--month ${month} đã xác định tháng và năm: bỏ --year`);
    const p = relativePeriod('month', month, today) as Extract<Period, { kind: 'month' }>;
    month = p.month;
    year = p.year;
  }
  return absolutePeriod({ week: o.week as number | undefined, month, quarter: o.quarter as number | undefined, year }, o.year !== undefined, today);
}

function absolutePeriod(
  o: { week: number | undefined; month: number | undefined; quarter: number | undefined; year: number | undefined },
  yearGiven: boolean,
  today: string,
): Period {
  const year = o.year ?? Number(today.slice(0, 4));
  let p: Period;
  if (o.week !== undefined) {
    if (o.month === undefined) throw new UsageError('--week cần đi kèm --month (ví dụ: --week 2 --month 11), hoặc dùng --week current|previous');
    if (o.quarter !== undefined) throw new UsageError('không dùng --quarter cùng với --week');
    p = { kind: 'week', week: o.week, month: o.month, year };
  } else if (o.month !== undefined) {
    if (o.quarter !== undefined) throw new UsageError('chọn một trong --month hoặc --quarter');
    p = { kind: 'month', month: o.month, year };
  } else if (o.quarter !== undefined) {
    p = { kind: 'quarter', quarter: o.quarter, year };
  } else if (yearGiven) {
    p = { kind: 'year', year };
  } else {
    throw new UsageError(
      'cần chỉ định kỳ báo cáo: --week N --month M, --month M, --quarter Q hoặc --year Y (hoặc --week, --month, --quarter, --year current|previous)',
    );
  }
  const problem = periodProblem(p);
  if (problem) throw new UsageError(problem);
  return p;
}

/**
 * "Kỳ: tuần 02 tháng 11/2025 (tuần trước)" when the period was named relative to today, so that a
 * scheduled run's log says which period it made; null otherwise.
 */
export function relativePeriodNote(o: PeriodOptionValues, period: Period): string | null {
  const words = (['week', 'quarter', 'month', 'year'] as const).flatMap((k) => {
    const v = o[k];
    return isRelative(v) ? [relativeWording(k, v)] : [];
  });
  return words.length ? `Kỳ: ${periodLabel(period)} (${words.join(', ')})` : null;
}
