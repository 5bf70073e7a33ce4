import { UsageError } from '../core/errors.js';
import { isIsoDate } from '../core/iso-date.js';

/** The office's time zone: "today" of `current` and `previous`, and the default year. */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar date of `now` in `timeZone`, as YYYY-MM-DD. */
export function isoDateIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Today in Asia/Ho_Chi_Minh, whatever the machine's time zone; `DAKINDEX_TODAY=YYYY-MM-DD` pins it
 * (tests, or re-running a missed scheduled run as of its day).
 */
export function officeToday(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const pinned = env.DAKINDEX_TODAY;
  if (pinned === undefined || pinned === '') return isoDateIn(OFFICE_TIME_ZONE, now);
  if (!isIsoDate(pinned)) {
    throw new UsageError(`DAKINDEX_TODAY=${pinned}: ngày phải có dạng YYYY-MM-DD và có thật (ví dụ 2025-11-14)`);
  }
  return pinned;
}
