/**
 * Evaluation dates written in titles ("Số liệu tính đến ngày 14/11/2025", "Số liệu ngày 04/6/2024")
 * and in file names ("diem-766-2025-11-14.xlsx"). Dates are ISO (YYYY-MM-DD).
 */
import path from 'node:path';
import { foldVietnamese } from '../../core/names.js';

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Words before a date that make it the date of a legal document, not of the data. */
const DOCUMENT_WORDS = /(?:quyet dinh|nghi dinh|thong tu|chi thi|cong van|nghi quyet|ke hoach|qd ttg|qd ubnd| so \d+ [a-z]+)/;
/** A document symbol such as "766/QĐ-TTg", "07406/UBND-PVHCC", "30/2020/NĐ-CP" (lightly folded). */
const DOCUMENT_SYMBOL = /\d+\/[a-z]{1,8}(?:-[a-z]{1,10})+(?![a-z])/;
/** Words before a date that make it a reference for comparison ("so với ngày 07/11/2025"). */
const REFERENCE_WORDS = /(?:^| )(?:so voi|ky truoc)(?: |$)/;
/** Words right before the first date of a range ("từ ngày 01/11/2025 đến ..."). */
const RANGE_START = /(?:^| )(?:tu|bat dau)(?: ngay)?$/;
/** What may stand between the two dates of a range: "đến (hết) (ngày)", "tới", a dash. */
const RANGE_LINK = /^(?:[-~>]+|(?:den|toi)(?: het)?(?: ngay)?)$/;

/**
 * A date written day first (14/11/2025, 14-11-2025, 14.11.2025, 9/3/2026), in words ("ngày 14 tháng
 * 11 năm 2025") or ISO (2025-11-14), in a lightly folded text.
 */
const DATE =
  /(?<![\d/.])(?:(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})|ngay (\d{1,2}) thang (\d{1,2}),? nam (\d{4}))(?![\d/])/g;

/** Lower case, no diacritics, đ → d, one kind of dash, single spaces; punctuation kept. */
function lightFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2192/g, '>')
    .replace(/\s+/g, ' ');
}

function matchedDate(m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
  if (m[5] !== undefined) return isoDate(Number(m[5]), Number(m[6]), Number(m[7]));
  return isoDate(Number(m[10]), Number(m[9]), Number(m[8]));
}

/**
 * The data dates a title text gives, in order, each once. A range ("từ ngày 01/11/2025 đến ngày
 * 14/11/2025", "01/11/2025 - 14/11/2025") gives its end: the data as at that day. The start of a
 * range without an end ("từ ngày 01/11/2025 đến nay") gives nothing. Dates of legal documents
 * ("Quyết định số 766/QĐ-TTg ngày 23/6/2022") and comparison references ("so với ngày ...") are
 * ignored; only the clause before the date (since the previous date, a comma or a semicolon) counts.
 */
export function titleDatesFromText(text: string): string[] {
  const folded = lightFold(text);
  const dates: string[] = [];
  /** The previous date: its value, whether it counts as data, whether it was only a range start. */
  let prev: { date: string; data: boolean; start: boolean; end: number } | null = null;
  for (const m of folded.matchAll(DATE)) {
    const date = matchedDate(m);
    const between = folded.slice(prev?.end ?? 0, m.index);
    const words = foldVietnamese(between);
    const end = m.index + m[0].length;
    if (!date) {
      prev = null;
      continue;
    }
    if (prev?.data && prev.date <= date && RANGE_LINK.test(between.trim())) {
      // The range's end replaces its start.
      if (!prev.start) dates.pop();
      dates.push(date);
      prev = { date, data: true, start: false, end };
      continue;
    }
    // Only the clause before the date names a document: "Theo Kế hoạch số 12, số liệu ngày ..." is data.
    const rawClause = between.slice(Math.max(between.lastIndexOf(','), between.lastIndexOf(';')) + 1);
    const clause = foldVietnamese(rawClause);
    if (DOCUMENT_WORDS.test(` ${clause} `) || DOCUMENT_SYMBOL.test(rawClause) || REFERENCE_WORDS.test(clause)) {
      prev = { date, data: false, start: false, end };
      continue;
    }
    const start = RANGE_START.test(words);
    if (!start) dates.push(date);
    prev = { date, data: true, start, end };
  }
  return [...new Set(dates)];
}

/**
 * The last ISO date (YYYY-MM-DD, or with _ or . separators) in a file's base name, never in its
 * folders' names ("D:\Số liệu 2025-11-01\diem.xlsx" has none). `paths`: the system's path rules
 * (path.win32 in the tests of Windows paths).
 */
export function filenameDate(file: string, paths: Pick<typeof path, 'basename'> = path): string | null {
  const name = paths.basename(file);
  const re = /(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/g;
  let found: string | null = null;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found = iso;
  }
  return found;
}
