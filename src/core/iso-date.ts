/** The form YYYY-MM-DD alone, for a message that tells a malformed date from one that does not exist. */
export const ISO_DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** "2025-11-14" that names a day of the calendar (not "2025-02-30"). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE_FORMAT.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
