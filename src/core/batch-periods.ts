import { periodRange, weeksInMonth, type Period } from './periods.js';

/** The kind of period a batch goes through: every week, month or quarter of a year. */
export type BatchUnit = 'week' | 'month' | 'quarter';

/** Inclusive ISO dates; a period is in the range when its first day is. */
export interface BatchRange {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The periods of a batch, in date order: every week (tuần N tháng M, by the month of its Monday),
 * month or quarter of `year` whose first day lies in `range`.
 */
export function batchPeriods(unit: BatchUnit, year: number, range: BatchRange = {}): Period[] {
  const all: Period[] = [];
  if (unit === 'quarter') {
    for (let quarter = 1; quarter <= 4; quarter++) all.push({ kind: 'quarter', quarter, year });
  } else {
    for (let month = 1; month <= 12; month++) {
      if (unit === 'month') all.push({ kind: 'month', month, year });
      else for (let week = 1; week <= weeksInMonth(month, year); week++) all.push({ kind: 'week', week, month, year });
    }
  }
  return all.filter((p) => {
    const start = periodRange(p).start;
    return (range.from === undefined || start >= range.from) && (range.to === undefined || start <= range.to);
  });
}

/** The periods that have begun by `today` (an ISO date), and those that have not: a batch leaves those out. */
export function startedBy(periods: Period[], today: string): { started: Period[]; notYet: Period[] } {
  const started = periods.filter((p) => periodRange(p).start <= today);
  return { started, notYet: periods.slice(started.length) };
}
