/**
 * Evaluation dates written in titles ("Số liệu tính đến ngày 14/11/2025", "Số liệu ngày 04/6/2024")
 * and in file names ("diem-766-2025-11-14.xlsx"). Dates are ISO (YYYY-MM-DD).
 */
import { basename } from 'node:path';
import { foldVietnamese } from '../../core/names.js';

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Texts in a title that date a legal document, not the data ("Quyết định số 766/QĐ-TTg ngày 23/6/2022"). */
const DOCUMENT_WORDS = /(?:quyet dinh|nghi dinh|thong tu|chi thi|cong van|nghi quyet|ke hoach|qd ttg|qd ubnd| so \d+ [a-z]+)/;

/**
 * The data date in a title text: "ngày D/M/YYYY" or "đến D/M/YYYY" (any of / . - as separators).
 * A date right after a document reference ("Quyết định số 766/QĐ-TTg ngày 23/6/2022") is ignored.
 */
export function titleDateFromText(text: string): string | null {
  const folded = ` ${foldVietnamese(text)} `;
  const re = /(?:ngay|den) (\d{1,2}) (\d{1,2}) (\d{4})(?= )/g;
  let lastEnd = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    // Only the words since the previous date count: "QĐ 766 ngày 23/6/2022, số liệu ngày 14/11/2025".
    const before = ` ${folded.slice(lastEnd, m.index)}`;
    lastEnd = m.index + m[0].length;
    if (DOCUMENT_WORDS.test(before)) continue;
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (iso) return iso;
  }
  return null;
}

/** The last ISO date (YYYY-MM-DD, or with _ or . separators) in a file's base name. */
export function filenameDate(path: string): string | null {
  const name = basename(path);
  const re = /(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/g;
  let found: string | null = null;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found = iso;
  }
  return found;
}
