/**
 * Vietnamese wording of numbers and dates, as the seeds write them (shared/spec/documents.md) and
 * as Nghị định 30 pads dates. Every document uses these and nothing else.
 */

/** Rounds half away from zero to `decimals`, without binary-float surprises such as 1.005. */
export function round(n: number, decimals = 2): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(n) * f + 1e-9) / f;
  return n < 0 ? -r : r;
}

/** A figure as read, not rounded for print, with a decimal comma: "89,995", "18". */
export function formatExact(n: number): string {
  return String(round(n, 6)).replace('.', ',');
}

/** First letter in upper case: "Ngày 25 tháng 5 năm 2022", "Cấp xã". */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Score: decimal comma, at least 1 and at most 2 decimals ("88,72", "20,1", "10,0"). */
export function formatScore(n: number): string {
  const r = round(n, 2);
  const hundredths = Math.round(Math.abs(r) * 100);
  const digits = hundredths % 10 === 0 ? 1 : 2;
  return r.toFixed(digits).replace('.', ',');
}

/** A maximum or threshold as the seeds print it: "18", "22", "100", "16,5" (no ",0"). */
export function formatMax(n: number): string {
  return formatScore(n).replace(/,0$/, '');
}

/**
 * A figure in an appendix table: always two decimals, as the portal shows them ("18,00", "97,30"),
 * so that every column of figures lines up. Sentences keep formatScore's wording.
 */
export function formatTableScore(n: number): string {
  const r = round(n, 2);
  return (r === 0 ? 0 : r).toFixed(2).replace('.', ',');
}

/** Score change in a table cell, two decimals: "+0,27", "-1,05", "+1,00", "0,00". */
export function formatTableChange(n: number): string {
  const r = round(n, 2);
  if (r === 0) return formatTableScore(0);
  return (r > 0 ? '+' : '-') + formatTableScore(Math.abs(r));
}

/** Score change in a sentence: "tăng 0,27 điểm", "giảm 1,05 điểm", "không thay đổi". */
export function formatScoreChange(n: number, unit = 'điểm'): string {
  const r = round(n, 2);
  if (r === 0) return 'không thay đổi';
  return `${r > 0 ? 'tăng' : 'giảm'} ${formatScore(Math.abs(r))} ${unit}`;
}

/** Percentage: "83,65%". */
export function formatPercent(n: number): string {
  return `${formatScore(n)}%`;
}

/** Percentage change: "tăng 6,23%". */
export function formatPercentChange(n: number): string {
  const r = round(n, 2);
  if (r === 0) return 'không thay đổi';
  return `${r > 0 ? 'tăng' : 'giảm'} ${formatPercent(Math.abs(r))}`;
}

/** Counts have at least two digits: "04", "87", "102". */
export function formatCount(n: number): string {
  return String(n).padStart(2, '0');
}

/** Rank change: "tăng 12 bậc", "giảm 03 bậc", or with another verb pair ("cải thiện"). */
export function formatRankChange(improvement: number, up = 'tăng', down = 'giảm'): string {
  if (improvement === 0) return 'không thay đổi thứ hạng';
  return `${improvement > 0 ? up : down} ${formatCount(Math.abs(improvement))} bậc`;
}

/** Nghị định 30: days below 10 and months 1 and 2 get a leading zero. */
export function padDay(day: number): string {
  return String(day).padStart(2, '0');
}

export function padMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): YMD {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** "14/11/2025", "04/6/2024", "09/01/2026". */
export function formatShortDate(iso: string): string {
  const d = parseIsoDate(iso);
  return `${padDay(d.day)}/${padMonth(d.month)}/${d.year}`;
}

/** Blank space the clerk fills by hand, as in the seeds. */
export const BLANK = '      ';

/**
 * Date of issue: "Đắk Lắk, ngày 05 tháng 02 năm 2025"; without a day (unissued draft):
 * "Đắk Lắk, ngày      tháng 11 năm 2025".
 */
export function formatPlaceDate(place: string, issued: { year: number; month: number; day?: number }): string {
  return `${place}, ${formatLongDate(issued)}`;
}

/** "ngày 05 tháng 02 năm 2025", or with a blank day. */
export function formatLongDate(d: { year: number; month: number; day?: number }): string {
  const day = d.day === undefined ? BLANK : padDay(d.day);
  return `ngày ${day} tháng ${padMonth(d.month)} năm ${d.year}`;
}

/** "Số: 05/BC-VPUBND" or, unnumbered, "Số:      /BC-VPUBND". */
export function formatDocumentNumber(symbol: string, number?: number): string {
  return `Số: ${number === undefined ? BLANK : padDay(number)}/${symbol}`;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Vietnamese list: "A", "A và B", "A, B và C". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}
