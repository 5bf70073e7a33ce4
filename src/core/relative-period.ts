import { addDays, getDay, parseISO } from 'date-fns';
import { isIsoDate } from './iso-date.js';
import { previousPeriod, type Period } from './periods.js';

/** `--week current`, `--month previous` ...: periods named relative to today. */
export const RELATIVE_PERIODS = ['current', 'previous'] as const;
export type Relative = (typeof RELATIVE_PERIODS)[number];

export function isRelative(v: unknown): v is Relative {
  return v === 'current' || v === 'previous';
}

/**
 * The period of `kind` that contains `today` (an ISO date), or the one before it. A week belongs
 * to the month of its Monday: week N of month M starts on the N-th Monday of M (periods.ts), so
 * Sunday 02/11/2025 is in tuần 04 tháng 10/2025.
 */
export function relativePeriod(kind: Period['kind'], which: Relative, today: string): Period {
  const current = periodContaining(kind, today);
  return which === 'current' ? current : previousPeriod(current);
}

function periodContaining(kind: Period['kind'], today: string): Period {
  if (!isIsoDate(today)) throw new RangeError(`today must be an ISO date, got ${today}`);
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'week': {
      const d = parseISO(today);
      const monday = addDays(d, -((getDay(d) + 6) % 7));
      return { kind: 'week', week: Math.floor((monday.getDate() - 1) / 7) + 1, month: monday.getMonth() + 1, year: monday.getFullYear() };
    }
    case 'month':
      return { kind: 'month', month, year };
    case 'quarter':
      return { kind: 'quarter', quarter: Math.floor((month - 1) / 3) + 1, year };
    case 'year':
      return { kind: 'year', year };
  }
}

const UNIT: Record<Period['kind'], string> = { week: 'tuần', month: 'tháng', quarter: 'quý', year: 'năm' };

/** "tuần này", "tuần trước", "quý này", "năm nay", "năm trước". */
export function relativeWording(kind: Period['kind'], which: Relative): string {
  if (which === 'previous') return `${UNIT[kind]} trước`;
  return kind === 'year' ? 'năm nay' : `${UNIT[kind]} này`;
}
