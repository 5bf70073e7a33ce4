import { UsageError } from '../core/errors.js';
import { periodProblem, type Period } from '../core/periods.js';

/**
 * The period of `--week N --month M | --month M | --quarter Q` with an optional `--year Y`, or
 * `--year Y` alone. Without --year, the current year.
 */
export function periodFromOptions(
  o: { week?: number | undefined; month?: number | undefined; quarter?: number | undefined; year?: number | undefined },
  today: Date,
): Period {
  const year = o.year ?? today.getFullYear();
  let p: Period;
  if (o.week !== undefined) {
    if (o.month === undefined) throw new UsageError('--week cần đi kèm --month (ví dụ: --week 2 --month 11)');
    if (o.quarter !== undefined) throw new UsageError('không dùng --quarter cùng với --week');
    p = { kind: 'week', week: o.week, month: o.month, year };
  } else if (o.month !== undefined) {
    if (o.quarter !== undefined) throw new UsageError('chọn một trong --month hoặc --quarter');
    p = { kind: 'month', month: o.month, year };
  } else if (o.quarter !== undefined) {
    p = { kind: 'quarter', quarter: o.quarter, year };
  } else if (o.year !== undefined) {
    p = { kind: 'year', year };
  } else {
    throw new UsageError('cần chỉ định kỳ báo cáo: --week N --month M, --month M, --quarter Q hoặc --year Y');
  }
  const problem = periodProblem(p);
  if (problem) throw new UsageError(problem);
  return p;
}
