/**
 * Number formats that change what a cell means (xl/styles.xml): a percent format (0.975 shown as
 * 97,5%) and a date format (45975 shown as 14/11/2025). Each cell style (<cellXfs><xf>, indexed by
 * a cell's s attribute) is reduced to the kind of its number format.
 */
import { cleanNumber } from '../table/values.js';
import type { CellValue } from '../table/grid.js';
import { PREFIX, attr, startTags } from './xlsx-xml.js';

export type NumberKind = 'percent' | 'date' | 'plain';

/** Built-in formats: 9 "0%", 10 "0.00%"; 14–22 and 45–47 dates and times. */
function builtInKind(id: number): NumberKind {
  if (id === 9 || id === 10) return 'percent';
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return 'date';
  return 'plain';
}

/** The kind of a format code: its meaning is in what lies outside quotes, brackets and escapes. */
export function formatCodeKind(code: string): NumberKind {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/[_*]./g, '');
  if (bare.includes('%')) return 'percent';
  // d and y are dates; m is a month unless it sits with hours or seconds (then minutes).
  if (/[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare))) return 'date';
  return 'plain';
}

const CELL_XFS = new RegExp(`<${PREFIX}cellXfs\\b[^>]*>([\\s\\S]*?)</${PREFIX}cellXfs>`);

/** The number kind of each cell style, by style index. */
export function parseStyles(xml: string): NumberKind[] {
  const custom = new Map<number, NumberKind>();
  for (const a of startTags(xml, 'numFmt')) {
    const id = Number(attr(a, 'numFmtId'));
    const code = attr(a, 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, formatCodeKind(code));
  }
  const xfs = CELL_XFS.exec(xml)?.[1] ?? '';
  return startTags(xfs, 'xf').map((a) => {
    const id = Number(attr(a, 'numFmtId') ?? 0);
    return custom.get(id) ?? builtInKind(id);
  });
}

/** "d/m/yyyy" of a UTC date. */
function dateText(d: Date): string {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

const DAY_MS = 86_400_000;

/**
 * The date of an Excel serial number: days since 30/12/1899 (Excel's 1900 system, whose serial 60
 * is the 29/2/1900 that never was) or since 1/1/1904. Null outside Excel's date range.
 */
function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
  const days = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (date1904) return dateText(new Date(Date.UTC(1904, 0, 1) + days * DAY_MS));
  // Serial 0 is "0/1/1900" in Excel, and a time of day has no date: leave such numbers as they are.
  if (days < 1) return null;
  if (days === 60) return '29/2/1900';
  return dateText(new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS));
}

/** An ISO 8601 date of a t="d" cell as "d/m/yyyy"; the text itself when it is not one. */
export function isoDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso.trim());
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

/** A number as its format means it: 0.975 under "0.0%" is "97.5%", a date serial is "d/m/yyyy". */
export function styledNumber(n: number, kind: NumberKind | undefined, date1904: boolean): CellValue {
  if (kind === 'percent') return `${cleanNumber(n * 100)}%`;
  if (kind === 'date') return serialDate(n, date1904) ?? n;
  return n;
}
